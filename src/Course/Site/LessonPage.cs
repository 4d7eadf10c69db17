using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ColorCode;
using Course.Book;

namespace Course.Site;

/// <summary>
/// One published lesson as an HTML page: prose through <see cref="SiteMarkdown"/>, code highlighted as C#,
/// and every output as the notebook shows it (charts as interactive plotly.js with their image underneath).
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
                html.Append("<div class=\"outputs\">");
                foreach (var output in outputs.OfType<JsonObject>()) html.Append(Output(output));
                html.Append("</div>");
            }

            html.Append("</section>\n");
        }

        return html.ToString();
    }

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
        if (data["text/html"] is { } html) return $"<div class=\"output\">{SourceHash.Joined(html)}</div>";
        if (data["image/png"] is { } png) return $"<div class=\"output\"><img src=\"data:image/png;base64,{SourceHash.Joined(png)}\" alt=\"\"></div>";
        return data["text/plain"] is { } text ? $"<pre class=\"output\">{E(SourceHash.Joined(text))}</pre>" : "";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
