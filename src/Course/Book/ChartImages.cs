using System.Text.Json.Nodes;
using HyperLab.Charts;
using HyperLab.Interactive.Charts;
using PuppeteerSharp;

namespace Course.Book;

/// <summary>
/// Draws chart figures as PNG images at twice their layout size (sharp on phones and high-density screens), in
/// an indexed palette (<see cref="PalettePng"/>), with plotly.js in one headless page of a <see cref="LocalBrowser"/>, so published lessons show their charts where
/// scripts do not run. PNG, not SVG: sanitizers (GitHub's, nbconvert's <c>sanitize_html</c>) keep
/// <c>data:image/png</c> and drop <c>data:image/svg+xml</c>. One browser serves every chart of a run.
/// </summary>
public sealed class ChartImages : IAsyncDisposable
{
    /// <summary>Device pixels per layout pixel in the published PNG.</summary>
    public const int Scale = 2;

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

    /// <summary>The figure (data, layout, config) drawn at its layout size, as a PNG of <see cref="Scale"/> times as many pixels.</summary>
    public async Task<ChartImage> DrawAsync(JsonObject figure)
    {
        var (width, height) = ChartHtml.Size(figure);
        string dataUrl = await page.EvaluateFunctionAsync<string>(
            "(json, w, h, scale) => { const f = JSON.parse(json); return Plotly.toImage({data: f.data, layout: f.layout, config: f.config}, {format: 'png', width: w, height: h, scale}); }",
            figure.ToJsonString(), width, height, Scale);
        const string prefix = "data:image/png;base64,";
        if (!dataUrl.StartsWith(prefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"plotly.js returned no PNG image: {dataUrl[..Math.Min(80, dataUrl.Length)]}");
        var (rgba, w, h) = PalettePng.Decode(Convert.FromBase64String(dataUrl[prefix.Length..]));
        byte[] png = PalettePng.Encode(rgba, w, h);
        return new ChartImage(Convert.ToBase64String(png), width, height);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await page.DisposeAsync();
        await browser.DisposeAsync();
    }
}

/// <summary>One chart drawn as a PNG.</summary>
/// <param name="Base64">The PNG in base64, as a notebook stores it (<c>image/png</c>).</param>
/// <param name="Width">Width in layout (CSS) pixels; the PNG has <see cref="ChartImages.Scale"/> times as many.</param>
/// <param name="Height">Height in layout (CSS) pixels.</param>
public sealed record ChartImage(string Base64, int Width, int Height)
{
    /// <summary>The notebook mime type of the image.</summary>
    public const string MimeType = "image/png";
}
