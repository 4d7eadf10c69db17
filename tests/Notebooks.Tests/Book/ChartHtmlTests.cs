using HyperLab.Interactive.Charts;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Notebooks.Tests.Book;

/// <summary>The notebook chart formatter: plotly.js once per session, the figure beside the chart, a text form.</summary>
public class ChartHtmlTests
{
    internal static GenericChart Chart(string title = "Loss per epoch")
    {
        var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(x: new[] { 1.0, 2, 3 }, y: new[] { 1.0, 0.5, 0.4 }, Name: "validation");
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: "epoch");
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: "loss");
        return Plotly.NET.Chart.withTitle(title, Microsoft.FSharp.Core.FSharpOption<Font>.None).Invoke(chart);
    }

    [Fact]
    public void The_first_chart_of_a_session_carries_plotly_js_and_later_ones_do_not()
    {
        ChartFormatter.Register();
        string first = Chart().ToDisplayString("text/html");
        string second = Chart().ToDisplayString("text/html");
        ChartFormatter.Register(); // a new session (Notebook.Start)
        string third = Chart().ToDisplayString("text/html");

        Assert.Contains(ChartHtml.LoaderAttribute, first);
        Assert.True(first.Length > 3_000_000, "plotly.js is 3.6 MB");
        Assert.DoesNotContain(ChartHtml.LoaderAttribute, second);
        Assert.True(second.Length < 20_000);
        Assert.Contains(ChartHtml.LoaderAttribute, third);
        Assert.DoesNotContain("src=\"https://", first + second);
        Assert.DoesNotContain("requirejs", second);
    }

    [Fact]
    public void The_course_formatter_wins_over_one_registered_later_for_GenericChart()
    {
        ChartFormatter.Register();
        // What Plotly.NET.Interactive does when its package extension loads after Notebook.Start.
        Formatter.Register<GenericChart>((_, writer) => writer.Write("<script src=\"https://cdn.plot.ly/plotly-2.28.0.min.js\"></script>"), "text/html");

        string html = Chart().ToDisplayString("text/html");

        Assert.Contains(ChartHtml.ChartClass, html);
        Assert.DoesNotContain("<script src=\"https://cdn.plot.ly", html);
    }

    [Fact]
    public void A_chart_has_its_figure_beside_it_and_a_text_form()
    {
        string html = ChartHtml.Render(Chart(), withPlotlyJs: false);
        string text = ChartHtml.Text(Chart());

        Assert.Contains($"class=\"{ChartHtml.FigureClass}\"", html);
        Assert.Contains("\"validation\"", html);
        Assert.Contains(ChartHtml.StaticPlaceholder, html);
        Assert.Equal("Chart: Loss per epoch (loss against epoch); 1 series: validation", text);
    }

    [Fact]
    public void Markup_inside_the_figure_cannot_end_its_script_element()
    {
        string html = ChartHtml.Render(Chart("</script><b>x</b>"), withPlotlyJs: false);
        int open = html.IndexOf('>', html.IndexOf(ChartHtml.FigureClass, StringComparison.Ordinal)) + 1;
        int close = html.IndexOf("</script>", open, StringComparison.Ordinal);

        var figure = System.Text.Json.Nodes.JsonNode.Parse(html[open..close])!;

        Assert.Equal("</script><b>x</b>", (string?)figure["layout"]!["title"]!["text"]);
    }
}
