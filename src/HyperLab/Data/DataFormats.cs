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
    /// Pixels are scaled to [0, 1]. The images are decompressed in 64 KB chunks straight into the float
    /// array, without a 47 MB intermediate copy.
    /// </summary>
    public static Dataset ReadIdx(string name, byte[] imagesGz, byte[] labelsGz, IReadOnlyList<string> classNames)
    {
        var labelBytes = Gunzip(labelsGz);
        using var images = new GZipStream(new MemoryStream(imagesGz), CompressionMode.Decompress);
        Span<byte> header = stackalloc byte[16];
        images.ReadExactly(header);
        int Field(ReadOnlySpan<byte> bytes, int index) => BinaryPrimitives.ReadInt32BigEndian(bytes[(4 * index)..]);
        if (Field(header, 0) != ImageMagic || Field(labelBytes, 0) != LabelMagic)
            throw new InvalidDataException($"{name}: not an IDX image/label file pair (wrong magic numbers).");
        int count = Field(header, 1), rows = Field(header, 2), columns = Field(header, 3);
        if (Field(labelBytes, 1) != count || labelBytes.Length != 8 + count)
            throw new InvalidDataException($"{name}: the label file does not match the {count:N0} images.");

        var features = new float[(long)count * rows * columns];
        var chunk = new byte[1 << 16];
        long done = 0;
        while (done < features.LongLength)
        {
            var read = images.Read(chunk, 0, (int)Math.Min(chunk.Length, features.LongLength - done));
            if (read == 0)
                throw new InvalidDataException($"{name}: the image file ends after {done:N0} of {features.LongLength:N0} pixels.");
            var target = features.AsSpan((int)done, read);
            for (var i = 0; i < target.Length; i++)
                target[i] = PixelScale[chunk[i]];
            done += read;
        }

        if (images.Read(chunk, 0, 1) != 0)
            throw new InvalidDataException($"{name}: the image file is longer than its header says.");
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
        // The one RFC 4180 reader (quoted values may hold commas, quotes and line breaks; CRLF or LF).
        var records = CsvRecords.Parse(Encoding.UTF8.GetString(bytes), ',', name).Select(r => r.Cells).ToList();
        int? expectedRows = null, expectedFeatures = null;
        var first = 0;
        if (classNames is null)
        {
            var header = records[0];
            expectedRows = int.Parse(header[0], CultureInfo.InvariantCulture);
            expectedFeatures = int.Parse(header[1], CultureInfo.InvariantCulture);
            classNames = header[2..];
            first = 1;
        }

        var featureCount = expectedFeatures ?? records[first].Length - 1;
        var rowCount = records.Count - first;
        if (expectedRows is { } n && n != rowCount)
            throw new InvalidDataException($"{name}: the header promises {n} rows, the file has {rowCount}.");
        var features = new float[rowCount * featureCount];
        var labels = new long[rowCount];
        for (var r = 0; r < rowCount; r++)
        {
            var fields = records[first + r];
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
