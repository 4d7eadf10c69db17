namespace Course.Runner;

/// <summary>The outcome of running one notebook: every cell that ran, the time, where the executed copy went.</summary>
/// <param name="NotebookPath">The notebook that ran.</param>
/// <param name="Cells">The cells that ran, in order; a failing cell is the last one.</param>
/// <param name="Elapsed">Wall-clock time for the whole notebook, kernel start included.</param>
/// <param name="OutputPath">The executed notebook written with outputs, or null if none was written.</param>
/// <param name="NotebookError">A failure outside any cell (unreadable file, kernel start), or null.</param>
public sealed record NotebookResult(
    string NotebookPath,
    IReadOnlyList<CellResult> Cells,
    TimeSpan Elapsed,
    string? OutputPath,
    string? NotebookError = null)
{
    /// <summary>The notebook's file name without extension, e.g. <c>00-parameters</c>.</summary>
    public string Name => Path.GetFileNameWithoutExtension(NotebookPath);

    /// <summary>The first failed cell, or null.</summary>
    public CellResult? FailedCell => Cells.FirstOrDefault(c => !c.Succeeded);

    /// <summary>True if the notebook ran to the end with no failing cell.</summary>
    public bool Succeeded => NotebookError is null && FailedCell is null;

    /// <summary>
    /// What failed, in plain words: notebook, cell number, the cell's first line and the full
    /// error message; null if the notebook succeeded.
    /// </summary>
    public string? FailureText
    {
        get
        {
            if (NotebookError is not null)
            {
                return $"{Name}: {NotebookError}";
            }

            return FailedCell is { } cell
                ? $"{Name}, {cell.Position} failed: {cell.FirstLine}{Environment.NewLine}{cell.Error}"
                : null;
        }
    }
}
