using System.Globalization;

namespace HyperLab.Data;

/// <summary>
/// Bring your own data (lesson 07): reads a CSV file with a header row into a <see cref="Dataset"/>.
/// One column, named by you, holds the class label (any text or number; the classes are its
/// distinct values, numbers sorted numerically, text alphabetically); every other column must be
/// numeric. An empty cell, "NA", "NaN", "null" or "?" is a missing value. Problems throw a
/// <see cref="CsvDataException"/> naming the file, the line, the column and the cell.
/// </summary>
public static class CsvDataset
{
    private static readonly string[] Missing = ["", "na", "n/a", "nan", "null", "?"];

    /// <summary>Reads <paramref name="path"/>; <paramref name="labelColumn"/> names the label
    /// column (case-sensitive); <paramref name="name"/> defaults to the file name.
    /// <paramref name="separator"/> defaults to ','.</summary>
    public static Dataset Load(string path, string labelColumn, string? name = null, char separator = ',')
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumn);
        if (!File.Exists(path)) throw new FileNotFoundException($"No CSV file at '{Path.GetFullPath(path)}'.", path);
        string file = Path.GetFileName(path);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Trim().Length == 0)
            throw new CsvDataException(file, 1, null, "the file is empty: the first line must name the columns");
        var header = lines[0].Split(separator).Select(h => h.Trim().Trim('"')).ToArray();
        int label = Array.IndexOf(header, labelColumn);
        if (label < 0)
            throw new CsvDataException(file, 1, labelColumn, $"there is no column named '{labelColumn}'; the columns are: {string.Join(", ", header)}");
        if (header.Length < 2) throw new CsvDataException(file, 1, null, "the file needs at least one feature column besides the label");

        var rows = new List<(int Line, float[] Features, string Label)>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var cells = lines[i].Split(separator).Select(c => c.Trim().Trim('"')).ToArray();
            if (cells.Length != header.Length)
                throw new CsvDataException(file, i + 1, null, $"the line has {cells.Length} cells, the header has {header.Length} columns");
            var features = new float[header.Length - 1];
            for (int c = 0, f = 0; c < cells.Length; c++)
            {
                if (Missing.Contains(cells[c].ToLowerInvariant()))
                    throw new CsvDataException(file, i + 1, header[c], $"missing value ('{cells[c]}'): fill it in or drop the row before training");
                if (c == label) continue;
                if (!float.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out float v) || !float.IsFinite(v))
                    throw new CsvDataException(file, i + 1, header[c], $"'{cells[c]}' is not a number: every column except '{labelColumn}' must be numeric (encode categories as numbers first)");
                features[f++] = v;
            }
            rows.Add((i + 1, features, cells[label]));
        }
        if (rows.Count == 0) throw new CsvDataException(file, 2, null, "the file has a header but no rows");

        var classes = ClassNames(rows.Select(r => r.Label));
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (long)x.i);
        return new Dataset(name ?? Path.GetFileNameWithoutExtension(path), rows.SelectMany(r => r.Features).ToArray(),
            rows.Select(r => index[r.Label]).ToArray(), header.Length - 1, classes);
    }

    /// <summary>Writes <paramref name="data"/> as a CSV with a header (feature names, then
    /// <paramref name="labelColumn"/>), labels as class names: the format <see cref="Load"/> reads.</summary>
    public static void Save(Dataset data, string path, IReadOnlyList<string> featureNames, string labelColumn = "label")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureNames.Count != data.FeatureCount)
            throw new ArgumentException($"{featureNames.Count} feature names for {data.FeatureCount} features.", nameof(featureNames));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path);
        w.WriteLine(string.Join(",", featureNames.Append(labelColumn)));
        for (int r = 0; r < data.Count; r++)
        {
            var row = data.Row(r).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture));
            w.WriteLine(string.Join(",", row.Append(data.ClassNames[(int)data.Labels[r]])));
        }
    }

    private static string[] ClassNames(IEnumerable<string> labels)
    {
        var distinct = labels.Distinct().ToArray();
        bool numeric = distinct.All(l => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return numeric
            ? distinct.OrderBy(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()
            : distinct.OrderBy(l => l, StringComparer.Ordinal).ToArray();
    }
}

/// <summary>A problem in a CSV file (lesson 07): names the file, the 1-based line and the column.</summary>
public sealed class CsvDataException(string file, int line, string? column, string problem)
    : FormatException($"{file}, line {line}{(column is null ? "" : $", column '{column}'")}: {problem}.")
{
    /// <summary>File name.</summary>
    public string File { get; } = file;

    /// <summary>1-based line number (the header is line 1).</summary>
    public int Line { get; } = line;

    /// <summary>Column name, or null for a problem with the whole line.</summary>
    public string? Column { get; } = column;
}
