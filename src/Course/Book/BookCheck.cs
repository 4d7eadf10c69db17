using System.Text.Json.Nodes;
using HyperLab.Interactive.Charts;

namespace Course.Book;

/// <summary>
/// What must hold of a published lesson in <c>book/</c>: it was made from the lesson's current code (same
/// <see cref="SourceHash"/>) and prose, ran without errors, carries no copy of plotly.js, stores every chart as one PNG
/// (no HTML, no SVG), gives every output a text form, and stays small.
/// </summary>
public static class BookCheck
{
    /// <summary>The largest published lesson allowed, in bytes (GitHub shows it comfortably).</summary>
    public const long MaxBytes = 1_500_000;

    /// <summary>Every way the published copy falls short of its source, each naming the fix.</summary>
    /// <param name="sourcePath">The lesson notebook (notebooks/NN-name.ipynb).</param>
    /// <param name="bookPath">Its published copy (book/NN-name.ipynb).</param>
    public static List<string> Problems(string sourcePath, string bookPath)
    {
        string name = Path.GetFileName(sourcePath);
        string fix = $"run: dotnet run --project src/Course -- book {name[..Math.Min(2, name.Length)]}";
        if (!File.Exists(bookPath)) return [$"{name} has no published copy in book/: {fix}"];

        var problems = new List<string>();
        var source = JsonNode.Parse(File.ReadAllText(sourcePath))!;
        var book = JsonNode.Parse(File.ReadAllText(bookPath))!;
        if ((string?)book["metadata"]?[SourceHash.MetadataKey]?["source_hash"] != SourceHash.Of(source))
            problems.Add($"book/{name} is out of date: its code differs from notebooks/{name}; {fix}");
        if (!Prose(source).Select(Publisher.Prose).SequenceEqual(Prose(book)))
            problems.Add($"book/{name} has different prose (Markdown cells) from notebooks/{name}; {fix}");
        long bytes = new FileInfo(bookPath).Length;
        if (bytes > MaxBytes) problems.Add($"book/{name} is {bytes / 1e6:0.0} MB, more than {MaxBytes / 1e6:0.0} MB");
        problems.AddRange(Outputs(book).Select(p => $"book/{name}: {p}"));
        return problems;
    }

    /// <summary>Problems with a published notebook's outputs (by cell number).</summary>
    public static IEnumerable<string> Outputs(JsonNode book)
    {
        var cells = book["cells"]!.AsArray();
        for (int i = 0; i < cells.Count; i++)
        {
            foreach (var output in cells[i]!["outputs"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                if ((string?)output["output_type"] == "error")
                    yield return $"cell {i}: an error output ({output["ename"]}: {output["evalue"]})";
                if (output["data"] is not JsonObject data) continue;
                if (data["text/plain"] is null) yield return $"cell {i}: an output without text/plain";
                string html = SourceHash.Joined(data["text/html"]);
                if (html.Contains(ChartHtml.LoaderAttribute, StringComparison.Ordinal))
                    yield return $"cell {i}: a copy of plotly.js (published lessons must not carry it)";
                if (html.Contains(ChartHtml.ChartClass, StringComparison.Ordinal))
                    yield return $"cell {i}: a chart stored as HTML (sanitizing viewers such as GitHub show no image; publish it as a PNG)";
                if (html.Contains("data:image/svg", StringComparison.Ordinal) || data["image/svg+xml"] is not null)
                    yield return $"cell {i}: an SVG image (sanitizers drop SVG data URIs; charts are published as PNG)";
                if (Publisher.Figure(output) is not null && data["image/png"] is null)
                    yield return $"cell {i}: a chart without its PNG image";
            }
        }
    }

    private static IEnumerable<string> Prose(JsonNode notebook) =>
        notebook["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "markdown").Select(c => SourceHash.CellSource(c!).Replace("\r\n", "\n", StringComparison.Ordinal));
}
