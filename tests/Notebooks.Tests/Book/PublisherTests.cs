using System.Text.Json.Nodes;
using Course.Book;
using HyperLab.Interactive.Charts;

namespace Notebooks.Tests.Book;

/// <summary>Publishing turns an executed notebook into one that shows its charts without scripts.</summary>
public class PublisherTests
{
    [RequiresBrowserFact]
    public async Task A_chart_gets_an_SVG_image_plotly_js_goes_and_every_output_gets_text()
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
        string svg = (string)outputs[0]!["data"]!["image/svg+xml"]!;
        string html = (string)outputs[0]!["data"]!["text/html"]!;
        Assert.StartsWith("<svg", svg);
        Assert.Contains("Loss per epoch", svg);
        Assert.Contains("<img src=\"data:image/svg+xml;base64,", html);
        Assert.DoesNotContain(ChartHtml.LoaderAttribute, html);
        Assert.True(html.Length < 100_000);
        Assert.Equal("epoch  loss\n1  0.5", (string)outputs[1]!["data"]!["text/plain"]!);
        Assert.Equal(SourceHash.Of(source), (string)book["metadata"]!["hyperlab"]!["source_hash"]!);
        Assert.Equal(7, (int)book["metadata"]!["hyperlab"]!["seed"]!);
        Assert.Empty(BookCheck.Outputs(book));
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
