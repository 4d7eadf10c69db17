using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Course.Book;

/// <summary>
/// Writes RGBA pixels as an indexed-colour PNG (at most 256 colours). A chart has a few hundred to a few
/// thousand distinct colours (its lines, text, and their anti-aliased edges): when they fit in the palette the image
/// is exact; otherwise the most used colours (background, lines, text) are kept exactly and the rest are merged by
/// median cut. About a quarter of the size of the browser's true-colour PNG, which matters in a notebook that
/// stores images as base64.
/// </summary>
public static class PalettePng
{
    /// <summary>The most colours the palette gets: 64 keeps a chart's lines, text and colour scales readable at a
    /// sixth of the size of a true-colour PNG (256 colours cost ~20 % more for no visible gain at 2×).</summary>
    public const int MaxColors = 64;

    /// <summary>How many of the most used colours are always kept exactly (background, grid, lines, text).</summary>
    public const int ExactColors = 24;

    /// <summary>Encodes the pixels.</summary>
    /// <param name="rgba">Width × height pixels, 4 bytes each (red, green, blue, alpha), row by row.</param>
    /// <param name="width">Pixels per row.</param>
    /// <param name="height">Rows.</param>
    /// <returns>The PNG file.</returns>
    public static byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height)
    {
        if (width <= 0 || height <= 0 || rgba.Length != width * height * 4)
            throw new ArgumentException($"rgba has {rgba.Length} bytes; a {width} × {height} image needs {width * height * 4} (4 per pixel).", nameof(rgba));

        var counts = new Dictionary<uint, int>();
        for (int i = 0; i < rgba.Length; i += 4)
        {
            uint c = BinaryPrimitives.ReadUInt32BigEndian(rgba.Slice(i, 4));
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        var palette = Palette(counts);
        var index = new Dictionary<uint, byte>(counts.Count);
        foreach (uint c in counts.Keys) index[c] = Nearest(palette, c);

        using var raw = new MemoryStream(height * (width + 1));
        for (int y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none (usually the smallest for indexed images)
            for (int x = 0; x < width; x++)
                raw.WriteByte(index[BinaryPrimitives.ReadUInt32BigEndian(rgba.Slice((y * width + x) * 4, 4))]);
        }

        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 3; // colour type: indexed
        Chunk(png, "IHDR", header);
        Chunk(png, "PLTE", palette.SelectMany(c => new[] { (byte)(c >> 24), (byte)(c >> 16), (byte)(c >> 8) }).ToArray());
        if (palette.Any(c => (c & 0xFF) != 0xFF)) Chunk(png, "tRNS", palette.Select(c => (byte)c).ToArray());
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
                raw.WriteTo(zlib);
            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Reads an 8-bit, non-interlaced PNG (RGB or RGBA, as browsers write, or indexed, as <see cref="Encode"/>
    /// writes) into RGBA pixels.</summary>
    /// <returns>The pixels (4 bytes each, row by row), the width and the height.</returns>
    public static (byte[] Rgba, int Width, int Height) Decode(byte[] png)
    {
        int width = 0, height = 0, channels = 0;
        byte[] plte = [], trns = [];
        using var idat = new MemoryStream();
        for (int at = 8; at + 8 <= png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                channels = data[9] switch { 6 => 4, 2 => 3, 3 => 1, _ => 0 };
                if (data[8] != 8 || channels == 0 || data[12] != 0)
                    throw new NotSupportedException($"Only 8-bit non-interlaced RGB, RGBA or indexed PNGs are read (bit depth {data[8]}, colour type {data[9]}, interlace {data[12]}).");
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "PLTE") plte = data.ToArray();
            else if (type == "tRNS") trns = data.ToArray();
            else if (type == "IEND") break;
            at += 12 + length;
        }

        int stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        idat.Position = 0;
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
            zlib.ReadExactly(raw);
        var rgba = new byte[width * height * 4];
        var previous = new byte[stride];
        var row = new byte[stride];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= channels ? row[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG row {y} has filter type {filter}."),
                });
            }

            for (int x = 0; x < width && channels == 1; x++)
            {
                int o = (y * width + x) * 4, entry = row[x];
                rgba[o] = plte[entry * 3];
                rgba[o + 1] = plte[entry * 3 + 1];
                rgba[o + 2] = plte[entry * 3 + 2];
                rgba[o + 3] = entry < trns.Length ? trns[entry] : (byte)255;
            }

            for (int x = 0; x < width && channels > 1; x++)
            {
                int o = (y * width + x) * 4;
                rgba[o] = row[x * channels];
                rgba[o + 1] = row[x * channels + 1];
                rgba[o + 2] = row[x * channels + 2];
                rgba[o + 3] = channels == 4 ? row[x * channels + 3] : (byte)255;
            }

            (previous, row) = (row, previous);
        }

        return (rgba, width, height);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>The palette: every colour when they fit; else the most used exactly and median-cut boxes for the rest.</summary>
    internal static List<uint> Palette(Dictionary<uint, int> counts)
    {
        var byUse = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).ToList();
        if (byUse.Count <= MaxColors) return byUse.Select(p => p.Key).ToList();

        var palette = byUse.Take(ExactColors).Select(p => p.Key).ToList();
        var boxes = new List<List<KeyValuePair<uint, int>>> { byUse.Skip(ExactColors).ToList() };
        while (boxes.Count < MaxColors - ExactColors)
        {
            var (box, channel, range) = boxes.Where(b => b.Count > 1).Select(b => Widest(b)).OrderByDescending(w => w.Range).FirstOrDefault();
            if (box is null || range == 0) break;
            var sorted = box.OrderBy(p => Channel(p.Key, channel)).ToList();
            long half = sorted.Sum(p => (long)p.Value) / 2, seen = 0;
            int cut = 1;
            for (; cut < sorted.Count - 1; cut++)
            {
                seen += sorted[cut - 1].Value;
                if (seen >= half) break;
            }

            boxes.Remove(box);
            boxes.Add(sorted[..cut]);
            boxes.Add(sorted[cut..]);
        }

        palette.AddRange(boxes.Select(Average));
        return palette;
    }

    private static (List<KeyValuePair<uint, int>> Box, int Channel, int Range) Widest(List<KeyValuePair<uint, int>> box)
    {
        int best = 0, range = -1;
        for (int ch = 0; ch < 4; ch++)
        {
            int lo = 255, hi = 0;
            foreach (var p in box)
            {
                int v = Channel(p.Key, ch);
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }

            if (hi - lo > range) (best, range) = (ch, hi - lo);
        }

        return (box, best, range);
    }

    private static uint Average(List<KeyValuePair<uint, int>> box)
    {
        long total = box.Sum(p => (long)p.Value);
        uint color = 0;
        for (int ch = 0; ch < 4; ch++)
            color |= (uint)Math.Round(box.Sum(p => (double)Channel(p.Key, ch) * p.Value) / total) << (24 - 8 * ch);
        return color;
    }

    private static int Channel(uint color, int channel) => (int)(color >> (24 - 8 * channel)) & 0xFF;

    private static byte Nearest(List<uint> palette, uint color)
    {
        int best = 0;
        long bestDistance = long.MaxValue;
        for (int i = 0; i < palette.Count; i++)
        {
            long d = 0;
            for (int ch = 0; ch < 4; ch++)
            {
                long diff = Channel(palette[i], ch) - Channel(color, ch);
                d += diff * diff;
            }

            if (d < bestDistance) (best, bestDistance) = (i, d);
            if (d == 0) break;
        }

        return (byte)best;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeBytes, data));
        png.Write(number);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(byte[] type, byte[] data)
    {
        uint c = 0xFFFFFFFFu;
        foreach (byte b in type) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        foreach (byte b in data) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
