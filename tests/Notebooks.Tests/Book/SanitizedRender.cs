using System.Diagnostics;
using System.Text.Json.Nodes;
using Course.Book;
using PuppeteerSharp;

namespace Notebooks.Tests.Book;

/// <summary>
/// A published notebook as a sanitizing viewer shows it: rendered by nbconvert with <c>sanitize_html=True</c> and a
/// bluemonday-like allow-list (<c>sanitized_html.py</c>), then opened in headless Chromium, where every image is
/// decoded and its pixels counted.
/// </summary>
internal static class SanitizedRender
{
    /// <summary>An image counts as showing a chart when at least this share of its pixels differ from its corner
    /// (background) pixel and it has at least <see cref="MinColors"/> colours.</summary>
    public const double MinInkShare = 0.02;

    /// <summary>See <see cref="MinInkShare"/>.</summary>
    public const int MinColors = 8;

    private static readonly Lazy<string?> PythonPath = new(FindPython);

    /// <summary>A Python that has nbconvert (the one <c>jupyter-nbconvert</c> runs with), or null.</summary>
    public static string? Python => PythonPath.Value;

    /// <summary>What to install when nbconvert is missing.</summary>
    public const string Missing = "No jupyter-nbconvert with a Python that imports nbconvert and bs4 (Debian: sudo apt-get install jupyter-nbconvert python3-bs4).";

    /// <summary>How many charts (outputs with a published figure) a notebook has.</summary>
    public static int Charts(string notebookPath) =>
        JsonNode.Parse(File.ReadAllText(notebookPath))!["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"]?.AsArray() ?? []).OfType<JsonObject>()
            .Count(o => Publisher.Figure(o) is not null || SourceHash.Joined(o["data"]?["text/html"]).Contains("hyperlab-chart", StringComparison.Ordinal));

    /// <summary>Renders the notebook sanitized and measures every image on the page.</summary>
    /// <returns>The renderer's summary line and, per image, its share of non-background pixels, its colour count
    /// (up to 1000) and its displayed width.</returns>
    public static async Task<(string Summary, IReadOnlyList<ImageInk> Images)> RenderAsync(IBrowser browser, string notebookPath, string htmlPath)
    {
        string script = Path.Combine(LessonNotebooks.Root, "tests", "Notebooks.Tests", "Book", "sanitized_html.py");
        var start = new ProcessStartInfo(Python ?? throw new InvalidOperationException(Missing)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { script, notebookPath, htmlPath }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string stdout = await process.StandardOutput.ReadToEndAsync(), stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"sanitized_html.py failed on {notebookPath}: {stderr}");

        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            if (e.Request.Url.StartsWith("file:", StringComparison.Ordinal) || e.Request.Url.StartsWith("data:", StringComparison.Ordinal)) await e.Request.ContinueAsync();
            else await e.Request.AbortAsync(); // nothing leaves the machine
        };
        await page.GoToAsync(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 120_000 });
        var images = await page.EvaluateFunctionAsync<double[][]>("""
            async () => {
              const imgs = [...document.querySelectorAll('img')];
              await Promise.all(imgs.filter(i => !i.complete).map(i => new Promise(r => { i.onload = i.onerror = r; })));
              return imgs.map(i => {
                if (!i.complete || !i.naturalWidth) return [0, 0, 0];
                const c = document.createElement('canvas'); c.width = i.naturalWidth; c.height = i.naturalHeight;
                const x = c.getContext('2d'); x.drawImage(i, 0, 0);
                const d = x.getImageData(0, 0, c.width, c.height).data;
                let ink = 0; const colors = new Set();
                for (let k = 0; k < d.length; k += 4) {
                  if (Math.abs(d[k] - d[0]) + Math.abs(d[k + 1] - d[1]) + Math.abs(d[k + 2] - d[2]) + Math.abs(d[k + 3] - d[3]) > 30) ink++;
                  if (colors.size < 1000) colors.add((d[k] << 24) | (d[k + 1] << 16) | (d[k + 2] << 8) | d[k + 3]);
                }
                return [ink / (d.length / 4), colors.size, i.getBoundingClientRect().width];
              });
            }
            """);
        return (stdout.Trim(), images.Select(i => new ImageInk(i[0], (int)i[1], i[2])).ToList());
    }

    private static string? FindPython()
    {
        string? launcher = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "jupyter-nbconvert")).FirstOrDefault(File.Exists);
        string? shebang = launcher is null ? null : File.ReadLines(launcher).FirstOrDefault();
        var candidates = new[] { shebang is { } s && s.StartsWith("#!", StringComparison.Ordinal) ? s[2..].Trim().Split(' ')[0] : null, "/usr/bin/python3", "python3" };
        foreach (string? python in candidates.Where(c => c is not null).Distinct())
        {
            try
            {
                var start = new ProcessStartInfo(python!, ["-c", "import nbconvert, bs4"]) { RedirectStandardError = true, RedirectStandardOutput = true };
                using var p = Process.Start(start);
                if (p is null) continue;
                p.WaitForExit();
                if (p.ExitCode == 0) return python;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed
            }
        }

        return null;
    }
}

/// <summary>One image on a rendered page.</summary>
/// <param name="InkShare">The share of its pixels that differ from its corner pixel (0 when it did not load).</param>
/// <param name="Colors">Its distinct colours, up to 1000.</param>
/// <param name="DisplayedWidth">Its width on the page, in CSS pixels.</param>
internal sealed record ImageInk(double InkShare, int Colors, double DisplayedWidth)
{
    /// <summary>Whether it shows something: loaded, drawn on the page, and not a blank or single-colour box.</summary>
    public bool ShowsAChart => InkShare >= SanitizedRender.MinInkShare && Colors >= SanitizedRender.MinColors && DisplayedWidth > 50;
}

/// <summary>A test that needs Chromium and nbconvert: skipped, visibly, where either is missing, unless
/// <c>COURSE_REQUIRE_BROWSER=1</c> (CI), where it runs and fails saying what to install.</summary>
public sealed class RequiresNbconvertTheoryAttribute : TheoryAttribute
{
    public RequiresNbconvertTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable(RequiresBrowserFactAttribute.RequireVariable) == "1") return;
        if (LocalBrowser.Find() is null) Skip = LocalBrowser.Missing + $" (set {RequiresBrowserFactAttribute.RequireVariable}=1 to fail instead of skipping)";
        else if (SanitizedRender.Python is null) Skip = SanitizedRender.Missing + $" (set {RequiresBrowserFactAttribute.RequireVariable}=1 to fail instead of skipping)";
    }
}

/// <summary>As <see cref="RequiresNbconvertTheoryAttribute"/>, for a fact.</summary>
public sealed class RequiresNbconvertFactAttribute : FactAttribute
{
    public RequiresNbconvertFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(RequiresBrowserFactAttribute.RequireVariable) == "1") return;
        if (LocalBrowser.Find() is null) Skip = LocalBrowser.Missing + $" (set {RequiresBrowserFactAttribute.RequireVariable}=1 to fail instead of skipping)";
        else if (SanitizedRender.Python is null) Skip = SanitizedRender.Missing + $" (set {RequiresBrowserFactAttribute.RequireVariable}=1 to fail instead of skipping)";
    }
}
