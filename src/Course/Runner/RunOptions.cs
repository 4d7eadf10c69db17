namespace Course.Runner;

/// <summary>How <see cref="NotebookRunner"/> runs a notebook. Every property has a usable default.</summary>
public sealed record RunOptions
{
    /// <summary>
    /// The seed the lessons read from the environment variable <c>COURSE_SEED</c> while the
    /// notebook runs. Default null: the variable is left unset and lessons use their own seeds.
    /// </summary>
    public int? Seed { get; init; }

    /// <summary>
    /// Folder to write the executed notebook (with its outputs) to, as <c>NAME.ipynb</c>.
    /// Default null: nothing is written.
    /// </summary>
    public string? OutputDirectory { get; init; }

    /// <summary>
    /// Where progress lines and echoed cell output go. Default null: the console's standard
    /// output as it was when the run started (the kernel redirects <c>Console.Out</c> while cells run).
    /// </summary>
    public TextWriter? Log { get; init; }

    /// <summary>
    /// Whether to echo a cell's plain-text output (stdout, plain-text displays, claim checks)
    /// to <see cref="Log"/> as it appears. Default true. Claim checks (text starting with ✓ or ✗)
    /// and errors are printed either way.
    /// </summary>
    public bool EchoOutput { get; init; } = true;

    /// <summary>
    /// The current directory while the notebook runs; relative <c>#r</c> paths resolve against it.
    /// Default null: the notebook's own folder (as in VS Code).
    /// </summary>
    public string? WorkingDirectory { get; init; }
}
