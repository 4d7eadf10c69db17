using System.Globalization;
using Course.Runner;

namespace Course.Cli;

/// <summary>The end-of-run summary: seconds per notebook, then the slowest cells.</summary>
public static class TimingTable
{
    /// <summary>Formats the table for <paramref name="results"/>, with the <paramref name="slowest"/> slowest cells.</summary>
    public static string Format(IReadOnlyList<NotebookResult> results, int slowest = 5)
    {
        var inv = CultureInfo.InvariantCulture;
        int width = Math.Max(8, results.Select(r => r.Name.Length).DefaultIfEmpty(0).Max());
        var lines = new List<string>
        {
            "",
            $"{"notebook".PadRight(width)}  {"seconds",8}  result",
        };
        foreach (var r in results)
        {
            string outcome = r.Succeeded ? $"ok ({r.Cells.Count} cells)" : $"FAILED at {(r.FailedCell is { } c ? $"cell {c.Number}/{c.CodeCellCount}" : "start")}";
            lines.Add($"{r.Name.PadRight(width)}  {r.Elapsed.TotalSeconds.ToString("0.0", inv),8}  {outcome}");
        }

        lines.Add($"{"total".PadRight(width)}  {results.Sum(r => r.Elapsed.TotalSeconds).ToString("0.0", inv),8}");

        var cells = results.SelectMany(r => r.Cells.Select(c => (r.Name, Cell: c)))
            .OrderByDescending(x => x.Cell.Elapsed).Take(slowest).ToList();
        if (cells.Count > 0)
        {
            lines.Add("");
            lines.Add($"slowest cells:");
            foreach (var (name, cell) in cells)
            {
                string first = cell.FirstLine.Length > 60 ? cell.FirstLine[..57] + "..." : cell.FirstLine;
                lines.Add($"  {cell.Elapsed.TotalSeconds.ToString("0.00", inv),7} s  {name} cell {cell.Number}/{cell.CodeCellCount}  {first}");
            }
        }

        return string.Join(Environment.NewLine, lines);
    }
}
