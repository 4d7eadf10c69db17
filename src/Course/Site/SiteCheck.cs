using System.Collections.Concurrent;
using Course.Book;
using HyperLab.Interactive.Charts;
using PuppeteerSharp;

namespace Course.Site;

/// <summary>
/// Opens every lesson page of a built site in a real headless Chromium (<see cref="LocalBrowser"/>) at a desktop
/// and a phone width and checks what a reader gets: on the desktop every chart draws (plotly.js made SVG in it); at
/// both widths nothing sticks out sideways and every chart lies inside the viewport; no request leaves the machine;
/// no script error; the lesson sidebar, the on-page contents and the heading anchors are there; with scripts off
/// every chart still shows its image; the search page finds text through its prebuilt index. Keeps a screenshot
/// at each width.
/// </summary>
public static class SiteCheck
{
    /// <summary>A chart counts as drawn when its SVG has at least this many elements (axes, ticks, traces).</summary>
    public const int MinSvgNodes = 20;

    /// <summary>The widths checked, in CSS pixels: a desktop and a phone.</summary>
    public const int DesktopWidth = 1280, PhoneWidth = 400;

    /// <summary>The lesson whose screenshots are kept (the side-by-side heatmaps); the first page with a chart if absent.</summary>
    public const string ScreenshotLesson = "06-";

    /// <summary>What the search check looks for (words every lesson set uses).</summary>
    public const string SearchProbe = "learning rate";

