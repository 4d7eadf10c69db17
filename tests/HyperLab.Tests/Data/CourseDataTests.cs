using System.Diagnostics;
using System.Text.RegularExpressions;
using HyperLab.Data;
using static HyperLab.Tests.Data.DataTestHelpers;

namespace HyperLab.Tests.Data;

/// <summary>Tests that change the COURSE_DATA environment variable run one at a time (this collection).</summary>
[CollectionDefinition(nameof(CourseDataEnvironment), DisableParallelization = true)]
public class CourseDataEnvironment;

public class CourseDataTests
{
    [Fact]
    public void FashionMnist_train_has_60000_images_of_28x28_in_10_balanced_classes()
    {
        var d = CourseData.FashionMnistTrain();
        Assert.Equal(60_000, d.Count);
        Assert.Equal(784, d.FeatureCount);
        Assert.Equal(60_000L * 784, d.Features.LongLength);
        Assert.Equal([1, 28, 28], d.ImageShape!);
        Assert.Equal(CourseData.FashionMnistClasses, d.ClassNames);
        Assert.Equal(Enumerable.Repeat(6_000, 10), d.ClassCounts());
        Assert.Equal("Fashion-MNIST train: 60,000 examples × 784 features, 10 classes", d.ToString());
        // The first image is an ankle boot (label 9) whose pixel bytes sum to 76,247.
        Assert.Equal(9, d.Labels[0]);
        Assert.Equal(76_247 / 255.0, d.Row(0).ToArray().Sum(x => (double)x), 3);
        Assert.Equal(0f, d.Features.Min());
        Assert.Equal(1f, d.Features.Max());
    }

    [Fact]
    public void FashionMnist_test_has_10000_images()
    {
        var d = CourseData.FashionMnistTest();
        Assert.Equal(10_000, d.Count);
        Assert.Equal(784, d.FeatureCount);
        Assert.Equal([1, 28, 28], d.ImageShape!);
        Assert.Equal(Enumerable.Repeat(1_000, 10), d.ClassCounts());
        Assert.Equal([9L, 2, 1, 1, 6], d.Labels[..5]);
    }

    [Fact]
    public void BreastCancer_is_569_by_30_with_malignant_and_benign()
    {
        var d = CourseData.BreastCancer();
        Assert.Equal((569, 30), (d.Count, d.FeatureCount));
        Assert.Equal(["malignant", "benign"], d.ClassNames);
        Assert.Equal([212, 357], d.ClassCounts());
        Assert.Null(d.ImageShape);
        Assert.Equal(17.99f, d.Features[0]);
        Assert.Equal(0, d.Labels[0]);
    }

    [Fact]
    public void Wine_is_178_by_13_with_3_classes()
    {
        var d = CourseData.Wine();
        Assert.Equal((178, 13), (d.Count, d.FeatureCount));
        Assert.Equal(["class_0", "class_1", "class_2"], d.ClassNames);
        Assert.Equal([59, 71, 48], d.ClassCounts());
        Assert.Equal([14.23f, 1.71f, 2.43f], d.Row(0)[..3].ToArray());
        Assert.Equal(1065f, d.Row(0)[12]);
    }

