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
    /// <param name="selectors">Lesson selectors; empty for all.</param>
    /// <param name="seed">The seed the lessons run with (0 for the published book).</param>
    /// <param name="run">False: republish the last run's executed copies.</param>
    /// <param name="log">Where progress goes.</param>
    /// <returns>The exit code: 0 done, 1 a lesson failed or no browser, 2 no notebook matched.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> selectors, int seed, bool run, TextWriter log)
    {
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
        int code = run ? await RunCommand.RunAsync(new RunRequest(selectors, seed, executed, Quiet: true), log) : 0;
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
        return await SiteCommand.RunAsync(check: false, outDir: null, log);
    }
}