    /// <summary>Checks the pages.</summary>
    /// <param name="siteFolder">The built site.</param>
    /// <param name="pages">The page file names to open.</param>
    /// <param name="screenshotPath">Where to save a desktop screenshot (the phone one goes beside it, "-400" added); null for none.</param>
    /// <returns>Lines per page and width, and every problem found (none when the site works).</returns>
    public static async Task<SiteCheckResult> RunAsync(string siteFolder, IReadOnlyList<string> pages, string? screenshotPath)
    {
        var lines = new List<string>();
        var problems = new List<string>();
        await using var browser = await LocalBrowser.LaunchAsync();
        foreach (string name in pages)
        {
            string url = Url(siteFolder, name);
            var desktop = await OpenAsync(browser, url, DesktopWidth, javaScript: true);
            var phone = await OpenAsync(browser, url, PhoneWidth, javaScript: true);
            var noScript = await OpenAsync(browser, url, DesktopWidth, javaScript: false);
            int drawn = desktop.Charts.Count(c => c.SvgNodes >= MinSvgNodes);
            int shown = noScript.Charts.Count(c => c.ImageWidth > 0);
            var svg = desktop.Charts.Select(c => c.SvgNodes).DefaultIfEmpty(0).ToList();
            lines.Add($"{name}: {drawn}/{desktop.Charts.Count} charts drawn at {DesktopWidth} px (SVG elements per chart {svg.Min()}-{svg.Max()}), " +
                      $"{shown}/{noScript.Charts.Count} images without scripts, {desktop.SidebarLinks} sidebar links, {desktop.ContentsLinks} contents links, " +
                      $"{desktop.Anchors} heading anchors, {desktop.External.Count + phone.External.Count} outside requests, {desktop.Errors.Count + phone.Errors.Count} script errors");
            if (drawn < desktop.Charts.Count) problems.Add($"{name}: {desktop.Charts.Count - drawn} of {desktop.Charts.Count} charts did not draw at {DesktopWidth} px");
            if (shown < noScript.Charts.Count) problems.Add($"{name}: with scripts off, {noScript.Charts.Count - shown} of {noScript.Charts.Count} charts show no image");
            foreach (var (facts, width) in new[] { (desktop, DesktopWidth), (phone, PhoneWidth) })
            {
                if (facts.Overflow > 0) problems.Add($"{name} at {width} px: the page is {facts.Overflow} px wider than the screen (a horizontal scroll)");
                int cut = facts.Charts.Count(c => c.Left < -0.5 || c.Right > width + 0.5);
                if (cut > 0) problems.Add($"{name} at {width} px: {cut} chart(s) not fully inside the screen's width");
            }

            if (desktop.SidebarLinks < pages.Count) problems.Add($"{name}: the lesson sidebar lists {desktop.SidebarLinks} links, fewer than the {pages.Count} lessons");
            if (desktop.Anchors == 0) problems.Add($"{name}: no heading anchor links");
            if (desktop.ContentsLinks == 0) problems.Add($"{name}: no on-page contents list");
            problems.AddRange(desktop.External.Concat(phone.External).Concat(noScript.External).Distinct().Select(u => $"{name}: a request left the machine: {u}"));
            problems.AddRange(desktop.Errors.Concat(phone.Errors).Distinct().Select(e => $"{name}: script error: {e}"));
        }

        if (File.Exists(Path.Combine(siteFolder, SiteBuilder.SearchPage)))
        {
            var (indexed, found) = await SearchAsync(browser, Url(siteFolder, SiteBuilder.SearchPage) + "?q=" + Uri.EscapeDataString(SearchProbe));
            lines.Add($"search: {indexed} sections indexed, {found} results for \"{SearchProbe}\"");
            if (indexed == 0 || found == 0) problems.Add($"search: {indexed} sections indexed and {found} results for \"{SearchProbe}\" (the search index is missing or broken)");
        }
        else problems.Add($"no {SiteBuilder.SearchPage} (the offline search)");

        string? shot = pages.FirstOrDefault(p => p.StartsWith(ScreenshotLesson, StringComparison.Ordinal)) ?? pages.FirstOrDefault();
        if (screenshotPath is not null && shot is not null)
        {
            string phoneShot = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(screenshotPath))!, Path.GetFileNameWithoutExtension(screenshotPath) + $"-{PhoneWidth}.png");
            await ScreenshotAsync(browser, Url(siteFolder, shot), DesktopWidth, 1000, screenshotPath);
            await ScreenshotAsync(browser, Url(siteFolder, shot), PhoneWidth, 860, phoneShot);
            lines.Add($"screenshots of {shot} (its widest chart) at {DesktopWidth} and {PhoneWidth} px: {screenshotPath}, {phoneShot}");
        }

        return new SiteCheckResult(lines, problems);
    }

    private static string Url(string siteFolder, string name) => new Uri(Path.GetFullPath(Path.Combine(siteFolder, name))).AbsoluteUri;

    private static async Task<IPage> NewPageAsync(IBrowser browser, int width, int height, bool javaScript, ConcurrentQueue<string> external, ConcurrentQueue<string> errors)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        await page.SetJavaScriptEnabledAsync(javaScript);
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
        return page;
    }

    /// <summary>Opens a page at a width and measures it.</summary>
    private static async Task<PageFacts> OpenAsync(IBrowser browser, string url, int width, bool javaScript)
    {
        var external = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        await using var page = await NewPageAsync(browser, width, 900, javaScript, external, errors);
        await page.GoToAsync(url, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 90_000 });
        string chart = "." + ChartHtml.ChartClass;
        // Per chart: SVG elements drawn, the image's pixel width (0 if none or not loaded; scripts off loads lazy
        // images at once), and the left and right edges of what is shown (the live chart or the image).
        var charts = await page.EvaluateFunctionAsync<double[][]>(
            $"async () => {{ const figs = [...document.querySelectorAll('{chart}')]; " +
            "const imgs = figs.map(c => c.querySelector('img')); " +
            (javaScript ? "" : "await Promise.all(imgs.filter(i => i && !i.complete).map(i => new Promise(r => { i.onload = i.onerror = r; }))); ") +
            "return figs.map((c, k) => { const shown = c.classList.contains('live') ? c.querySelector('.chart-live') : (imgs[k] || c); " +
            "const r = shown.getBoundingClientRect(); " +
            "return [c.querySelector('svg.main-svg') ? c.querySelectorAll('svg *').length : 0, imgs[k] && imgs[k].complete ? imgs[k].naturalWidth : 0, r.left, r.right]; }); }");
        var facts = await page.EvaluateFunctionAsync<int[]>(
            "() => [Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth), " +
            "document.querySelectorAll('nav.sidebar a').length, document.querySelectorAll('h1 a.anchor, h2 a.anchor, h3 a.anchor').length, " +
            "document.querySelectorAll('nav.toc a, details.toc-inline a').length]");
        return new PageFacts(charts.Select(c => new ChartFacts((int)c[0], (int)c[1], c[2], c[3])).ToList(), facts[0], facts[1], facts[2], facts[3], external.ToList(), errors.ToList());
    }

    private static async Task<(int Indexed, int Found)> SearchAsync(IBrowser browser, string url)
    {
        await using var page = await NewPageAsync(browser, DesktopWidth, 900, javaScript: true, new ConcurrentQueue<string>(), new ConcurrentQueue<string>());
        await page.GoToAsync(url, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        var counts = await page.EvaluateFunctionAsync<int[]>("() => [(window.courseSearchIndex || []).length, document.querySelectorAll('#search-results li').length]");
        return (counts[0], counts[1]);
    }

    private static async Task ScreenshotAsync(IBrowser browser, string url, int width, int height, string path)
    {
        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        await page.GoToAsync(url, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        await page.EvaluateFunctionAsync(
            $"async () => {{ const figs = [...document.querySelectorAll('.{ChartHtml.ChartClass}')]; if (!figs.length) return; " +
            "const widest = figs.reduce((a, b) => (+b.dataset.width || 0) > (+a.dataset.width || 0) ? b : a); widest.scrollIntoView({ block: 'center' }); " +
            "const img = widest.querySelector('img'); if (img && !img.complete) await new Promise(r => { img.onload = img.onerror = r; setTimeout(r, 5000); }); }");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await page.ScreenshotAsync(path);
    }

    private sealed record ChartFacts(int SvgNodes, int ImageWidth, double Left, double Right);

    private sealed record PageFacts(List<ChartFacts> Charts, int Overflow, int SidebarLinks, int Anchors, int ContentsLinks, List<string> External, List<string> Errors);
}

/// <summary>What <see cref="SiteCheck.RunAsync"/> found.</summary>
/// <param name="Lines">One line per page (charts drawn, images, sidebar, anchors, requests, errors), the search, the screenshots.</param>
/// <param name="Problems">Every failure; empty when the site works.</param>
public sealed record SiteCheckResult(IReadOnlyList<string> Lines, IReadOnlyList<string> Problems)
{
    /// <summary>Whether every page passed.</summary>
    public bool Passed => Problems.Count == 0;
}
