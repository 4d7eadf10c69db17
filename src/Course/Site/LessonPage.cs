using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ColorCode;
using Course.Book;
using HyperLab.Interactive.Charts;

namespace Course.Site;

/// <summary>
/// One published lesson as an HTML page: prose through <see cref="SiteMarkdown"/>, code highlighted as C#,
/// and every output as the notebook shows it. A chart is its PNG with the figure beside it: the page's script draws
/// it with plotly.js where there is room, and the image stays where there is not (a phone) or scripts are off.
/// </summary>
public static class LessonPage
{
    private static readonly HtmlClassFormatter Highlighter = new();

    /// <summary>The CSS classes the highlighted code uses.</summary>
    public static string HighlightCss => Highlighter.GetCSSString();

    /// <summary>The lesson's title: the first heading of its first Markdown cell.</summary>
    public static string Title(JsonNode notebook, string fallback)
    {
        var first = notebook["cells"]!.AsArray().FirstOrDefault(c => (string?)c!["cell_type"] == "markdown");
        string? heading = first is null ? null : SourceHash.CellSource(first).Split('\n').FirstOrDefault(l => l.StartsWith('#'));
        return heading?.TrimStart('#').Trim() ?? fallback;
    }

    /// <summary>One line on what the lesson teaches and how long it takes: its first learning goal and its
    /// "**Time:**" line, from its first Markdown cell.</summary>
    public static string Summary(JsonNode notebook)
    {
        var first = notebook["cells"]!.AsArray().FirstOrDefault(c => (string?)c!["cell_type"] == "markdown");
        string text = first is null ? "" : SourceHash.CellSource(first);
        string goal = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("- ", StringComparison.Ordinal))?[2..].TrimEnd(';', '.') ?? "";
        goal = Regex.Replace(Regex.Replace(goal, @"\[([^\]]*)\]\([^)]*\)", "$1"), @"[*`]", "");
        var time = Regex.Match(text, @"\*\*Time:\*\*\s*(?<t>[^(.:\n]+)");
        string line = goal.Length > 0 ? char.ToUpperInvariant(goal[0]) + goal[1..] : "";
        return time.Success ? $"{line} ({time.Groups["t"].Value.Trim()})" : line;
    }

    /// <summary>The page's main content for one notebook.</summary>
    public static string Body(JsonNode notebook, SiteMarkdown markdown)
    {
        var html = new StringBuilder();
        foreach (var cell in notebook["cells"]!.AsArray().OfType<JsonObject>())
        {
            string source = SourceHash.CellSource(cell);
            if ((string?)cell["cell_type"] == "markdown")
            {
                html.Append("<section class=\"prose\">").Append(markdown.ToHtml(source)).Append("</section>\n");
                continue;
            }

            html.Append("<section class=\"cell\"><div class=\"source\">")
                .Append(Highlighter.GetHtmlString(source, Languages.CSharp))
                .Append("</div>");
            var outputs = cell["outputs"]?.AsArray() ?? [];
            if (outputs.Count > 0)
            {
                html.Append(OutputsStart).Append("<div class=\"outputs\">");
                foreach (var output in outputs.OfType<JsonObject>()) html.Append(Output(output));
                html.Append("</div>").Append(OutputsEnd);
            }

            html.Append("</section>\n");
        }

        return html.ToString();
    }

    /// <summary>Marks around a cell's outputs (left out of the search index).</summary>
    public const string OutputsStart = "<!--outputs-->", OutputsEnd = "<!--/outputs-->";

    private static string Output(JsonObject output)
    {
        switch ((string?)output["output_type"])
        {
            case "stream":
                string stream = (string?)output["name"] == "stderr" ? "stream stderr" : "stream";
                return $"<pre class=\"{stream}\">{E(SourceHash.Joined(output["text"]))}</pre>";
            case "error":
                return $"<pre class=\"error\">{E($"{output["ename"]}: {output["evalue"]}")}</pre>";
        }

        var data = output["data"] as JsonObject ?? [];
        if (Publisher.Figure(output) is { } figure && data["image/png"] is { } chartPng)
        {
            int width = (int?)output["metadata"]?["image/png"]?["width"] ?? 700, height = (int?)output["metadata"]?["image/png"]?["height"] ?? 450;
            return $"<figure class=\"{ChartHtml.ChartClass}\" data-width=\"{width}\" data-height=\"{height}\">" +
                   $"<img class=\"chart-image\" src=\"data:image/png;base64,{SourceHash.Joined(chartPng)}\" width=\"{width}\" height=\"{height}\" alt=\"{E(SourceHash.Joined(data["text/plain"]))}\">" +
                   "<div class=\"chart-live\"></div>" +
                   $"<script type=\"application/json\" class=\"{ChartHtml.FigureClass}\">{figure.Replace("</", "<\\/", StringComparison.Ordinal)}</script></figure>";
        }

        if (data["text/html"] is { } html) return $"<div class=\"output\">{SourceHash.Joined(html)}</div>";
        if (data["image/png"] is { } png) return $"<div class=\"output\"><img src=\"data:image/png;base64,{SourceHash.Joined(png)}\" alt=\"\"></div>";
        return data["text/plain"] is { } text ? $"<pre class=\"output\">{E(SourceHash.Joined(text))}</pre>" : "";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
