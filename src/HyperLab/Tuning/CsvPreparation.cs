using System.Globalization;
using HyperLab.Data;

namespace HyperLab.Tuning;

/// <summary>
/// Preparing a messy CSV for the workflow (lesson 07): drop named columns (a text column, a constant column) and,
/// if asked, the rows with a missing value, and write the result as a new file. The loader
/// (<c>CsvDataset.Load</c>) refuses what is left wrong with its documented errors (docs/errors.md); this only does
/// the edits a person decided on. <see cref="Inspect"/> lists what a file's columns look like before deciding.
/// </summary>
public static class CsvPreparation
{
    private static readonly HashSet<string> Missing = new(StringComparer.OrdinalIgnoreCase) { "", "NA", "NaN", "null", "?" };

    /// <summary>Writes <paramref name="source"/> without <paramref name="dropColumns"/> (and without rows that have a
    /// missing value in a kept column, when <paramref name="dropIncompleteRows"/>) to <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">A column to drop does not exist (the message lists the columns).</exception>
    public static CsvCleanup Clean(string source, IEnumerable<string> dropColumns, bool dropIncompleteRows, string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(dropColumns);
        var records = Read(source);
        if (records.Count == 0) throw new ArgumentException($"'{source}' is empty: the first line must name the columns.", nameof(source));
        var header = records[0];
        var drop = dropColumns.ToHashSet(StringComparer.Ordinal);
        var unknown = drop.Where(d => !header.Contains(d)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"No column named {string.Join(", ", unknown.Select(u => $"'{u}'"))} in {Path.GetFileName(source)}; its columns are: {string.Join(", ", header)}.", nameof(dropColumns));
        var keep = Enumerable.Range(0, header.Length).Where(i => !drop.Contains(header[i])).ToArray();
        var output = new List<string> { string.Join(',', keep.Select(i => CsvRecords.Quote(header[i]))) };
        int removed = 0;
        foreach (var cells in records.Skip(1))
        {
            var kept = keep.Select(i => i < cells.Length ? cells[i] : "").ToArray();
            if (dropIncompleteRows && kept.Any(Missing.Contains)) { removed++; continue; }
            output.Add(string.Join(',', kept.Select(CsvRecords.Quote)));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        File.WriteAllLines(target, output);
        return new CsvCleanup(target, drop.Order(StringComparer.Ordinal).ToList(), output.Count - 1, removed);
    }

    /// <summary>One line per column of <paramref name="path"/>: how many cells are missing, how many are not numbers,
    /// how many different values it has.</summary>
    public static IReadOnlyList<CsvColumnProfile> Inspect(string path)
    {
        var records = Read(path);
        var header = records[0];
        var rows = records.Skip(1).ToList();
        return header.Select((name, c) =>
        {
            var cells = rows.Select(r => c < r.Length ? r[c] : "").ToList();
            int missing = cells.Count(Missing.Contains);
            int text = cells.Count(x => !Missing.Contains(x) && !double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            int distinct = cells.Where(x => !Missing.Contains(x)).Distinct().Count();
            return new CsvColumnProfile(name, missing, text, distinct);
        }).ToList();
    }

    // The library's one RFC 4180 reader: a quoted value may hold commas, quotes and line breaks; cells come trimmed.
    private static List<string[]> Read(string path) =>
        CsvRecords.Parse(File.ReadAllText(path), ',', Path.GetFileName(path)).Select(r => r.Cells).ToList();
}

/// <summary>What <see cref="CsvPreparation.Clean"/> wrote.</summary>
public sealed record CsvCleanup(string Path, IReadOnlyList<string> DroppedColumns, int Rows, int DroppedRows)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{System.IO.Path.GetFileName(Path)}: {Rows} rows kept, {DroppedRows} dropped for a missing value; columns dropped: {(DroppedColumns.Count == 0 ? "none" : string.Join(", ", DroppedColumns))}";
}

/// <summary>One column of a CSV as <see cref="CsvPreparation.Inspect"/> sees it.</summary>
public sealed record CsvColumnProfile(string Column, int Missing, int NotNumbers, int DistinctValues)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Column}: {Missing} missing, {NotNumbers} not numbers, {DistinctValues} distinct values";
}
