using HyperLab.Charts;

namespace HyperLab.Tests.Charts;

public class ScatterChartTests
{
    [Fact]
    public void A_scatter_has_its_title_axes_diagonal_and_highlighted_point()
    {
        var chart = ChartJson.Of(Plot.Scatter([0.90, 0.95, 0.97], [0.91, 0.93, 0.94],
            new() { Title = "Test against fresh accuracy", XTitle = "test accuracy (share)", YTitle = "fresh accuracy (share)" },
            highlight: 2, highlightName: "picked by test accuracy"));

        Assert.Equal("test accuracy (share)", chart.X.Title);
        Assert.Equal("fresh accuracy (share)", chart.Y.Title);
        Assert.Equal(new[] { 0.90, 0.97 }, chart.Named("y = x").X);
        Assert.Equal(new[] { 0.91, 0.93, 0.94 }, chart.Named("one item each").Y);
        Assert.Equal((0.97, 0.94), (Assert.Single(chart.Named("picked by test accuracy").X), Assert.Single(chart.Named("picked by test accuracy").Y)));
    }

    [Fact]
    public void Mismatched_or_empty_scores_or_a_highlight_outside_them_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Plot.Scatter([0.5, 0.6], [0.5]));
        Assert.Throws<ArgumentException>(() => Plot.Scatter([], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => Plot.Scatter([0.5], [0.5], highlight: 1));
    }
}
