using System.Globalization;

namespace HyperLab.Data;

/// <summary>
/// Bring your own data (lesson 07): reads a CSV file with a header row into a <see cref="Dataset"/>.
/// One column, named by you, holds the class label (any text or number; the classes are its
/// distinct values, numbers sorted numerically, text alphabetically; numeric labels are compared as
/// numbers, so "1" and "1.0" are one class, named "1"); every other column must be numeric, with a
/// decimal point. Values follow RFC 4180: a value in double quotes may contain the separator, line
/// breaks and doubled quotes. An empty cell, "NA", "NaN", "null" or "?" is a missing value. Problems
/// throw a <see cref="CsvDataException"/> naming the file, the line, the column and the cell, and the
/// fix (a file separated by ';' or written with decimal commas is recognized and explained).
/// </summary>
public static class CsvDataset
{
    private static readonly string[] Missing = ["", "na", "n/a", "nan", "null", "?"];

    /// <summary>Reads <paramref name="path"/>; <paramref name="labelColumn"/> names the label
    /// column (case-sensitive); <paramref name="name"/> defaults to the file name.
    /// <paramref name="separator"/> defaults to ','.</summary>
    /// <exception cref="CsvDataException">The file cannot be read as a table for classification: the message
    /// names the line, the column and the fix (also for a single class in the label column).</exception>
    public static Dataset Load(string path, string labelColumn, string? name = null, char separator = ',')
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumn);
        if (separator is '"' or '\n' or '\r' or '.')
            throw new ArgumentException($"'{separator}' cannot separate values: use ',' (the default), ';' or '\\t'.", nameof(separator));
        if (!File.Exists(path)) throw new FileNotFoundException($"No CSV file at '{Path.GetFullPath(path)}'.", path);
        string file = Path.GetFileName(path);
        var records = CsvRecords.Parse(File.ReadAllText(path), separator, file).ToList();
        if (records.Count == 0)
            throw new CsvDataException(file, 1, null, "the file is empty: the first line must name the columns");
        var header = records[0].Cells;
        int label = Array.IndexOf(header, labelColumn);
        if (label < 0)
            throw new CsvDataException(file, records[0].Line, labelColumn,
                $"there is no column named '{labelColumn}'; the columns are: {string.Join(", ", header)}{SeparatorHint(header, separator)}");
        if (header.Length < 2) throw new CsvDataException(file, records[0].Line, null, "the file needs at least one feature column besides the label");

        var rows = new List<(int Line, float[] Features, string Label)>();
        foreach (var (line, cells) in records.Skip(1))
        {
            if (cells.Length != header.Length)
                throw new CsvDataException(file, line, null, $"the line has {cells.Length} cells, the header has {header.Length} columns{CountHint(cells.Length, header.Length, separator)}");
            var features = new float[header.Length - 1];
            for (int c = 0, f = 0; c < cells.Length; c++)
            {
                if (Missing.Contains(cells[c].ToLowerInvariant()))
                    throw new CsvDataException(file, line, header[c], $"missing value ('{cells[c]}'): fill it in or drop the row before training");
                if (c == label) continue;
                if (!float.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out float v) || !float.IsFinite(v))
                    throw new CsvDataException(file, line, header[c], DecimalComma(cells[c])
                        ? $"'{cells[c]}' uses a decimal comma; numbers must use a decimal point. Fix: export the file with '.' as the decimal mark " +
                          "(in a spreadsheet, an English locale or the CSV export's number options), or replace the comma in each number by a point"
                        : $"'{cells[c]}' is not a number: every column except '{labelColumn}' must be numeric (encode categories as numbers first)");
                features[f++] = v;
            }
            rows.Add((line, features, cells[label]));
        }
        if (rows.Count == 0) throw new CsvDataException(file, 2, null, "the file has a header but no rows");

        var labels = rows.Select(r => r.Label).ToArray();
        var classes = ClassNames(labels, out var canonical);
        if (classes.Length == 1)
            throw new CsvDataException(file, rows[0].Line, labelColumn,
                $"every one of the {rows.Count:N0} rows has the label '{classes[0]}': with a single class a model learns to always answer it " +
                "and reaches accuracy 1 without learning anything. Fix: check that '" + labelColumn + "' is the label column and that the file " +
                "is not a filtered part of the data; a classifier needs examples of at least two classes");
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (long)x.i);
        return new Dataset(name ?? Path.GetFileNameWithoutExtension(path), rows.SelectMany(r => r.Features).ToArray(),
            labels.Select(l => index[canonical(l)]).ToArray(), header.Length - 1, classes);
    }

    // A header read as one column that holds another common separator: the file uses that one.
    private static string SeparatorHint(string[] header, char separator)
    {
        if (header.Length != 1) return "";
        foreach (var other in new[] { ';', '\t', ',', '|' })
        {
            if (other != separator && header[0].Contains(other))
            {
                string shown = other == '\t' ? "a tab" : $"'{other}'";
                string arg = other == '\t' ? "'\\t'" : $"'{other}'";
                string why = other == ';' ? " (common where the decimal mark is a comma; numbers must still use a decimal point)" : "";
                return $". The header was read as one column: the file separates its values with {shown}{why}, not '{separator}'. " +
                       $"Fix: CsvDataset.Load(path, \"{header[0].Split(other).Last().Trim().Trim('"')}\", separator: {arg})";
            }
        }
        return "";
    }

    private static string CountHint(int cells, int columns, char separator) =>
        cells > columns && separator == ','
            ? ". A comma inside a value splits it: put such values in double quotes (\"x, y\"); if the numbers are written with a " +
              "decimal comma (1,5), export the file with a decimal point (1.5) instead"
            : "";

    private static bool DecimalComma(string cell)
    {
        var parts = cell.Split(',');
        return parts.Length == 2 && parts[0].TrimStart('-', '+').Length > 0 && parts[0].TrimStart('-', '+').All(char.IsAsciiDigit)
            && parts[1].Length > 0 && parts[1].All(char.IsAsciiDigit);
    }

    /// <summary>Writes <paramref name="data"/> as a CSV with a header (feature names, then
    /// <paramref name="labelColumn"/>), labels as class names (quoted where RFC 4180 needs it): the format
    /// <see cref="Load"/> reads.</summary>
    public static void Save(Dataset data, string path, IReadOnlyList<string> featureNames, string labelColumn = "label")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureNames.Count != data.FeatureCount)
            throw new ArgumentException($"{featureNames.Count} feature names for {data.FeatureCount} features.", nameof(featureNames));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path);
        w.WriteLine(string.Join(",", featureNames.Append(labelColumn).Select(CsvRecords.Quote)));
        for (int r = 0; r < data.Count; r++)
        {
            var row = data.Row(r).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture));
            w.WriteLine(string.Join(",", row.Append(CsvRecords.Quote(data.ClassNames[(int)data.Labels[r]]))));
        }
    }

    // The classes: when every label is a number, labels are compared as numbers ("1", "1.0" and "1e0" are one class,
    // named by its shortest round-trip form, "1") and sorted numerically; otherwise as text, sorted alphabetically.
    private static string[] ClassNames(IReadOnlyList<string> labels, out Func<string, string> canonical)
    {
        bool numeric = labels.All(l => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v));
        if (!numeric)
        {
            canonical = l => l;
            return labels.Distinct().OrderBy(l => l, StringComparer.Ordinal).ToArray();
        }
        static double Value(string l) => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture) + 0.0;   // -0 is 0
        canonical = l => Value(l).ToString("R", CultureInfo.InvariantCulture);
        return labels.Select(Value).Distinct().Order().Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray();
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
