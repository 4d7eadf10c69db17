using HyperLab.Data;

namespace HyperLab.Tests.Tracking;

public class CsvDatasetTests
{
    private static string Write(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), "hyperlab-tests", Guid.NewGuid().ToString("N"), "mine.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Reads_numeric_features_and_a_named_label_column_anywhere()
    {
        var d = CsvDataset.Load(Write("kind,height,weight\ncat,0.3,4\ndog,0.6,20\ncat,0.25,3.5\n"), "kind");
        Assert.Equal(3, d.Count);
        Assert.Equal(2, d.FeatureCount);
        Assert.Equal(["cat", "dog"], d.ClassNames);
        Assert.Equal([0L, 1L, 0L], d.Labels);
        Assert.Equal([0.6f, 20f], d.Row(1).ToArray());
    }

    [Fact]
    public void Numeric_labels_are_sorted_numerically()
    {
        var d = CsvDataset.Load(Write("a,y\n1,10\n2,2\n3,10\n"), "y");
        Assert.Equal(["2", "10"], d.ClassNames);
        Assert.Equal([1L, 0L, 1L], d.Labels);
    }

    [Theory]
    [InlineData("a,b,y\n1,2,0\n3,,1\n", 3, "b", "missing value")]
    [InlineData("a,b,y\n1,2,0\n3,NA,1\n", 3, "b", "missing value")]
    [InlineData("a,b,y\n1,2,0\n1,2,1\n3,red,1\n", 4, "b", "'red' is not a number")]
    [InlineData("a,b,y\n1,2,0\n3,4\n", 3, null, "2 cells")]
    public void Bad_cells_name_the_file_line_and_column(string text, int line, string? column, string problem)
    {
        var e = Assert.Throws<CsvDataException>(() => CsvDataset.Load(Write(text), "y"));
        Assert.Equal("mine.csv", e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(problem, e.Message);
        Assert.Contains($"mine.csv, line {line}", e.Message);
    }

    [Fact]
    public void A_missing_label_column_lists_the_columns()
    {
        var e = Assert.Throws<CsvDataException>(() => CsvDataset.Load(Write("a,b\n1,2\n"), "label"));
        Assert.Contains("no column named 'label'", e.Message);
        Assert.Contains("a, b", e.Message);
    }

    [Fact]
    public void Save_then_load_gives_the_same_data()
    {
        var wine = CourseData.Wine();
        string path = Write("");
        CsvDataset.Save(wine, path, Enumerable.Range(1, wine.FeatureCount).Select(i => $"f{i}").ToList(), "cultivar");
        var back = CsvDataset.Load(path, "cultivar");
        Assert.Equal(wine.Features, back.Features);
        Assert.Equal(wine.Labels, back.Labels);
        Assert.Equal(wine.ClassNames, back.ClassNames);
    }
}
