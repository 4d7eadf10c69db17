using HyperLab.Interactive;
using HyperLab.Lessons.Summary;

namespace Notebooks.Tests;

/// <summary>The summary table's HTML is built by the notebook glue, from the library's rows.</summary>
public class SummaryTableHtmlTests
{
    [Fact]
    public void Measured_rows_link_their_lesson_missing_ones_say_what_to_run_and_text_is_encoded()
    {
        var rate = new Measurement(Measured.BestAdamRate, 3.16e-3, "learning rate", "best <AdamW> rate", 2, new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc));
        var table = SummaryTable.Build([rate], "results & more.json");

        string html = SummaryTableHtml.Render(table);

        Assert.StartsWith("<table>", html);
        Assert.Equal(table.Rows.Count + 1, html.Split("<tr>").Length - 1);
        Assert.Contains("best &lt;AdamW&gt; rate", html);
        Assert.Contains($"<a href=\"{LessonFiles.File("01")}\">lesson 01</a>", html);
        Assert.Contains("<i>", html);
        Assert.Contains("run lesson 05 first", html);
        Assert.Contains("results &amp; more.json", html);
    }
}
