using HyperLab.Data;

namespace HyperLab.Tests.Data;

/// <summary>Small hand-made data sets and temporary data folders for the data tests.</summary>
internal static class DataTestHelpers
{
    /// <summary>
    /// A data set whose single feature is the row number, so that the rows a split or sample picked can be
    /// read back from the result. Class c has classSizes[c] rows; the classes are interleaved, not in blocks.
    /// </summary>
    public static Dataset Indexed(params int[] classSizes)
    {
        var labels = classSizes.SelectMany((n, c) => Enumerable.Repeat((long)c, n)).ToArray();
        new Random(12345).Shuffle(labels);
        var features = Enumerable.Range(0, labels.Length).Select(i => (float)i).ToArray();
        var names = classSizes.Select((_, c) => $"c{c}").ToArray();
        return new Dataset("Indexed", features, labels, 1, names);
    }

    /// <summary>The row numbers of an <see cref="Indexed"/> data set's rows, in order.</summary>
    public static int[] RowIds(Dataset d) => d.Features.Select(f => (int)f).ToArray();

    /// <summary>A random table of n rows × f features with column j scaled by 10^j and shifted by 5j.</summary>
    public static Dataset RandomTable(int n, int f, int classes, int seed)
    {
        var random = new Random(seed);
        var features = new float[n * f];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < f; j++)
                features[i * f + j] = (float)((random.NextDouble() - 0.5) * Math.Pow(10, j) + 5 * j);
        var labels = Enumerable.Range(0, n).Select(i => (long)(i % classes)).ToArray();
        return new Dataset("Random table", features, labels, f, Enumerable.Range(0, classes).Select(c => $"c{c}").ToArray());
    }

    /// <summary>A fresh temporary folder, deleted when disposed.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hyperlab-data-" + Guid.NewGuid().ToString("N"));

        /// <summary>Copies these catalogue files from the real data folder (and its README) into this folder.</summary>
        public TempFolder With(params DataFile[] files)
        {
            var source = CourseData.DataFolder;
            File.Copy(System.IO.Path.Combine(source, "README.md"), System.IO.Path.Combine(Path, "README.md"), overwrite: true);
            foreach (var file in files)
            {
                var target = file.PathIn(Path);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(file.PathIn(source), target);
            }

            return this;
        }

        /// <summary>Flips every bit of one byte of a copied file (in the middle, so gzip files stay gzip files).</summary>
        public void FlipByte(DataFile file)
        {
            var path = file.PathIn(Path);
            var bytes = File.ReadAllBytes(path);
            bytes[bytes.Length / 2] ^= 0xFF;
            File.WriteAllBytes(path, bytes);
        }

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { /* best effort */ }
        }
    }
}
