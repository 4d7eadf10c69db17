using System.Collections.Concurrent;
using Course.Book;
using HyperLab.Interactive.Charts;
using PuppeteerSharp;

namespace Course.Site;

/// <summary>
/// Opens every lesson page of a built site in a real headless Chromium (<see cref="LocalBrowser"/>) and checks
/// what a reader gets: every chart draws (plotly.js made SVG in it), no request leaves the machine, no script
/// error, and with scripts off every chart still shows its image. Keeps a screenshot of one lesson.
/// </summary>
public static class SiteCheck
{
    /// <summary>A chart counts as drawn when its SVG has at least this many elements (axes, ticks, traces).</summary>
    public const int MinSvgNodes = 20;

    /// <summary>Checks the pages.</summary>
    /// <param name="siteFolder">The built site.</param>
    /// <param name="pages">The page file names to open.</param>
    /// <param name="screenshotPath">Where to save a screenshot of the first page that has a chart; null for none.</param>
    /// <returns>One line per page, and every problem found (none when the site works).</returns>
    public static async Task<SiteCheckResult> RunAsync(string siteFolder, IReadOnlyList<string> pages, string? screenshotPath)
    {
        var lines = new List<string>();
        var problems = new List<string>();
        await using var browser = await LocalBrowser.LaunchAsync();
        bool screenshotTaken = screenshotPath is null;
        foreach (string name in pages)
        {
            string url = new Uri(Path.GetFullPath(Path.Combine(siteFolder, name))).AbsoluteUri;
            var (charts, external, errors) = await OpenAsync(browser, url, javaScript: true);
            var (images, _, _) = await OpenAsync(browser, url, javaScript: false);
            int drawn = charts.Count(n => n >= MinSvgNodes);
            int shown = images.Count(n => n > 0);
            lines.Add($"{name}: {drawn}/{charts.Count} charts drawn (SVG elements per chart {(charts.Count == 0 ? "-" : $"{charts.Min()}-{charts.Max()}")}), " +
                      $"{shown}/{images.Count} images without scripts, {external.Count} outside requests, {errors.Count} script errors");
            if (drawn < charts.Count) problems.Add($"{name}: {charts.Count - drawn} of {charts.Count} charts did not draw");
            if (shown < images.Count) problems.Add($"{name}: with scripts off, {images.Count - shown} of {images.Count} charts show no image");
            problems.AddRange(external.Select(u => $"{name}: a request left the machine: {u}"));
            problems.AddRange(errors.Select(e => $"{name}: script error: {e}"));
            if (!screenshotTaken && charts.Count > 0)
            {
                await ScreenshotAsync(browser, url, screenshotPath!);
                lines.Add($"screenshot of {name}: {screenshotPath}");
                screenshotTaken = true;
            }
        }

        return new SiteCheckResult(lines, problems);
    }

    /// <summary>Opens a page; returns, per chart, its SVG element count (scripts on) or its image's pixel width
    /// (scripts off), the requests that would have left the machine (all blocked), and script errors.</summary>
    private static async Task<(List<int> PerChart, List<string> External, List<string> Errors)> OpenAsync(IBrowser browser, string url, bool javaScript)
    {
        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1200, Height = 900 });
        await page.SetJavaScriptEnabledAsync(javaScript);
        var external = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            string u = e.Request.Url;
            if (u.StartsWith("file:", StringComparison.Ordinal) || u.StartsWith("data:", StringComparison.Ordinal) || u.StartsWith("about:", StringComparison.Ordinal))
                await e.Request.ContinueAsync();
            else
            {
                external.Enqueue(u);
                await e.Request.AbortAsync();
            }
        };
        page.PageError += (_, e) => errors.Enqueue(e.Message);
        await page.GoToAsync(url, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 60_000 });
        string selector = "." + ChartHtml.ChartClass;
        var perChart = javaScript
            ? await page.EvaluateFunctionAsync<int[]>($"() => [...document.querySelectorAll('{selector}')].map(c => c.querySelector('svg.main-svg') ? c.querySelectorAll('svg *').length : 0)")
            : await page.EvaluateFunctionAsync<int[]>($"async () => {{ const imgs = [...document.querySelectorAll('{selector}')].map(c => c.querySelector('img')); " +
                                                      "await Promise.all(imgs.filter(i => i && !i.complete).map(i => new Promise(r => { i.onload = i.onerror = r; }))); " +
                                                      "return imgs.map(i => i ? i.naturalWidth : 0); }");
        return (perChart.ToList(), external.ToList(), errors.ToList());
    }

    private static async Task ScreenshotAsync(IBrowser browser, string url, string path)
    {
        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1200, Height = 1400 });
        await page.GoToAsync(url, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        await page.EvaluateFunctionAsync($"() => document.querySelector('.{ChartHtml.ChartClass}').scrollIntoView({{ block: 'center' }})");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await page.ScreenshotAsync(path);
    }
}

/// <summary>What <see cref="SiteCheck.RunAsync"/> found.</summary>
/// <param name="Lines">One line per page (charts drawn, images, requests, errors).</param>
/// <param name="Problems">Every failure; empty when the site works.</param>
public sealed record SiteCheckResult(IReadOnlyList<string> Lines, IReadOnlyList<string> Problems)
{
    /// <summary>Whether every page passed.</summary>
    public bool Passed => Problems.Count == 0;
}
