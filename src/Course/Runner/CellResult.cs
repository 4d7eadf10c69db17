namespace Course.Runner;

/// <summary>The outcome of one code cell.</summary>
/// <param name="Number">1-based position among the notebook's code cells.</param>
/// <param name="CodeCellCount">How many code cells the notebook has.</param>
/// <param name="NotebookCellNumber">1-based position among all cells (markdown included), as an editor shows it.</param>
/// <param name="FirstLine">The cell's first non-blank line, trimmed.</param>
/// <param name="Elapsed">Wall-clock time the cell took.</param>
/// <param name="Error">The error message in full if the cell failed; null if it succeeded.</param>
/// <param name="Skipped">True if the cell was not run (a kernel other than C#).</param>
public sealed record CellResult(
    int Number,
    int CodeCellCount,
    int NotebookCellNumber,
    string FirstLine,
    TimeSpan Elapsed,
    string? Error,
    bool Skipped = false)
{
    /// <summary>True unless the cell failed.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The first non-blank line of <paramref name="code"/>, trimmed (empty if there is none).</summary>
    public static string FirstLineOf(string code) =>
        code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";

    /// <summary>For example "cell 4/21 (cell 9 in the file)".</summary>
    public string Position => $"cell {Number}/{CodeCellCount} (cell {NotebookCellNumber} in the file)";
}
