using Course.Book;
using Course.Site;

namespace Course.Cli;

/// <summary>
/// <c>course site [--check] [--out DIR]</c>: builds the static site from the published lessons in <c>book/</c>
/// (no lesson is run), to <c>artifacts/site/</c> by default; with <c>--check</c>, opens every page in a headless
/// Chromium (<see cref="SiteCheck"/>) and keeps a screenshot in the site folder's parent.
/// </summary>
public static class SiteCommand
{
    /// <summary>Builds (and checks) the site.</summary>
    /// <param name="check">Also open every page in headless Chromium.</param>
    /// <param name="outDir">The site folder; null for artifacts/site.</param>
    /// <param name="log">Where the report goes.</param>
    /// <returns>The exit code: 0 built (and the check passed), 1 the check failed or no browser, 2 no book.</returns>
    public static async Task<int> RunAsync(bool check, string? outDir, TextWriter log)
    {
        string root = RepoRoot.Find();
        string site = outDir ?? Path.Combine(root, "artifacts", "site");
        SiteReport report;
        try
        {
            report = SiteBuilder.Build(Path.Combine(root, BookCommand.BookFolder), Path.Combine(root, "notebooks"), site);
        }
        catch (FileNotFoundException e)
        {
            log.WriteLine("site: " + e.Message);
            return 2;
        }

        log.WriteLine(report);
        log.WriteLine($"open {Path.Combine(site, "index.html")} in a browser (no server needed)");
        if (!check) return 0;

        if (LocalBrowser.Find() is null)
        {
            log.WriteLine("site --check: " + LocalBrowser.Missing);
            return 1;
        }

        string screenshot = Path.Combine(Path.GetDirectoryName(site)!, "site-screenshot.png");
        var result = await SiteCheck.RunAsync(site, report.LessonPages, screenshot);
        foreach (string line in result.Lines) log.WriteLine(line);
        foreach (string problem in result.Problems) log.WriteLine("PROBLEM: " + problem);
        log.WriteLine(result.Passed ? $"site check passed: {report.LessonPages.Count} pages in Chromium" : $"site check FAILED: {result.Problems.Count} problem(s)");
        return result.Passed ? 0 : 1;
    }
}
