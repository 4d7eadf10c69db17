using System.Globalization;
using Course.Runner;

namespace Course.Cli;

/// <summary>
/// <c>course run [lessons...] [--seed N] [--out DIR] [--quiet] [--with-load]</c>: runs the lessons headless,
/// writes them executed to <c>artifacts/executed/</c>, prints a timing table, and exits 1 if any
/// cell failed. <c>--with-load</c> keeps every core busy with a CPU-bound child process for the whole run
/// (<see cref="BackgroundLoad"/>), to measure the lessons on a busy machine (docs/platform.md#p5-the-thread-count-can-follow-the-load).
/// </summary>
public static class RunCommand
{
    /// <summary>Parses the arguments after <c>run</c> and runs the chosen notebooks.</summary>
    /// <returns>The process exit code: 0 all passed, 1 a cell failed, 2 bad usage.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter log)
    {
        var selectors = new List<string>();
        int? seed = null;
        string? outDir = null;
        bool quiet = false;
        bool withLoad = false;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--seed" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int s):
                    seed = s;
                    i++;
                    break;
                case "--out" when i + 1 < args.Count:
                    outDir = Path.GetFullPath(args[++i]);
                    break;
                case "--quiet":
                    quiet = true;
                    break;
                case "--with-load":
                    withLoad = true;
                    break;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    log.WriteLine($"run: unknown or incomplete option '{a}'. Usage: {Program.RunUsage}");
                    return 2;
                default:
                    selectors.Add(args[i]);
                    break;
            }
        }

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
