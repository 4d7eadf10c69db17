using HyperLab.Charts;
using HyperLab.Data;
using HyperLab.Lessons.Lesson04;
using HyperLab.Lessons.Lesson05;
using HyperLab.Numerics;
using Plotly.NET;

namespace HyperLab.Tests.Charts;

/// <summary>The charts of single measurements take the same options: their axes, log types and traces.</summary>
public class MeasurementChartTests
{
    [Fact]
    public void Gradient_norms_are_one_line_per_network_on_a_log_axis_with_whole_number_layer_ticks()
    {
        var nets = new[] { new LayerGradients("plain", [1e-6, 1e-4, 1e-2], 2.3), new LayerGradients("residual", [0.1, 0.1, 0.1], 2.3) };
        var plot = Lesson04Charts.GradientNorms(nets);
        var chart = ChartJson.Of(plot);
        Assert.Equal(new[] { 1e-6, 1e-4, 1e-2 }, chart.Named("plain").Y);
        Assert.Equal(new[] { 1.0, 2, 3 }, chart.Named("residual").X);
        Assert.True(chart.Y.Log);
        Assert.Contains("log scale", chart.Y.Title);
        Assert.Contains("\"dtick\":1.0", GenericChart.toFigureJson(plot));
        Assert.False(ChartJson.Of(Lesson04Charts.GradientNorms(nets, new() { LogY = false })).Y.Log);
    }

    [Fact]
    public void Histograms_draw_one_bar_series_per_set_and_take_the_value_title_and_log_axis_from_the_options()
    {
        var a = Histogram.Of([0.0, 0.0, 0.1, -0.1], 4, -0.2, 0.2);
        var b = Histogram.Of([0.15, -0.15], 4, -0.2, 0.2);
        var chart = ChartJson.Of(Plot.Histograms(new[] { ("L1", a), ("L2", b) }, new() { XTitle = "weight value w", LogY = true }));
        Assert.Equal(2, chart.Traces.Count);
        Assert.All(chart.Traces, t => Assert.Equal("bar", t.Type));
        Assert.Equal("weight value w", chart.X.Title);
        Assert.True(chart.Y.Log);
        Assert.False(ChartJson.Of(Plot.Histograms(new[] { ("L1", a) })).Y.Log);
    }

    [Fact]
    public void Images_must_be_square_and_of_one_size()
    {
        var square = new ImageRow("original", [new float[64], new float[64]]);
        Assert.Contains("8×8 pixels each", GenericChart.toJson(Plot.Images(new[] { square })));
        Assert.Throws<ArgumentException>(() => Plot.Images(new[] { new ImageRow("odd", [new float[10]]) }));
        Assert.Throws<ArgumentException>(() => Plot.Images(new[] { square, new ImageRow("bigger", [new float[784]]) }));
    }
}
