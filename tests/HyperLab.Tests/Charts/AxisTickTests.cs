using System.Text.Json;
using HyperLab.Charts;
using Plotly.NET;

namespace HyperLab.Tests.Charts;

/// <summary>Axis details every chart shares: exponent tick labels (1e-5, not "10µ") and axis titles without empty units.</summary>
public class AxisTickTests
{
    private static JsonElement Layout(GenericChart chart) => JsonDocument.Parse(GenericChart.toJson(chart)).RootElement.GetProperty("layout").Clone();

    [Fact]
    public void Log_and_linear_axes_label_ticks_with_plain_exponents_and_keep_their_titles()
    {
        var layout = Layout(Plot.StepCurves(new[] { Scripted.Run("a", 2) }));
        foreach (var key in new[] { "xaxis", "yaxis" })
            Assert.Equal("e", layout.GetProperty(key).GetProperty("exponentformat").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal("update (step)", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Theory]
    [InlineData(false, "learning rate η")]
    [InlineData(true, "learning rate η (log scale)")]
    public void The_learning_rate_axis_has_no_empty_unit(bool log, string title)
    {
        var chart = ChartJson.Of(Plot.StepCurves(new[] { Scripted.Run("a", 2) }, new() { Metric = ChartMetric.LearningRate, LogY = log }));
        Assert.Equal(title, chart.Y.Title);
        Assert.DoesNotContain("()", chart.Y.Title);
    }
}
