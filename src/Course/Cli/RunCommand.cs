using Course.Runner;

namespace Course.Cli;

/// <summary>
/// <c>course run [lessons...] [--seed N] [--out DIR] [--quiet] [--with-load]</c>: runs the lessons headless,
/// writes them executed to <c>artifacts/executed/</c>, prints a timing table, and exits 1 if any
/// cell failed. <c>--with-load</c> keeps every core busy with a CPU-bound child process for the whole run
/// (<see cref="BackgroundLoad"/>), to measure the lessons on a busy machine (docs/platform.md#p5-the-thread-count-can-follow-the-load).
/// The options are parsed by <see cref="CourseCommandLine"/>.
/// </summary>
public static class RunCommand
{
    /// <summary>Runs the chosen notebooks.</summary>
    /// <returns>The process exit code: 0 all passed, 1 a cell failed, 2 no notebook matched.</returns>
    public static async Task<int> RunAsync(RunRequest request, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (selectors, seed, outDir, quiet, withLoad) = request;
        string root = RepoRoot.Find();
        string notebooks = Path.Combine(root, "notebooks");
        var chosen = NotebookSelection.Select(notebooks, selectors, out var unmatched);
        if (unmatched.Count > 0 || chosen.Count == 0)
        {
            log.WriteLine(unmatched.Count > 0
                ? $"run: no notebook in {notebooks} matches: {string.Join(", ", unmatched)}"
                : $"run: no notebooks found in {notebooks}");
            return 2;
        }

        var options = new RunOptions
        {
            Seed = seed,
            OutputDirectory = outDir ?? Path.Combine(root, "artifacts", "executed"),
            Log = log,
            EchoOutput = !quiet,
        };
        log.WriteLine($"Running {chosen.Count} notebook(s){(seed is null ? "" : $" with COURSE_SEED={seed}")}; executed copies go to {options.OutputDirectory}");

        using var load = withLoad ? BackgroundLoad.Start() : null;
        if (load is not null) log.WriteLine($"With load: a CPU-bound child process keeps {load.Cores} core(s) busy for the whole run.");
        var runner = new NotebookRunner();
        var results = new List<NotebookResult>();
        foreach (string notebook in chosen)
        {
            results.Add(await runner.RunAsync(notebook, options));
        }
        load?.Dispose();

        log.WriteLine(TimingTable.Format(results));
        var failed = results.Where(r => !r.Succeeded).ToList();
        if (failed.Count == 0)
        {
            log.WriteLine($"{Environment.NewLine}All {results.Count} notebook(s) ran without errors.");
            return 0;
        }

        log.WriteLine($"{Environment.NewLine}{failed.Count} of {results.Count} notebook(s) FAILED:");
        foreach (var r in failed)
        {
            var lines = r.FailureText!.Replace("\r\n", "\n").Split('\n');
            log.WriteLine($"- {lines[0]}");
            foreach (string line in lines.Skip(1))
            {
                log.WriteLine($"    {line}");
            }
        }

        return 1;
    }
}

/// <summary>What <c>course run</c> was asked to do.</summary>
/// <param name="Lessons">Lesson selectors (<see cref="NotebookSelection"/>); empty for all.</param>
/// <param name="Seed">COURSE_SEED for the lessons; null leaves it unset.</param>
/// <param name="OutputDirectory">Where executed notebooks go; null for artifacts/executed.</param>
/// <param name="Quiet">Echo only claim checks and errors.</param>
/// <param name="WithLoad">Keep every core busy with a CPU-bound child process.</param>
public sealed record RunRequest(IReadOnlyList<string> Lessons, int? Seed = null, string? OutputDirectory = null, bool Quiet = false, bool WithLoad = false);
