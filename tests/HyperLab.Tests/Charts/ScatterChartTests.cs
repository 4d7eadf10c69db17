using HyperLab.Charts;
using Plotly.NET;

namespace HyperLab.Tests.Charts;

public class ScatterChartTests
{
    [Fact]
    public void A_scatter_has_its_title_axes_diagonal_and_highlighted_point()
    {
        string html = GenericChart.toChartHTML(Plot.Scatter([0.90, 0.95, 0.97], [0.91, 0.93, 0.94], "Test against fresh accuracy",
            "test accuracy (share)", "fresh accuracy (share)", highlight: 2, highlightName: "picked by test accuracy"));

        Assert.Contains("Test against fresh accuracy", html);
        Assert.Contains("test accuracy (share)", html);
        Assert.Contains("fresh accuracy (share)", html);
        Assert.Contains("y = x", html);
        Assert.Contains("picked by test accuracy", html);
    }

    [Fact]
    public void Mismatched_or_empty_scores_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Plot.Scatter([0.5, 0.6], [0.5], "t", "x", "y"));
        Assert.Throws<ArgumentException>(() => Plot.Scatter([], [], "t", "x", "y"));
    }
}
