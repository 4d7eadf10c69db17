using System.Text.Json.Nodes;
using Course.Book;
using HyperLab.Interactive.Charts;

namespace Notebooks.Tests.Book;

/// <summary>Publishing turns an executed notebook into one that shows its charts without scripts.</summary>
public class PublisherTests
{
    [RequiresBrowserFact]
    public async Task A_chart_becomes_one_PNG_at_2x_with_its_figure_in_metadata_and_every_output_gets_text()
    {
        using var temp = new TempFolder();
        string chartHtml = ChartHtml.Render(ChartHtmlTests.Chart(), withPlotlyJs: true);
        var source = Notebook(new JsonArray());
        var executed = Notebook(new JsonArray(
            Output("display_data", new JsonObject { ["text/html"] = chartHtml, ["text/plain"] = "Chart: Loss per epoch" }),
            Output("execute_result", new JsonObject { ["text/html"] = "<table><tr><th>epoch</th><th>loss</th></tr><tr><td>1</td><td>0.5</td></tr></table>" })));
        File.WriteAllText(temp.File("source.ipynb"), source.ToJsonString());
        File.WriteAllText(temp.File("executed.ipynb"), executed.ToJsonString());

        await using (var images = await ChartImages.StartAsync())
            Assert.Equal(1, await new Publisher(images).PublishAsync(temp.File("executed.ipynb"), temp.File("source.ipynb"), temp.File("book.ipynb"), seed: 7));

        var book = JsonNode.Parse(File.ReadAllText(temp.File("book.ipynb")))!;
        var outputs = book["cells"]![0]!["outputs"]!.AsArray();
        var chart = outputs[0]!.AsObject();
        var data = chart["data"]!.AsObject();
        Assert.Equal(["image/png", "text/plain"], data.Select(p => p.Key).Order());
        var (_, width, height) = PalettePng.Decode(Convert.FromBase64String((string)data["image/png"]!));
        var (w, h) = ChartHtml.Size(ChartHtml.Figure(ChartHtmlTests.Chart()));
        Assert.Equal((2 * w, 2 * h), (width, height));
        Assert.Equal(w, (int)chart["metadata"]!["image/png"]!["width"]!);
        Assert.Contains("\"validation\"", Publisher.Figure(chart));
        Assert.Equal("Chart: Loss per epoch", (string)data["text/plain"]!);
        Assert.Equal("epoch  loss\n1  0.5", (string)outputs[1]!["data"]!["text/plain"]!);
        Assert.DoesNotContain(ChartHtml.LoaderAttribute, File.ReadAllText(temp.File("book.ipynb")));
        Assert.Equal(SourceHash.Of(source), (string)book["metadata"]!["hyperlab"]!["source_hash"]!);
        Assert.Equal(7, (int)book["metadata"]!["hyperlab"]!["seed"]!);
        Assert.Empty(BookCheck.Outputs(book));
    }

    [Fact]
    public void A_progress_summary_that_the_table_repeats_is_dropped_and_others_are_kept()
    {
        var outputs = new JsonArray(
            Output("display_data", new JsonObject { ["text/html"] = "<div style=\"font-family:monospace\"><b>lr 1e-3</b> · done: 3 epoch(s), 30 steps, 0.1 s</div>" }),
            Output("display_data", new JsonObject { ["text/html"] = "<div style=\"font-family:monospace\"><b>lr 1e-2</b> · done: 3 epoch(s), 30 steps, 0.2 s</div>" }),
            Output("execute_result", new JsonObject { ["text/html"] = "<div><b>lr 1e-3</b> · 3 epoch(s), 30 steps, 0.1 s</div><table><tr><td>1</td></tr></table>" }));

        Publisher.DropRepeatedSummaries(outputs);

        Assert.Equal(2, outputs.Count);
        Assert.Contains("lr 1e-2", (string)outputs[0]!["data"]!["text/html"]!);
        Assert.Contains("<table>", (string)outputs[1]!["data"]!["text/html"]!);
    }

    [Fact]
    public void A_palette_PNG_keeps_a_few_colours_exactly_and_reads_back()
    {
        int w = 40, h = 30;
        var rgba = new byte[w * h * 4];
        for (int i = 0; i < w * h; i++)
        {
            uint c = i % 7 == 0 ? 0x1F77B4FFu : i % 11 == 0 ? 0xD62728FFu : 0xFFFFFFFFu;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(rgba.AsSpan(i * 4), c);
        }

        var (back, width, height) = PalettePng.Decode(PalettePng.Encode(rgba, w, h));

        Assert.Equal((w, h), (width, height));
        Assert.Equal(rgba, back);
        Assert.Throws<ArgumentException>(() => PalettePng.Encode(rgba, w + 1, h));
    }

    [RequiresBrowserFact]
    public async Task An_executed_copy_of_other_code_is_refused()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("source.ipynb"), Notebook(new JsonArray(), code: "var x = 1;").ToJsonString());
        File.WriteAllText(temp.File("executed.ipynb"), Notebook(new JsonArray(), code: "var x = 2;").ToJsonString());

        await using var images = await ChartImages.StartAsync();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => new Publisher(images).PublishAsync(temp.File("executed.ipynb"), temp.File("source.ipynb"), temp.File("book.ipynb"), 0));
        Assert.Contains("run the lesson again", e.Message);
        Assert.False(File.Exists(temp.File("book.ipynb")));
    }

    private static JsonObject Output(string type, JsonObject data) => new() { ["output_type"] = type, ["data"] = data, ["metadata"] = new JsonObject() };

    private static JsonNode Notebook(JsonArray outputs, string code = "Plot.EpochCurves(run)") => new JsonObject
    {
        ["cells"] = new JsonArray(new JsonObject
        {
            ["cell_type"] = "code",
            ["id"] = "a",
            ["metadata"] = new JsonObject(),
            ["source"] = code,
            ["outputs"] = outputs,
            ["execution_count"] = 1,
        }),
        ["metadata"] = new JsonObject(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };
}