    [Fact]
    public void Digits_is_1797_by_64_with_10_classes_as_8x8_images()
    {
        var d = CourseData.Digits();
        Assert.Equal((1797, 64), (d.Count, d.FeatureCount));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString()), d.ClassNames);
        Assert.Equal([178, 182, 177, 183, 181, 182, 181, 179, 174, 180], d.ClassCounts());
        Assert.Equal([1, 8, 8], d.ImageShape!);
        Assert.Equal(0f, d.Features.Min());
        Assert.Equal(16f, d.Features.Max());
        Assert.Equal([0f, 0, 5, 13, 9, 1, 0, 0], d.Row(0)[..8].ToArray());
    }

    [Fact]
    public void Iris_is_150_by_4_with_3_species()
    {
        var d = CourseData.Iris();
        Assert.Equal((150, 4), (d.Count, d.FeatureCount));
        Assert.Equal(["setosa", "versicolor", "virginica"], d.ClassNames);
        Assert.Equal([50, 50, 50], d.ClassCounts());
        Assert.Equal([5.1f, 3.5f, 1.4f, 0.2f], d.Row(0).ToArray());
    }

    [Fact]
    public void Loaded_data_sets_are_cached_per_process()
    {
        Assert.Same(CourseData.Iris(), CourseData.Iris());
        Assert.Same(CourseData.FashionMnistTest(), CourseData.FashionMnistTest());
    }

    [Fact]
    public void Every_file_in_the_data_folder_passes_its_check()
    {
        CourseData.VerifyAll();
        foreach (var file in CourseData.Files)
            Assert.Equal(file.Bytes, new FileInfo(file.PathIn(CourseData.DataFolder)).Length);
    }

    [Fact]
    public void The_data_README_lists_each_file_with_the_size_and_hash_the_code_checks()
    {
        var readme = File.ReadAllText(Path.Combine(CourseData.DataFolder, "README.md"));
        foreach (var file in CourseData.Files)
        {
            var row = Regex.Match(readme, $@"^\|\s*`{Regex.Escape(file.RelativePath)}`\s*\|\s*([\d,]+)\s*\|\s*`([0-9a-f]{{64}})`\s*\|", RegexOptions.Multiline);
            Assert.True(row.Success, $"data/README.md has no table row for {file.RelativePath}");
            Assert.Equal(file.Bytes, long.Parse(row.Groups[1].Value.Replace(",", "")));
            Assert.Equal(file.Sha256, row.Groups[2].Value);
        }
    }

    public static TheoryData<string> FileNames => new(CourseData.Files.Select(f => f.RelativePath));

    [Theory]
    [MemberData(nameof(FileNames))]
    public void An_altered_file_raises_DataFileException_naming_the_file_and_the_fix(string relativePath)
    {
        var file = CourseData.Files.Single(f => f.RelativePath == relativePath);
        using var folder = new TempFolder().With(CourseData.Files.Where(f => f.RelativePath.Split('/')[0] == relativePath.Split('/')[0]).ToArray());
        folder.FlipByte(file);

        var error = Assert.Throws<DataFileException>(() => LoaderFor(file)(folder.Path));

        Assert.False(error.IsMissing);
        Assert.Equal(file.PathIn(folder.Path), error.FilePath);
        Assert.Equal(file.Sha256, error.ExpectedSha256);
        Assert.NotEqual(file.Sha256, error.ActualSha256);
        Assert.Contains(file.PathIn(folder.Path), error.Message);
        Assert.Contains(file.Sha256, error.Message);
        Assert.Contains(error.ActualSha256!, error.Message);
        Assert.Contains($"git checkout -- data/{file.RelativePath}", error.Message);
        Assert.Contains("data/README.md", error.Message);
    }

    [Fact]
    public void A_missing_file_raises_DataFileException_naming_the_file_and_the_fix()
    {
        using var folder = new TempFolder().With(CourseData.FashionMnistTrainImages); // labels missing

        var error = Assert.Throws<DataFileException>(() => CourseData.LoadFashionMnistTrain(folder.Path));

        Assert.True(error.IsMissing);
        Assert.Same(CourseData.FashionMnistTrainLabels, error.File);
        Assert.Contains(CourseData.FashionMnistTrainLabels.PathIn(folder.Path), error.Message);
        Assert.Contains("is missing", error.Message);
        Assert.Contains("git checkout -- data/fashion-mnist/train-labels-idx1-ubyte.gz", error.Message);
        Assert.Throws<DataFileException>(() => CourseData.LoadIris(folder.Path));
    }

    private static Func<string, Dataset> LoaderFor(DataFile file)
    {
        if (file == CourseData.BreastCancerCsv) return CourseData.LoadBreastCancer;
        if (file == CourseData.WineCsv) return CourseData.LoadWine;
        if (file == CourseData.DigitsCsv) return CourseData.LoadDigits;
        if (file == CourseData.IrisCsv) return CourseData.LoadIris;
        return file == CourseData.FashionMnistTrainImages || file == CourseData.FashionMnistTrainLabels
            ? CourseData.LoadFashionMnistTrain
            : CourseData.LoadFashionMnistTest;
    }
}

/// <summary>
/// The public loaders honour COURSE_DATA. These tests point it at a complete, intact copy of the data
/// folder, so tests elsewhere that load data at the same moment still get correct data; corrupted
/// copies are tested above through the folder-taking loaders, without touching the variable.
/// </summary>
[Collection(nameof(CourseDataEnvironment))]
public class CourseDataFolderTests
{
    [Fact]
    public void COURSE_DATA_chooses_the_data_folder_and_the_loaders_read_from_it()
    {
        using var copy = new TempFolder().With([.. CourseData.Files]);
        var iris = WithCourseData(copy.Path, () => (CourseData.DataFolder, CourseData.Iris()));
        Assert.Equal(copy.Path, iris.DataFolder);
        Assert.Equal(150, iris.Item2.Count);
        Assert.NotSame(CourseData.Iris(), iris.Item2); // cached per folder

        // A repository root (a folder that contains data/) is accepted too.
        var root = Path.GetDirectoryName(CourseData.DataFolder)!;
        Assert.Equal(CourseData.DataFolder, WithCourseData(root, () => CourseData.DataFolder));
    }

    [Fact]
    public void COURSE_DATA_pointing_at_a_damaged_copy_makes_the_public_loader_fail()
    {
        // The brief's scenario end to end. Wine in the copy is damaged; everything else is intact.
        using var copy = new TempFolder().With([.. CourseData.Files]);
        copy.FlipByte(CourseData.WineCsv);
        var error = WithCourseData(copy.Path, () => Assert.Throws<DataFileException>(() => CourseData.Wine()));
        Assert.Contains("uci/wine_data.csv", error.Message);
        Assert.Contains("git checkout -- data/uci/wine_data.csv", error.Message);
    }

    [Fact]
    public void A_COURSE_DATA_folder_that_does_not_exist_is_explained()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-course-data-" + Guid.NewGuid().ToString("N"));
        var error = WithCourseData(missing, () => Assert.Throws<DirectoryNotFoundException>(() => CourseData.DataFolder));
        Assert.Contains("COURSE_DATA", error.Message);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Without_COURSE_DATA_the_folder_is_found_by_walking_up_to_data_README()
    {
        var found = WithCourseData(null, () => CourseData.DataFolder);
        Assert.True(File.Exists(Path.Combine(found, "README.md")));
        Assert.Equal("data", Path.GetFileName(found));
    }

    private static T WithCourseData<T>(string? value, Func<T> action)
    {
        var saved = Environment.GetEnvironmentVariable(CourseData.FolderVariable);
        Environment.SetEnvironmentVariable(CourseData.FolderVariable, value);
        try
        {
            return action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(CourseData.FolderVariable, saved);
        }
    }
}
