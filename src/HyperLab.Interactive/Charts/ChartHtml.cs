using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HyperLab.Charts;
using Plotly.NET;

namespace HyperLab.Interactive.Charts;

/// <summary>
/// How a Plotly.NET chart is written into a notebook output, without a CDN: a <c>div</c> for the chart, the
/// figure as JSON beside it, and a small script that draws it with the page's <c>window.Plotly</c>. The first
/// chart of a session also carries plotly.js itself (<see cref="PlotlyJs"/>), once. The course's publishing step
/// finds the pieces by the markers below: it removes the plotly.js copy and puts a static image in the
/// <see cref="StaticPlaceholder"/>, so the chart still shows where scripts do not run (GitHub, nbconvert).
/// </summary>
public static class ChartHtml
{
    /// <summary>The class of every chart's <c>div</c>.</summary>
    public const string ChartClass = "hyperlab-chart";

    /// <summary>The class of the <c>script type="application/json"</c> element holding a chart's figure.</summary>
    public const string FigureClass = "hyperlab-figure";

    /// <summary>The attribute that marks the script element carrying plotly.js.</summary>
    public const string LoaderAttribute = "data-hyperlab-plotly";

    /// <summary>Where a static image of the chart goes (inside the chart's <c>div</c>; replaced when drawn).</summary>
    public const string StaticPlaceholder = "<!--hyperlab-static-image-->";

    private const int DefaultWidth = 700, DefaultHeight = 450;

    /// <summary>The chart's figure (data, layout, config) as plotly.js reads it.</summary>
    public static JsonObject Figure(GenericChart chart) =>
        Compact(JsonNode.Parse(GenericChart.toJson(chart))!).AsObject();

    /// <summary>The figure with every fractional number rounded to 6 significant digits (whole numbers kept),
    /// which no chart can show the difference of, and which makes image and loss-curve data several times smaller.</summary>
    public static JsonNode Compact(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (string key in o.Select(p => p.Key).ToList())
                {
                    if (o[key] is JsonValue v) { if (Rounded(v) is { } r) o[key] = r; }
                    else if (o[key] is { } child) Compact(child);
                }
                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v) { if (Rounded(v) is { } r) a[i] = r; }
                    else if (a[i] is { } child) Compact(child);
                }
                break;
        }

        return node;
    }

    private static JsonValue? Rounded(JsonValue value) =>
        value.GetValueKind() == System.Text.Json.JsonValueKind.Number && value.TryGetValue(out double d) && double.IsFinite(d) && d != Math.Floor(d)
            ? JsonValue.Create(double.Parse(d.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
            : null;

    /// <summary>The chart's size in pixels: the layout's width and height, else 700 × 450.</summary>
    public static (int Width, int Height) Size(JsonObject figure) =>
        ((int?)(double?)figure["layout"]?["width"] ?? DefaultWidth, (int?)(double?)figure["layout"]?["height"] ?? DefaultHeight);

    /// <summary>The HTML output for one chart.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="withPlotlyJs">Whether to include plotly.js (the first chart of a session).</param>
    public static string Render(GenericChart chart, bool withPlotlyJs)
    {
        var figure = Figure(chart);
        var (width, height) = Size(figure);
        string id = "hyperlab-chart-" + Guid.NewGuid().ToString("N")[..12];
        var html = new StringBuilder();
        if (withPlotlyJs) html.Append(PlotlyJsElement());
        html.Append($"<div id=\"{id}\" class=\"{ChartClass}\" style=\"width:100%;max-width:{width}px;height:{height}px\">{StaticPlaceholder}</div>");
        // "</" would end the script element early; JSON allows "<\/".
        html.Append($"<script type=\"application/json\" class=\"{FigureClass}\" data-chart=\"{id}\">{figure.ToJsonString().Replace("</", "<\\/")}</script>");
        html.Append("<script>(function(){var id='").Append(id).Append("';")
            .Append("function draw(){var el=document.getElementById(id),f=document.querySelector('script[data-chart=\"'+id+'\"]');if(!el||!f)return;")
            .Append("var fig=JSON.parse(f.textContent);el.innerHTML='';el.style.maxWidth='none';window.Plotly.newPlot(el,fig.data,fig.layout,fig.config);}")
            .Append("if(window.Plotly)draw();else(window.hyperlabCharts=window.hyperlabCharts||[]).push(draw);})();</script>");
        return html.ToString();
    }

    // A script element that defines window.Plotly even where require.js is present (Jupyter), by hiding AMD and
    // CommonJS from plotly.js's loader, then draws the charts that were waiting for it; marked by LoaderAttribute
    // so the publishing step can find and remove it.
    private static string PlotlyJsElement() =>
        $"<script {LoaderAttribute}=\"{PlotlyJs.Version}\">(function(define,module,exports){{{PlotlyJs.Text}\n}}).call(window);" +
        "(window.hyperlabCharts||[]).splice(0).forEach(function(draw){draw();});</script>";

    /// <summary>A chart in words, for outputs read as text: its title, axes and series.</summary>
    public static string Text(GenericChart chart)
    {
        var figure = Figure(chart);
        var layout = figure["layout"];
        string title = Title(layout?["title"]) ?? "untitled";
        var names = (figure["data"]?.AsArray() ?? [])
            .Select(t => (string?)t?["name"]).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().ToList();
        var axes = new[] { "xaxis", "yaxis" }.Select(a => Title(layout?[a]?["title"])).Where(t => t is not null).ToList();
        var text = new StringBuilder($"Chart: {title}");
        if (axes.Count > 0) text.Append($" ({string.Join(" against ", axes.AsEnumerable().Reverse())})");
        if (names.Count > 0) text.Append($"; {names.Count} series: {string.Join(", ", names.Take(8))}{(names.Count > 8 ? ", …" : "")}");
        return text.ToString();
    }

    private static string? Title(JsonNode? title) => title switch
    {
        JsonValue v => WebUtility.HtmlDecode(((string?)v)?.Replace("<br>", " ")),
        JsonObject o => WebUtility.HtmlDecode(((string?)o["text"])?.Replace("<br>", " ")),
        _ => null,
    };
}
