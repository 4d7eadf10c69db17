using System.Text.Json.Nodes;
using HyperLab.Interactive.Charts;
using PuppeteerSharp;

namespace Course.Book;

/// <summary>
/// Draws chart figures as SVG images with plotly.js in one headless page of a <see cref="LocalBrowser"/>, so
/// published lessons show their charts where scripts do not run. One browser serves every chart of a run.
/// </summary>
public sealed class ChartImages : IAsyncDisposable
{
    private readonly IBrowser browser;
    private readonly IPage page;

    private ChartImages(IBrowser browser, IPage page) => (this.browser, this.page) = (browser, page);

    /// <summary>Starts the browser and loads the plotly.js that ships with Plotly.NET (no network).</summary>
    public static async Task<ChartImages> StartAsync()
    {
        var browser = await LocalBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><body></body></html>");
        await page.AddScriptTagAsync(new AddTagOptions { Content = PlotlyJs.Text });
        return new ChartImages(browser, page);
    }

    /// <summary>The figure (data, layout, config) drawn at its layout size as SVG: sharp at any zoom, and as text
    /// a fifth of a PNG's size in a notebook (which would store a PNG as base64).</summary>
    public async Task<ChartImage> DrawAsync(JsonObject figure)
    {
        var (width, height) = ChartHtml.Size(figure);
        string url = await page.EvaluateFunctionAsync<string>(
            "(json, w, h) => { const f = JSON.parse(json); return Plotly.toImage({data: f.data, layout: f.layout, config: f.config}, {format: 'svg', width: w, height: h}); }",
            figure.ToJsonString(), width, height);
        const string prefix = "data:image/svg+xml,";
        if (!url.StartsWith(prefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"plotly.js returned no SVG image: {url[..Math.Min(80, url.Length)]}");
        return new ChartImage(Uri.UnescapeDataString(url[prefix.Length..]), width, height);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await page.DisposeAsync();
        await browser.DisposeAsync();
    }
}

/// <summary>One chart drawn as an image.</summary>
/// <param name="Svg">The SVG document.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record ChartImage(string Svg, int Width, int Height)
{
    /// <summary>The image as a <c>data:</c> URL, for an <c>img</c> element.</summary>
    public string DataUrl => "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Svg));
}
