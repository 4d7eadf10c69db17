using Course.Site;
using HyperLab.Charts;
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

    [Fact]
    public void Headings_get_unique_ids_anchor_links_a_contents_list_and_search_sections_without_outputs()
    {
        string body = "<h1 id=\"lesson\">Lesson</h1><p>intro</p><h2 id=\"your-turn\">Your turn</h2><p>first</p>" +
                      LessonPage.OutputsStart + "<p>an output table</p>" + LessonPage.OutputsEnd + "<h2 id=\"your-turn\">Your turn</h2><p>second</p>";

        var (html, headings) = PageOutline.Anchor(body);
        var sections = PageOutline.Sections(html, "01.html", "01 · Lesson").ToList();

        Assert.Equal(["lesson", "your-turn", "your-turn-1"], headings.Select(h => h.Id));
        Assert.Contains("<a class=\"anchor\" href=\"#your-turn-1\"", html);
        Assert.Contains("href=\"#your-turn-1\">Your turn</a>", PageOutline.Contents(headings));
        Assert.DoesNotContain("#lesson", PageOutline.Contents(headings));
        Assert.Contains(sections, s => s.Url == "01.html#your-turn" && s.Title == "01 · Lesson › Your turn" && s.Text == "first");
        Assert.DoesNotContain(sections, s => s.Text.Contains("output table"));
    }

    [Fact]
    public void A_lesson_line_for_the_index_is_its_first_goal_and_its_time()
    {
        var notebook = System.Text.Json.Nodes.JsonNode.Parse("""
            {"cells": [{"cell_type": "markdown", "source": "# 03 · Epochs\n\n**Learning goals.** After this lesson you can\n- say what one [epoch](glossary.md#epoch) buys;\n- other\n\n**Time:** about 25 minutes (the notebook runs in a minute).\n"}]}
            """)!;

        Assert.Equal("Say what one epoch buys (about 25 minutes)", LessonPage.Summary(notebook));
        Assert.Equal("03 · Epochs", LessonPage.Title(notebook, "x"));
    }

    [Fact]
    public void The_code_highlighter_cannot_restyle_the_page_body()
    {
        string css = SiteStyle.Highlighting("body{background-color:#FFFFFFFF;} .plainText{color:#000000;} .comment{color:#008000;}");

        Assert.DoesNotContain("body", css);
        Assert.Contains(".source .plainText{", css);
        Assert.Contains(".source .comment{", css);
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
        Assert.True(File.Exists(Path.Combine(root, "artifacts", $"site-screenshot-{SiteCheck.PhoneWidth}.png")));
        Assert.Contains(result.Lines, l => l.StartsWith("search: ", StringComparison.Ordinal));
    }

    [RequiresBrowserFact]
    public async Task An_outside_request_a_chart_that_does_not_draw_and_a_missing_image_are_each_reported()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File(PlotlyJs.FileName), PlotlyJs.Text);
        // One chart whose figure is missing (it cannot draw, and has no image), and a picture from the internet.
        File.WriteAllText(temp.File("page.html"),
            $"<html><head><script src=\"{PlotlyJs.FileName}\"></script></head><body>" +
            $"<div class=\"{ChartHtml.ChartClass}\"></div><img src=\"https://example.com/x.png\"><div style=\"width:1500px\">wide</div></body></html>");

        var result = await SiteCheck.RunAsync(temp.Path, ["page.html"], screenshotPath: null);

        Assert.Contains(result.Problems, p => p.Contains("1 of 1 charts did not draw"));
        Assert.Contains(result.Problems, p => p.Contains("show no image"));
        Assert.Contains(result.Problems, p => p.Contains("https://example.com/x.png"));
        Assert.Contains(result.Problems, p => p.Contains("at 400 px: the page is") && p.Contains("wider than the screen"));
        Assert.Contains(result.Problems, p => p.Contains("the lesson sidebar lists 0 links"));
        Assert.Contains(result.Problems, p => p.Contains("no heading anchor links"));
        Assert.Contains(result.Problems, p => p.Contains("no search.html"));
    }
}
