using HyperLab.Charts;

namespace HyperLab.Tests.Charts;

/// <summary>The options record checks every value when it is set, so neither an initializer nor <c>with</c> can give a
/// chart a nonsense size, an undefined metric or a target that cannot be drawn.</summary>
public class ChartOptionsTests
{
    [Fact]
    public void Defaults_leave_every_choice_to_the_chart()
    {
        var o = new ChartOptions();
        Assert.Null(o.Title);
        Assert.Null(o.LogX);
        Assert.Null(o.LogY);
        Assert.Null(o.Metric);
        Assert.Null(o.Series);
        Assert.Null(o.Target);
        Assert.True(o.MarkBest);
        Assert.False(o.StepsInEpochs);
        Assert.Equal(o, ChartOptions.Default);
    }

    public static TheoryData<string, Func<ChartOptions>> BadValues => new()
    {
        { "Width", () => new ChartOptions { Width = 10 } },
        { "Width", () => ChartOptions.Default with { Width = 100_000 } },
        { "Height", () => ChartOptions.Default with { Height = 0 } },
        { "Target", () => new ChartOptions { Target = double.NaN } },
        { "Target", () => ChartOptions.Default with { Target = double.PositiveInfinity } },
        { "Metric", () => ChartOptions.Default with { Metric = (ChartMetric)99 } },
        { "Series", () => new ChartOptions { Series = (ChartSeries)7 } },
        { "Title", () => ChartOptions.Default with { Title = "  " } },
        { "XTitle", () => new ChartOptions { XTitle = "" } },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_refused_naming_the_option_even_through_with(string field, Func<ChartOptions> make)
    {
        var e = Assert.Throws<HyperparameterException>(make);
        Assert.Equal(field, e.Field);
        Assert.Contains("A sensible starting value", e.Message);
    }

    [Fact]
    public void Good_values_are_kept()
    {
        var o = new ChartOptions { Width = 900, Height = 400, Target = 0.3, Metric = ChartMetric.Accuracy, Series = ChartSeries.Validation, Title = "t" } with { LogY = true };
        Assert.Equal((900, 400, 0.3, ChartMetric.Accuracy, ChartSeries.Validation, "t", true), (o.Width!.Value, o.Height!.Value, o.Target!.Value, o.Metric!.Value, o.Series!.Value, o.Title, o.LogY!.Value));
    }

    [Fact]
    public void A_chart_refuses_a_metric_it_cannot_draw_and_names_the_ones_it_can()
    {
        var run = Scripted.Run("a", 3);
        var e = Assert.Throws<HyperparameterException>(() => Plot.EpochCurves(run, new() { Metric = ChartMetric.LearningRate }));
        Assert.Equal("Metric", e.Field);
        Assert.Contains("Loss, Accuracy", e.Message);
        Assert.Throws<HyperparameterException>(() => Plot.StepCurves(new[] { run }, new() { Metric = ChartMetric.Accuracy }));
    }

    [Fact]
    public void Title_axis_titles_and_size_from_the_options_reach_the_chart()
    {
        var chart = Plot.EpochCurves(Scripted.Run("a", 3), new() { Title = "My title", XTitle = "my x", YTitle = "my y", Width = 640, Height = 300 });
        var json = ChartJson.Of(chart);
        Assert.Equal("my x", json.X.Title);
        Assert.Equal("my y", json.Y.Title);
        string figure = Plotly.NET.GenericChart.toFigureJson(chart);
        Assert.Contains("\"My title\"", figure);
        Assert.Contains("\"width\":640", figure);
        Assert.Contains("\"height\":300", figure);
    }
}
