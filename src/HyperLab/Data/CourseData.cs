using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("HyperLab.Tests")]

namespace HyperLab.Data;

/// <summary>
/// The course's real data sets, loaded from the repository's <c>data/</c> folder (nothing is
/// downloaded). Before parsing, every file's SHA-256 is checked against the value below and
/// a missing or altered file raises <see cref="DataFileException"/>. Each data set is loaded once per
/// process and then shared (a <see cref="Dataset"/> is immutable). Sources, licences and splits: data/README.md.
/// Introduced in lesson 00.
/// </summary>
public static class CourseData
{
    /// <summary>The environment variable that, when set, names the data folder (or a repository root containing data/).</summary>
    public const string FolderVariable = "COURSE_DATA";

    /// <summary>Fashion-MNIST's training images (IDX, gzip).</summary>
    public static readonly DataFile FashionMnistTrainImages = new("fashion-mnist/train-images-idx3-ubyte.gz", 26_421_856, "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7");

    /// <summary>Fashion-MNIST's training labels (IDX, gzip).</summary>
    public static readonly DataFile FashionMnistTrainLabels = new("fashion-mnist/train-labels-idx1-ubyte.gz", 29_491, "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056");

    /// <summary>Fashion-MNIST's test images (IDX, gzip).</summary>
    public static readonly DataFile FashionMnistTestImages = new("fashion-mnist/t10k-images-idx3-ubyte.gz", 4_422_079, "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa");

    /// <summary>Fashion-MNIST's test labels (IDX, gzip).</summary>
    public static readonly DataFile FashionMnistTestLabels = new("fashion-mnist/t10k-labels-idx1-ubyte.gz", 5_125, "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");

    /// <summary>Breast Cancer Wisconsin (Diagnostic), scikit-learn CSV.</summary>
    public static readonly DataFile BreastCancerCsv = new("uci/breast_cancer.csv", 119_913, "fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed");

    /// <summary>Wine recognition, scikit-learn CSV.</summary>
    public static readonly DataFile WineCsv = new("uci/wine_data.csv", 11_157, "10e8a802908b34f86e5da8ce962f3c806694bc98450a18f61851af59f324bede");

    /// <summary>Optical recognition of handwritten digits (8×8), CSV without header, gzip.</summary>
    public static readonly DataFile DigitsCsv = new("uci/digits.csv.gz", 57_512, "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a");

    /// <summary>Fisher's Iris, scikit-learn CSV.</summary>
    public static readonly DataFile IrisCsv = new("uci/iris.csv", 2_734, "f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449");

    /// <summary>Every file the loaders read, with its expected size and SHA-256.</summary>
    public static IReadOnlyList<DataFile> Files { get; } =
    [
        FashionMnistTrainImages, FashionMnistTrainLabels, FashionMnistTestImages, FashionMnistTestLabels,
        BreastCancerCsv, WineCsv, DigitsCsv, IrisCsv,
    ];

