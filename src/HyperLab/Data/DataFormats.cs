using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace HyperLab.Data;

/// <summary>Parsers for the two file formats of the course data: gzip-compressed IDX (Fashion-MNIST) and the scikit-learn CSVs (UCI).</summary>
internal static class DataFormats
{
    private const int ImageMagic = 2051, LabelMagic = 2049;

    // x / 255 for every byte value: exact division, done once.
    private static readonly float[] PixelScale = Enumerable.Range(0, 256).Select(b => b / 255f).ToArray();

    /// <summary>Decompresses a whole gzip file into one array, sized from the gzip trailer (ISIZE, the length mod 2³²).</summary>
    public static byte[] Gunzip(byte[] compressed)
    {
        var size = BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 4));
        var result = new byte[size];
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        gzip.ReadExactly(result);
        return result;
    }

    /// <summary>
    /// Builds a data set from IDX image and label files (gzip): images are a 16-byte big-endian header
    /// (2051, n, rows, columns) and n·rows·columns pixel bytes; labels an 8-byte header (2049, n) and n bytes.
    /// Pixels are scaled to [0, 1].
    /// </summary>
    public static Dataset ReadIdx(string name, byte[] imagesGz, byte[] labelsGz, IReadOnlyList<string> classNames)
    {
        var images = Gunzip(imagesGz);
        var labelBytes = Gunzip(labelsGz);
        var header = images.AsSpan();
        int Header(ReadOnlySpan<byte> bytes, int field) => BinaryPrimitives.ReadInt32BigEndian(bytes[(4 * field)..]);
        if (Header(header, 0) != ImageMagic || Header(labelBytes, 0) != LabelMagic)
            throw new InvalidDataException($"{name}: not an IDX image/label file pair (wrong magic numbers).");
        int count = Header(header, 1), rows = Header(header, 2), columns = Header(header, 3);
        if (Header(labelBytes, 1) != count || images.Length != 16 + (long)count * rows * columns || labelBytes.Length != 8 + count)
            throw new InvalidDataException($"{name}: IDX sizes don't match their headers.");

        var features = new float[(long)count * rows * columns];
        var pixels = images.AsSpan(16);
        for (var i = 0; i < features.Length; i++)
            features[i] = PixelScale[pixels[i]];
        var labels = new long[count];
        for (var i = 0; i < count; i++)
            labels[i] = labelBytes[8 + i];
        return new Dataset(name, features, labels, rows * columns, classNames, [1, rows, columns]);
    }

    /// <summary>
    /// Builds a data set from a scikit-learn CSV: one row per example, features first, the integer class
    /// label last. With <paramref name="classNames"/> <c>null</c>, the first line is the header
    /// <c>n_samples,n_features,class names…</c>, and its counts are checked; otherwise there is no header.
    /// </summary>
    public static Dataset ReadCsv(string name, byte[] bytes, IReadOnlyList<string>? classNames = null, int[]? imageShape = null)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int? expectedRows = null, expectedFeatures = null;
        var first = 0;
        if (classNames is null)
        {
            var header = lines[0].Split(',');
            expectedRows = int.Parse(header[0], CultureInfo.InvariantCulture);
            expectedFeatures = int.Parse(header[1], CultureInfo.InvariantCulture);
            classNames = header[2..];
            first = 1;
        }

        var featureCount = expectedFeatures ?? lines[first].Split(',').Length - 1;
        var rowCount = lines.Length - first;
        if (expectedRows is { } n && n != rowCount)
            throw new InvalidDataException($"{name}: the header promises {n} rows, the file has {rowCount}.");
        var features = new float[rowCount * featureCount];
        var labels = new long[rowCount];
        for (var r = 0; r < rowCount; r++)
        {
            var fields = lines[first + r].Split(',');
            if (fields.Length != featureCount + 1)
                throw new InvalidDataException($"{name}: row {r + 1} has {fields.Length} fields, expected {featureCount + 1}.");
            for (var j = 0; j < featureCount; j++)
                features[r * featureCount + j] = float.Parse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture);
            var label = double.Parse(fields[featureCount], NumberStyles.Float, CultureInfo.InvariantCulture);
            if (label != Math.Floor(label))
                throw new InvalidDataException($"{name}: row {r + 1} has a non-integer label {fields[featureCount]}.");
            labels[r] = (long)label;
        }

        return new Dataset(name, features, labels, featureCount, classNames, imageShape);
    }
}
