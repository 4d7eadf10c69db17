using System.Text.Json.Nodes;
using Course.Book;

namespace Notebooks.Tests.Book;

/// <summary>What a reader sees of book/ on GitHub (which sanitizes notebook HTML): every chart as a visible image.</summary>
public class SanitizedBookTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Lessons() => BookTests.Lessons();

    [RequiresNbconvertTheory]
    [MemberData(nameof(Lessons))]
    public async Task Every_chart_shows_a_non_blank_image_after_a_sanitizer(string lesson)
    {
        string book = Path.Combine(LessonNotebooks.Root, "book", lesson);
        int charts = SanitizedRender.Charts(book);
        using var temp = new TempFolder();
        await using var browser = await LocalBrowser.LaunchAsync();

        var (summary, images) = await SanitizedRender.RenderAsync(browser, book, temp.File("page.html"));
        output.WriteLine($"{lesson}: {charts} charts; sanitizer: {summary}");
        foreach (var image in images) output.WriteLine($"  image: {image.InkShare:P1} ink, {image.Colors} colours, {image.DisplayedWidth:0} px wide");

        Assert.True(charts > 0, $"{lesson} has no chart (is it published?)");
        Assert.Equal(charts, images.Count(i => i.ShowsAChart));
        Assert.All(images, i => Assert.True(i.ShowsAChart, $"an image on the sanitized page of {lesson} is blank or broken: {i}"));
    }

    [RequiresNbconvertFact]
    public async Task A_chart_as_an_SVG_data_URI_or_a_blank_PNG_is_caught()
    {
        using var temp = new TempFolder();
        string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\"><rect width=\"200\" height=\"100\" fill=\"#336\"/><text x=\"10\" y=\"50\" fill=\"#fff\">chart</text></svg>";
        string svgUri = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
        var white = new byte[200 * 100 * 4];
        Array.Fill(white, (byte)255);
        File.WriteAllText(temp.File("svg.ipynb"), Notebook(new JsonObject { ["text/html"] = $"<div class=\"hyperlab-chart\"><img src=\"{svgUri}\" width=\"200\" height=\"100\"></div>", ["image/svg+xml"] = svg, ["text/plain"] = "Chart" }).ToJsonString());
        File.WriteAllText(temp.File("blank.ipynb"), Notebook(new JsonObject { ["image/png"] = Convert.ToBase64String(PalettePng.Encode(white, 200, 100)), ["text/plain"] = "Chart" }).ToJsonString());
        await using var browser = await LocalBrowser.LaunchAsync();

        var (_, svgImages) = await SanitizedRender.RenderAsync(browser, temp.File("svg.ipynb"), temp.File("svg.html"));
        var (_, blankImages) = await SanitizedRender.RenderAsync(browser, temp.File("blank.ipynb"), temp.File("blank.html"));

        Assert.DoesNotContain(svgImages, i => i.ShowsAChart);
        Assert.Single(blankImages);
        Assert.False(blankImages[0].ShowsAChart);
    }

    private static JsonObject Notebook(JsonObject data) => new()
    {
        ["cells"] = new JsonArray(new JsonObject
        {
            ["cell_type"] = "code",
            ["id"] = "a",
            ["metadata"] = new JsonObject(),
            ["source"] = "chart",
            ["execution_count"] = 1,
            ["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "display_data", ["data"] = data, ["metadata"] = new JsonObject() }),
        }),
        ["metadata"] = new JsonObject(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };
}
