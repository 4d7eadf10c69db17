using HyperLab.Charts;
using HyperLab.Lessons.Lesson04;
using HyperLab.Lessons.Lesson05;
using HyperLab.Sweeps;
using HyperLab.Tests.Sweeps;
using HyperLab.Training;

namespace HyperLab.Tests.Charts;

/// <summary>Sweep curves draw a final value against one hyperparameter: one line per setting, the mean of repeated
/// seeds with every run as a circle, log axes where the values span decades, 0 beside a log axis, ✕ for divergence.</summary>
public class SweepCurveTests
{
    private static History Final(double validation, double training, Hyperparameters hp, bool diverged = false) =>
        ScriptedRuns.Run(validation, hp, diverged) with
        {
            Epochs = diverged ? [] : [new EpochRecord(1, training, 0.6, validation, 0.7, 0.1, hp.LearningRate)],
        };

    private static SweepResult<double> RateSweep(OptimizerKind optimizer, int seed, params (double Rate, double Loss)[] points) =>
        new("lr", points.Select(p => new SweepPoint<double>(p.Rate, Final(p.Loss, p.Loss / 2, new Hyperparameters { LearningRate = p.Rate, Optimizer = optimizer, Seed = seed },
            diverged: double.IsNaN(p.Loss)))).ToList());

    [Fact]
    public void Sweeps_of_different_optimizers_are_one_line_each_on_a_log_rate_axis_with_the_best_starred_and_divergence_crossed()
    {
        var adam = RateSweep(OptimizerKind.AdamW, 0, (1e-4, 0.9), (1e-3, 0.4), (1e-2, 0.6));
        var sgd = RateSweep(OptimizerKind.Momentum, 0, (1e-2, 0.8), (1e-1, 0.5), (1, double.NaN));
        var chart = ChartJson.Of(Plot.SweepCurve(new[] { adam, sgd }));
        Assert.True(chart.X.Log);
        Assert.Contains("learning rate", chart.X.Title);
        Assert.Equal(new[] { 1e-4, 1e-3, 1e-2 }, chart.Named("AdamW: validation loss").X);
        Assert.Equal(new[] { 0.9, 0.4, 0.6 }, chart.Named("AdamW: validation loss").Y);
        Assert.Equal(new[] { 0.45, 0.2, 0.3 }, chart.Named("AdamW: training loss").Y, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(1e-3, Assert.Single(chart.Named("AdamW: best").X));
        Assert.Equal(1.0, Assert.Single(chart.Named("Momentum: diverged").X));
        Assert.True(Assert.Single(chart.Named("Momentum: diverged").Y) > 0.9);   // at the top of the chart
        Assert.True(double.IsNaN(chart.Named("Momentum: validation loss").Y[2]));   // a gap, not a point
    }

    [Fact]
    public void Sweeps_that_repeat_the_same_runs_on_other_seeds_are_averaged_with_every_run_a_circle()
    {
        var seed0 = RateSweep(OptimizerKind.AdamW, 0, (1e-3, 0.4), (1e-2, 0.6));
        var seed1 = RateSweep(OptimizerKind.AdamW, 1, (1e-3, 0.6), (1e-2, 0.8));
        var chart = ChartJson.Of(Plot.SweepCurve(new[] { seed0, seed1 }, new() { Series = ChartSeries.Validation, LogX = false }));
        Assert.Equal(new[] { 0.5, 0.7 }, chart.Named("validation loss, mean over runs").Y, (a, b) => Math.Abs(a - b) < 1e-12);
        var each = chart.Named("validation, each run");
        Assert.Equal(4, each.Points);
        Assert.Equal(new[] { 0.4, 0.6, 0.6, 0.8 }, each.Y.Order());
        Assert.False(chart.X.Log);
        Assert.DoesNotContain(chart.Traces, t => t.Name.Contains("training"));
    }

    [Fact]
    public void A_strength_of_zero_is_drawn_one_decade_left_of_a_log_axis_and_dropout_gets_a_linear_one()
    {
        var hp = new Hyperparameters();
        var decay = new StrengthSweep("weight decay", new[] { 0, 1e-4, 1e-3, 1e-2 }.Select((s, i) =>
            new StrengthPoint(s, Final(0.5 - i * 0.05, 0.3, hp), new WeightStats([1, 2], 2.2, 0.01, 0), 0.2 + i * 0.01)).ToList());
        var chart = ChartJson.Of(Lesson05Charts.SweepCurve(decay));
        Assert.True(chart.X.Log);
        Assert.Equal(new[] { 1e-4, 1e-3, 1e-2 }, chart.Named("validation loss").X);
        Assert.Equal(new[] { 0.21, 0.22, 0.23 }, chart.Named("training loss (after training").Y, (a, b) => Math.Abs(a - b) < 1e-12);
        var zero = chart.Named("weight decay 0 (none)");
        Assert.All(zero.X, x => Assert.Equal(1e-5, x, 12));
        Assert.Contains(0.5, zero.Y);

        var dropout = decay with { Knob = "dropout", Points = decay.Points.Select((p, i) => p with { Strength = i * 0.2 }).ToList() };
        var linear = ChartJson.Of(Lesson05Charts.SweepCurve(dropout));
        Assert.False(linear.X.Log);
        Assert.Equal(new[] { 0, 0.2, 0.4, 0.6 }, linear.Named("validation loss").X, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Depth_results_are_averaged_over_their_runs_on_a_linear_axis_with_whole_number_ticks()
    {
        var results = new[] { 1, 2, 4 }.Select(d => new DepthResult(d, [Final(0.3 * d, 0.1, new Hyperparameters { Depth = d, Seed = 0 }),
            Final(0.3 * d + 0.2, 0.1, new Hyperparameters { Depth = d, Seed = 1 })])).ToList();
        var plot = Lesson04Charts.SweepCurve(results);
        var chart = ChartJson.Of(plot);
        Assert.False(chart.X.Log);
        Assert.Equal(new[] { 0.4, 0.7, 1.3 }, chart.Named("validation loss, mean").Y, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(6, chart.Named("validation, each run").Points);
        Assert.Contains("\"dtick\":1.0", Plotly.NET.GenericChart.toFigureJson(plot));
    }
}
