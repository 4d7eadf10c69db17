using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Runner;
using HyperLab.Interactive.Charts;

namespace Course.Book;

/// <summary>
/// Turns an executed lesson into its published copy for <c>book/</c>. Every chart output becomes one PNG at 2×
/// (<see cref="ChartImages"/>) as its <c>image/png</c>, a <c>text/plain</c> description, and its figure JSON in the
/// output's metadata (<see cref="FigureKey"/>, for the site's interactive chart): no HTML, no script, no SVG, so a
/// sanitizing viewer (GitHub, nbconvert) shows the image, and each image is stored once. A live-progress summary that
/// the cell's table repeats is dropped. Every output gets a <c>text/plain</c> form, and the metadata records the
/// source's <see cref="SourceHash"/> and seed.
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

    /// <summary>The output-metadata key (under <see cref="SourceHash.MetadataKey"/>) that holds a chart's figure
    /// (plotly.js data, layout, config), written on one line.</summary>
    public const string FigureKey = "figure";

    /// <summary>A chart output's figure as JSON text (null when the output is not a chart).</summary>
    public static string? Figure(JsonObject output) => output["metadata"]?[SourceHash.MetadataKey]?[FigureKey] switch
    {
        JsonObject figure => figure.ToJsonString(),
        JsonValue text => (string?)text,
        _ => null,
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
        foreach (var outputs in notebook["cells"]!.AsArray().Select(c => c!["outputs"]).OfType<JsonArray>())
        {
            foreach (var output in outputs.OfType<JsonObject>())
                charts += await PublishOutputAsync(output);
            DropRepeatedSummaries(outputs);
        }

        notebook["metadata"]![SourceHash.MetadataKey] = new JsonObject
        {
            ["source"] = Path.GetFileName(sourcePath),
            ["source_hash"] = sourceHash,
            ["seed"] = seed,
            ["published_by"] = "dotnet run --project src/Course -- book",
        };
        Directory.CreateDirectory(Path.GetDirectoryName(bookPath)!);
        await File.WriteAllTextAsync(bookPath, WriteCompactFigures(notebook) + "\n");
        return charts;
    }

    private async Task<int> PublishOutputAsync(JsonObject output)
    {
        if (output["data"] is not JsonObject data) return 0;
        if (data["text/html"] is not { } htmlNode) return 0;
        string html = Loader().Replace(SourceHash.Joined(htmlNode), "");
        var figures = FigureScript().Matches(html);
        if (figures.Count == 0)
        {
            if (data["text/plain"] is null) data["text/plain"] = HtmlText.From(html);
            data["text/html"] = html;
            return 0;
        }

        if (figures.Count > 1)
            throw new InvalidOperationException($"An output holds {figures.Count} charts; the course's formatter writes one per output.");
        var figure = ChartHtml.Compact(JsonNode.Parse(figures[0].Groups["json"].Value)!).AsObject();
        var image = await images.DrawAsync(figure);
        string text = SourceHash.Joined(data["text/plain"]);
        output["data"] = new JsonObject { [ChartImage.MimeType] = image.Base64, ["text/plain"] = text.Length > 0 ? text : "Chart" };
        output["metadata"] = new JsonObject
        {
            [ChartImage.MimeType] = new JsonObject { ["width"] = image.Width, ["height"] = image.Height },
            [SourceHash.MetadataKey] = new JsonObject { [FigureKey] = figure },
        };
        return 1;
    }

    /// <summary>The notebook as text, indented as <see cref="Json"/> says except each chart's figure, which stays on one
    /// line (indented, a figure's numbers would take a line each).</summary>
    private static string WriteCompactFigures(JsonNode notebook)
    {
        var figures = new List<string>();
        foreach (var holder in notebook["cells"]!.AsArray().SelectMany(c => c!["outputs"]?.AsArray() ?? []).OfType<JsonObject>()
                     .Select(o => o["metadata"]?[SourceHash.MetadataKey]).OfType<JsonObject>().Where(h => h[FigureKey] is JsonObject))
        {
            figures.Add(holder[FigureKey]!.ToJsonString(new JsonSerializerOptions { Encoder = Json.Encoder }));
            holder[FigureKey] = $"\u0001figure-{figures.Count - 1}\u0001";
        }

        string text = notebook.ToJsonString(Json);
        for (int i = 0; i < figures.Count; i++)
            text = text.Replace($"\"\\u0001figure-{i}\\u0001\"", figures[i], StringComparison.Ordinal);
        return text;
    }

    /// <summary>Removes a live-progress summary ("NAME · done: …") when a later output of the cell (the run's table)
    /// starts with the same summary, so each summary shows once.</summary>
    public static void DropRepeatedSummaries(JsonArray outputs)
    {
        string Text(JsonNode? o) => o?["data"] is JsonObject d
            ? (d["text/html"] is { } h ? HtmlText.From(SourceHash.Joined(h)) : SourceHash.Joined(d["text/plain"]))
            : SourceHash.Joined(o?["text"]);
        for (int i = outputs.Count - 1; i >= 0; i--)
        {
            string text = Text(outputs[i]);
            int done = text.IndexOf(" · done: ", StringComparison.Ordinal);
            if ((string?)outputs[i]!["output_type"] != "display_data" || done < 0 || text.Contains('\n', StringComparison.Ordinal)) continue;
            string summary = string.Concat(text.AsSpan(0, done), " · ", text.AsSpan(done + " · done: ".Length));
            if (outputs.Skip(i + 1).Any(o => Text(o).Contains(summary, StringComparison.Ordinal)))
                outputs.RemoveAt(i);
        }
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

    [GeneratedRegex("<script " + ChartHtml.LoaderAttribute + "=\"[^\"]*\">.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Loader();

    [GeneratedRegex("<script type=\"application/json\" class=\"" + ChartHtml.FigureClass + "\" data-chart=\"(?<id>[^\"]+)\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex FigureScript();
}
