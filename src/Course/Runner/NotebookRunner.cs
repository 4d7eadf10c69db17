using System.Diagnostics;
using HyperLab.Platform;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Course.Runner;

/// <summary>
/// Runs a Polyglot/Jupyter notebook (.ipynb) headless, in this process, the way VS Code would:
/// each code cell in order in a fresh C# kernel (<see cref="NotebookKernel"/>), stopping at the
/// first failing cell. The executed notebook, with outputs, can be written to a folder.
/// </summary>
/// <remarks>
/// While a notebook runs, the process's current directory is the notebook's folder (so relative
/// <c>#r</c> paths resolve as in VS Code), <c>COURSE_SEED</c> is set if a seed was given and
/// <c>COURSE_RESULTS</c> names the repository's <c>artifacts/results</c> unless already set; all
/// are restored afterwards. Because those are process-wide, runs in one process are serialized.
/// Applies the native fixes (<see cref="NativeSetup.Prepare"/>) before the first cell.
/// </remarks>
public sealed class NotebookRunner
{
    /// <summary>The environment variable that carries <see cref="RunOptions.Seed"/> to the lessons.</summary>
    public const string SeedVariable = HyperLab.Interactive.Notebook.SeedVariable;

    /// <summary>The environment variable that names the folder of the lessons' results file.</summary>
    public const string ResultsVariable = HyperLab.Interactive.Notebook.ResultsVariable;

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>The kernels the notebooks may name: C# only.</summary>
    public static KernelInfoCollection KernelInfos() => new()
    {
        new KernelInfo(NotebookKernel.CSharp, "C#", ["c#", "C#", "cs"]),
        new KernelInfo("markdown", "Markdown", ["md"]),
    };

    /// <summary>Runs one notebook to its end or its first failing cell.</summary>
    /// <param name="notebookPath">The .ipynb file.</param>
    /// <param name="options">Seed, output folder, log; null for defaults.</param>
    /// <param name="cancellationToken">Stops the run between or during cells.</param>
    /// <returns>Every cell's outcome and time, and where the executed copy was written.</returns>
    public async Task<NotebookResult> RunAsync(string notebookPath, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RunOptions();
        var log = options.Log ?? Console.Out; // captured before any kernel redirects Console.Out
        notebookPath = Path.GetFullPath(notebookPath);
        NativeSetup.Prepare();

        await OneAtATime.WaitAsync(cancellationToken);
        string previousDirectory = Environment.CurrentDirectory;
        string? previousSeed = Environment.GetEnvironmentVariable(SeedVariable);
        string? previousResults = Environment.GetEnvironmentVariable(ResultsVariable);
        try
        {
            if (string.IsNullOrWhiteSpace(previousResults) && RepoRoot.TryFind() is { } root)
            {
                Environment.SetEnvironmentVariable(ResultsVariable, Path.Combine(root, "artifacts", "results"));
            }

            Environment.CurrentDirectory = options.WorkingDirectory ?? Path.GetDirectoryName(notebookPath)!;
            if (options.Seed is { } seed)
            {
                Environment.SetEnvironmentVariable(SeedVariable, seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return await RunLockedAsync(notebookPath, options, log, cancellationToken);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            Environment.SetEnvironmentVariable(SeedVariable, previousSeed);
            Environment.SetEnvironmentVariable(ResultsVariable, previousResults);
            OneAtATime.Release();
        }
    }

    private static async Task<NotebookResult> RunLockedAsync(string path, RunOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string name = Path.GetFileNameWithoutExtension(path);
        var kernelInfos = KernelInfos();
        InteractiveDocument document;
        try
        {
            document = Notebook.Parse(await File.ReadAllTextAsync(path, cancellationToken), kernelInfos);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            return new NotebookResult(path, [], clock.Elapsed, null, $"could not read the notebook: {e.Message}");
        }

        var allCells = document.Elements.ToList();
        var codeCells = allCells.Where(c => c.KernelName != "markdown").ToList();
        codeCells.ForEach(c => { c.Outputs.Clear(); c.ExecutionOrder = 0; });

        var results = new List<CellResult>();
        string? notebookError = null;
        try
        {
            using var session = await NotebookSession.StartAsync(name, options, log);
            for (int i = 0; i < codeCells.Count; i++)
            {
                var cell = codeCells[i];
                var result = await session.RunCellAsync(cell, i + 1, codeCells.Count, allCells.IndexOf(cell) + 1, cancellationToken);
                results.Add(result);
                if (!result.Succeeded)
                {
                    log.WriteLine($"[{name}] FAILED at {result.Position}: {result.FirstLine}");
                    log.WriteLine(Indent(result.Error!));
                    break;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            notebookError = $"the notebook kernel failed: {e}";
            log.WriteLine($"[{name}] {notebookError}");
        }

        string? outputPath = options.OutputDirectory is { } folder ? Write(document, folder, name) : null;
        return new NotebookResult(path, results, clock.Elapsed, outputPath, notebookError);
    }

    private static string Write(InteractiveDocument document, string folder, string name)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(Path.GetFullPath(folder), name + ".ipynb");
        File.WriteAllText(path, document.ToJupyterJson() + "\n");
        return path;
    }

    private static string Indent(string text) =>
        string.Join(Environment.NewLine, text.Split('\n').Select(l => "    " + l.TrimEnd('\r')));
}