    /// <summary>Fashion-MNIST's class names, in label order.</summary>
    public static IReadOnlyList<string> FashionMnistClasses { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    private static readonly ConcurrentDictionary<(string Folder, string Key), Lazy<Dataset>> Loaded = new();

    /// <summary>
    /// The data folder in use: the folder named by the <c>COURSE_DATA</c> environment variable when it is
    /// set (the data folder itself, or a repository root that contains <c>data/</c>); otherwise the first
    /// <c>data/</c> folder holding a README.md found walking up from <see cref="Environment.CurrentDirectory"/>,
    /// then from <see cref="AppContext.BaseDirectory"/>. Looked up on every call, so a change of
    /// <c>COURSE_DATA</c> takes effect at once.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No data folder was found; the message says how to fix that.</exception>
    public static string DataFolder => FindDataFolder();

    /// <summary>Fashion-MNIST's 60,000 training images: 784 pixels in [0, 1] each, <c>ImageShape</c> [1, 28, 28], 10 balanced classes.</summary>
    public static Dataset FashionMnistTrain() => Cached("fashion-mnist-train", LoadFashionMnistTrain);

    /// <summary>Fashion-MNIST's 10,000 test images: 784 pixels in [0, 1] each, <c>ImageShape</c> [1, 28, 28], 10 balanced classes.</summary>
    public static Dataset FashionMnistTest() => Cached("fashion-mnist-test", LoadFashionMnistTest);

    /// <summary>Breast Cancer Wisconsin (Diagnostic): 569 tumours × 30 cell-nucleus measurements (raw units), classes malignant (212) and benign (357).</summary>
    public static Dataset BreastCancer() => Cached("breast-cancer", LoadBreastCancer);

    /// <summary>Wine recognition: 178 wines × 13 chemical measurements (raw units), 3 cultivars class_0..class_2 (59, 71, 48).</summary>
    public static Dataset Wine() => Cached("wine", LoadWine);

    /// <summary>Handwritten digits: 1,797 images of 8×8 = 64 pixel counts in 0..16 (not rescaled), <c>ImageShape</c> [1, 8, 8], classes "0".."9".</summary>
    public static Dataset Digits() => Cached("digits", LoadDigits);

    /// <summary>Fisher's Iris: 150 flowers × 4 measurements in cm, 3 species setosa, versicolor, virginica (50 each).</summary>
    public static Dataset Iris() => Cached("iris", LoadIris);

    /// <summary>Checks every file of <see cref="Files"/> in the data folder (used by the environment check).</summary>
    /// <exception cref="DataFileException">The first file that is missing or altered.</exception>
    public static void VerifyAll()
    {
        var folder = DataFolder;
        foreach (var file in Files)
            file.ReadVerified(folder);
    }

    internal static Dataset LoadFashionMnistTrain(string folder) =>
        DataFormats.ReadIdx("Fashion-MNIST train", FashionMnistTrainImages.ReadVerified(folder), FashionMnistTrainLabels.ReadVerified(folder), FashionMnistClasses);

    internal static Dataset LoadFashionMnistTest(string folder) =>
        DataFormats.ReadIdx("Fashion-MNIST test", FashionMnistTestImages.ReadVerified(folder), FashionMnistTestLabels.ReadVerified(folder), FashionMnistClasses);

    internal static Dataset LoadBreastCancer(string folder) => DataFormats.ReadCsv("Breast cancer", BreastCancerCsv.ReadVerified(folder));

    internal static Dataset LoadWine(string folder) => DataFormats.ReadCsv("Wine", WineCsv.ReadVerified(folder));

    internal static Dataset LoadDigits(string folder) =>
        DataFormats.ReadCsv("Digits", DataFormats.Gunzip(DigitsCsv.ReadVerified(folder)),
            classNames: Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            imageShape: [1, 8, 8]);

    internal static Dataset LoadIris(string folder) => DataFormats.ReadCsv("Iris", IrisCsv.ReadVerified(folder));

    /// <summary>Loads once per (folder, data set); a failed load is not cached, so fixing the file and retrying works.</summary>
    private static Dataset Cached(string key, Func<string, Dataset> load)
    {
        var folder = DataFolder;
        var lazy = Loaded.GetOrAdd((folder, key), k => new Lazy<Dataset>(() => load(k.Folder)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Loaded.TryRemove(new KeyValuePair<(string, string), Lazy<Dataset>>((folder, key), lazy));
            throw;
        }
    }

    internal static string FindDataFolder()
    {
        var configured = Environment.GetEnvironmentVariable(FolderVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            var inside = Path.Combine(full, "data");
            if (File.Exists(Path.Combine(inside, "README.md")))
                return inside;
            if (Directory.Exists(full))
                return full;
            throw new DirectoryNotFoundException(
                $"{FolderVariable} is set to '{configured}', but there is no such folder. " +
                $"Point it at the course's data folder (the one with README.md, fashion-mnist/ and uci/), or unset it " +
                $"to use the data/ folder of the repository you run from.");
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, "README.md")))
                    return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"Could not find the course's data folder: no data/README.md in '{Environment.CurrentDirectory}', " +
            $"'{AppContext.BaseDirectory}' or any folder above them. Fix: run from inside the course repository " +
            $"(any folder below its root works), or set the {FolderVariable} environment variable to the full path " +
            $"of its data folder.");
    }
}
