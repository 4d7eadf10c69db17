using Course.Site;
using HyperLab.Interactive.Charts;

namespace Notebooks.Tests.Book;

/// <summary>The static site: links lead to pages, and in a real browser every chart draws offline.</summary>
public class SiteTests(ITestOutputHelper output)
{
    [Fact]
    public void Links_lead_to_lesson_pages_the_glossary_and_files_in_the_repository()
    {
        var markdown = new SiteMarkdown(new Dictionary<string, string> { ["01-learning-rate.ipynb"] = "01-learning-rate.html", ["glossary.md"] = "glossary.html" }, "../../notebooks");

        Assert.Equal("01-learning-rate.html", markdown.Rewrite("01-learning-rate.ipynb"));
        Assert.Equal("glossary.html#weight-decay", markdown.Rewrite("glossary.md#weight-decay"));
        Assert.Equal("../../notebooks/../docs/lessons/01.md", markdown.Rewrite("../docs/lessons/01.md"));
        Assert.Equal("https://fast.ai", markdown.Rewrite("https://fast.ai"));
        Assert.Equal("#goals", markdown.Rewrite("#goals"));
        Assert.Contains("<h2 id=\"weight-decay\">Weight decay</h2>", markdown.ToHtml("## Weight decay"));
        Assert.Contains("href=\"glossary.html#epoch\"", markdown.ToHtml("an [epoch](glossary.md#epoch)"));
    }

    [RequiresBrowserFact]
    public async Task The_published_site_draws_every_chart_offline_in_Chromium()
    {
        string root = LessonNotebooks.Root;
        string site = Path.Combine(root, "artifacts", "site-test");
        var report = SiteBuilder.Build(Path.Combine(root, "book"), Path.Combine(root, "notebooks"), site);
        output.WriteLine(report.ToString());

        var result = await SiteCheck.RunAsync(site, report.LessonPages, Path.Combine(root, "artifacts", "site-screenshot.png"));
        foreach (string line in result.Lines) output.WriteLine(line);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(LessonNotebooks.Paths.Count, report.LessonPages.Count);
        Assert.True(File.Exists(Path.Combine(root, "artifacts", "site-screenshot.png")));
    }

    [RequiresBrowserFact]
    public async Task An_outside_request_a_chart_that_does_not_draw_and_a_missing_image_are_each_reported()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File(PlotlyJs.FileName), PlotlyJs.Text);
        // One chart whose figure is missing (it cannot draw, and has no image), and a picture from the internet.
        File.WriteAllText(temp.File("page.html"),
            $"<html><head><script src=\"{PlotlyJs.FileName}\"></script></head><body>" +
            $"<div class=\"{ChartHtml.ChartClass}\"></div><img src=\"https://example.com/x.png\"></body></html>");

        var result = await SiteCheck.RunAsync(temp.Path, ["page.html"], screenshotPath: null);

        Assert.Contains(result.Problems, p => p.Contains("1 of 1 charts did not draw"));
        Assert.Contains(result.Problems, p => p.Contains("show no image"));
        Assert.Contains(result.Problems, p => p.Contains("https://example.com/x.png"));
    }
}
