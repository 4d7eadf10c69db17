using System.Globalization;
using Course.Book;
using Course.Site;

namespace Course.Cli;

/// <summary>
/// <c>course book [lessons...] [--seed N] [--no-run]</c>: runs the lessons (all by default), publishes each to
/// <c>book/</c> with its outputs and chart images (<see cref="Publisher"/>), then rebuilds the site
/// (<see cref="SiteCommand"/>). <c>--no-run</c> republishes the last run's executed copies. Needs a local Chromium.
/// </summary>
public static class BookCommand
{
    /// <summary>Where published lessons go, relative to the repository root.</summary>
    public const string BookFolder = "book";

    /// <summary>Runs, publishes and builds.</summary>
    /// <returns>The exit code: 0 done, 1 a lesson failed or no browser, 2 bad usage.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter log)
    {
        int seed = 0;
        bool run = true;
        var selectors = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--no-run")
            {
                run = false;
                continue;
            }

            if (args[i] == "--seed" && i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) && s >= 0)
                seed = s;
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                log.WriteLine($"book: unknown or incomplete option '{args[i]}'. Usage: {Program.BookUsage}");
                return 2;
            }
            else
            {
                selectors.Add(args[i]);
                continue;
            }

            i++;
        }

        if (LocalBrowser.Find() is null)
        {
            log.WriteLine("book: " + LocalBrowser.Missing);
            return 1;
        }

        string root = RepoRoot.Find();
        string notebooks = Path.Combine(root, "notebooks");
        var chosen = NotebookSelection.Select(notebooks, selectors, out var unmatched);
        if (unmatched.Count > 0 || chosen.Count == 0)
        {
            log.WriteLine($"book: no notebook in {notebooks} matches: {string.Join(", ", unmatched)}");
            return 2;
        }

        string executed = Path.Combine(root, "artifacts", "book-run");
        int code = run ? await RunCommand.RunAsync([.. selectors, "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", executed, "--quiet"], log) : 0;
        if (code != 0)
        {
            log.WriteLine("book: not published, because a lesson failed.");
            return code;
        }

        string book = Path.Combine(root, BookFolder);
        await using (var images = await ChartImages.StartAsync())
        {
            var publisher = new Publisher(images);
            foreach (string source in chosen)
            {
                string name = Path.GetFileName(source);
                int charts = await publisher.PublishAsync(Path.Combine(executed, name), source, Path.Combine(book, name), seed);
                log.WriteLine($"published {BookFolder}/{name}: {charts} chart images, {new FileInfo(Path.Combine(book, name)).Length / 1e3:0} kB");
            }
        }

        log.WriteLine($"book/: {Directory.GetFiles(book, "*.ipynb").Sum(f => new FileInfo(f).Length) / 1e6:0.0} MB in {Directory.GetFiles(book, "*.ipynb").Length} lessons");
        return await SiteCommand.RunAsync([], log);
    }
}
