using System.Text.Json.Nodes;
using HyperLab.Interactive.Charts;
using PuppeteerSharp;

namespace Course.Book;

/// <summary>
/// Draws chart figures as images (SVG, or PNG where smaller) with plotly.js in one headless page of a <see cref="LocalBrowser"/>, so
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

    /// <summary>An SVG larger than this (characters) is compared with a PNG, and the smaller is kept.</summary>
    public const int SvgLimit = 100_000;

    /// <summary>The figure (data, layout, config) drawn at its layout size: as SVG (sharp at any zoom and, as text,
    /// a fifth of a PNG's size in a notebook, which stores a PNG as base64), or as PNG when that is smaller (charts
    /// that plotly.js draws with WebGL, such as parallel coordinates, put a raster inside their SVG).</summary>
    public async Task<ChartImage> DrawAsync(JsonObject figure)
    {
        var (width, height) = ChartHtml.Size(figure);
        string json = figure.ToJsonString();
        string svgUrl = await ToImageAsync(json, width, height, "svg");
        var svg = new ChartImage("image/svg+xml", Uri.UnescapeDataString(Payload(svgUrl, "data:image/svg+xml,")), width, height);
        if (svg.NotebookData.Length <= SvgLimit) return svg;
        var png = new ChartImage("image/png", Payload(await ToImageAsync(json, width, height, "png"), "data:image/png;base64,"), width, height);
        return png.NotebookData.Length < svg.NotebookData.Length ? png : svg;
    }

    private Task<string> ToImageAsync(string json, int width, int height, string format) =>
        page.EvaluateFunctionAsync<string>(
            "(json, w, h, format) => { const f = JSON.parse(json); return Plotly.toImage({data: f.data, layout: f.layout, config: f.config}, {format, width: w, height: h}); }",
            json, width, height, format);

    private static string Payload(string dataUrl, string prefix) => dataUrl.StartsWith(prefix, StringComparison.Ordinal)
        ? dataUrl[prefix.Length..]
        : throw new InvalidOperationException($"plotly.js returned no {prefix[5..^1]} image: {dataUrl[..Math.Min(80, dataUrl.Length)]}");

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await page.DisposeAsync();
        await browser.DisposeAsync();
    }
}

/// <summary>One chart drawn as an image.</summary>
/// <param name="MimeType"><c>image/svg+xml</c> or <c>image/png</c>.</param>
/// <param name="NotebookData">As a notebook stores it: the SVG document, or the PNG in base64.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record ChartImage(string MimeType, string NotebookData, int Width, int Height)
{
    /// <summary>The image as a <c>data:</c> URL, for an <c>img</c> element.</summary>
    public string DataUrl => $"data:{MimeType};base64," +
        (MimeType == "image/png" ? NotebookData : Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(NotebookData)));
}
