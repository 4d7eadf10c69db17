using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Runner;
using HyperLab.Interactive.Charts;

namespace Course.Book;

/// <summary>
/// Turns an executed lesson into its published copy for <c>book/</c>: the plotly.js copy is removed (readers get
/// it from the site, or see images), every chart gets a static image (SVG, or PNG where smaller: <see cref="ChartImages"/>),
/// as the output's <c>image/svg+xml</c> or <c>image/png</c> and inside its HTML, shown where scripts do not run (GitHub, nbconvert); every output gets a <c>text/plain</c> form, and the metadata records the source's
/// <see cref="SourceHash"/> and seed.
/// </summary>
public sealed partial class Publisher(ChartImages images)
{
    /// <summary>How a published notebook is written: one-space indents (as .NET Interactive writes), text unescaped.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Publishes one executed notebook.</summary>
    /// <param name="executedPath">The runner's executed copy.</param>
    /// <param name="sourcePath">The lesson notebook it was run from (for the hash).</param>
    /// <param name="bookPath">Where the published copy goes.</param>
    /// <param name="seed">The seed it was run with.</param>
    /// <returns>How many charts got an image.</returns>
    public async Task<int> PublishAsync(string executedPath, string sourcePath, string bookPath, int seed)
    {
        var notebook = JsonNode.Parse(await File.ReadAllTextAsync(executedPath))!;
        string sourceHash = SourceHash.OfFile(sourcePath);
        if (SourceHash.Of(notebook) != sourceHash)
            throw new InvalidOperationException($"{executedPath} was not run from the current {sourcePath} (the code differs): run the lesson again.");

        foreach (var cell in notebook["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "markdown"))
            cell!["source"] = Lines(Prose(SourceHash.CellSource(cell)));

        int charts = 0;
        foreach (var output in notebook["cells"]!.AsArray().SelectMany(c => c!["outputs"]?.AsArray() ?? []).OfType<JsonObject>())
            charts += await PublishOutputAsync(output);

        notebook["metadata"]![SourceHash.MetadataKey] = new JsonObject
        {
            ["source"] = Path.GetFileName(sourcePath),
            ["source_hash"] = sourceHash,
            ["seed"] = seed,
            ["published_by"] = "dotnet run --project src/Course -- book",
        };
        Directory.CreateDirectory(Path.GetDirectoryName(bookPath)!);
        await File.WriteAllTextAsync(bookPath, notebook.ToJsonString(Json) + "\n");
        return charts;
    }

    private async Task<int> PublishOutputAsync(JsonObject output)
    {
        if (output["data"] is not JsonObject data) return 0;
        output["metadata"] ??= new JsonObject();
        int charts = 0;
        if (data["text/html"] is { } htmlNode)
        {
            string html = Loader().Replace(SourceHash.Joined(htmlNode), "");
            foreach (Match figure in FigureScript().Matches(html))
            {
                string id = figure.Groups["id"].Value;
                var figureJson = ChartHtml.Compact(JsonNode.Parse(figure.Groups["json"].Value)!).AsObject();
                html = html.Replace(figure.Groups["json"].Value, figureJson.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal), StringComparison.Ordinal);
                var image = await images.DrawAsync(figureJson);
                string alt = System.Net.WebUtility.HtmlEncode(SourceHash.Joined(data["text/plain"]));
                html = ReplaceFirstAfter(html, $"id=\"{id}\"", ChartHtml.StaticPlaceholder,
                    $"<img src=\"{image.DataUrl}\" alt=\"{alt}\" width=\"{image.Width}\" height=\"{image.Height}\" style=\"max-width:100%;height:auto\">");
                if (charts++ == 0) data[image.MimeType] = image.NotebookData;
            }

            data["text/html"] = html;
            if (data["text/plain"] is null) data["text/plain"] = HtmlText.From(html);
        }

        return charts;
    }

    /// <summary>A lesson's prose as published: links to the glossary, which stays in notebooks/, lead there
    /// from book/ (links to other lessons and to ../docs work from both folders as they are).</summary>
    public static string Prose(string markdown) =>
        markdown.Replace("](glossary.md", "](../notebooks/glossary.md", StringComparison.Ordinal);

    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        for (int start = 0; start < text.Length;)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    private static string ReplaceFirstAfter(string text, string anchor, string oldValue, string newValue)
    {
        int start = text.IndexOf(anchor, StringComparison.Ordinal);
        int at = start < 0 ? -1 : text.IndexOf(oldValue, start, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), newValue, text.AsSpan(at + oldValue.Length));
    }

    [GeneratedRegex("<script " + ChartHtml.LoaderAttribute + "=\"[^\"]*\">.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Loader();

    [GeneratedRegex("<script type=\"application/json\" class=\"" + ChartHtml.FigureClass + "\" data-chart=\"(?<id>[^\"]+)\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex FigureScript();
}
