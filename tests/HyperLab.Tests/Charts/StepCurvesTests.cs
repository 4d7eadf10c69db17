using HyperLab.Charts;
using HyperLab.Schedules;
using HyperLab.Training;

namespace HyperLab.Tests.Charts;

/// <summary>Step curves draw one point per update, on a log loss axis by default, in epochs on request, the learning
/// rate on request, and an ✕ where a run diverged.</summary>
public class StepCurvesTests
{
    private static bool Close(double a, double b) => Math.Abs(a - b) < 1e-12;

    [Fact]
    public void Every_update_is_a_point_on_a_log_loss_axis()
    {
        var a = Scripted.Run("a", 3, stepsPerEpoch: 5);
        var chart = ChartJson.Of(Plot.StepCurves(new[] { a, Scripted.Run("b", 2) }));
        Assert.Equal(a.Steps.Select(s => (double)s.Step), chart.Named("a").X);
        Assert.Equal(a.Steps.Select(s => s.Loss), chart.Named("a").Y, Close);
        Assert.Equal(2, chart.Traces.Count);
        Assert.True(chart.Y.Log);
        Assert.False(chart.X.Log);
        Assert.Equal("update (step)", chart.X.Title);
        Assert.False(ChartJson.Of(Plot.StepCurves(new[] { a }, new() { LogY = false })).Y.Log);
    }

    [Fact]
    public void In_epochs_runs_with_different_batch_sizes_span_the_same_axis()
    {
        var few = Scripted.Run("few", 2, hp: new Hyperparameters { BatchSize = 256 }, stepsPerEpoch: 2);
        var many = Scripted.Run("many", 2, hp: new Hyperparameters { BatchSize = 8 }, stepsPerEpoch: 16);
        var chart = ChartJson.Of(Plot.StepCurves(new[] { few, many }, new() { StepsInEpochs = true }));
        Assert.Equal(new[] { 0.5, 1, 1.5, 2 }, chart.Named("few").X);
        Assert.Equal(2.0, chart.Named("many").X.Max(), 12);
        Assert.Equal(1.0 / 16, chart.Named("many").X.Min(), 12);
        Assert.Contains("batch 8, 16 updates/epoch", chart.Named("many").Name);
        Assert.Contains("epochs", chart.X.Title);
    }

    [Fact]
    public void The_learning_rate_metric_draws_the_rate_used_at_every_update_on_a_linear_axis()
    {
        var run = Scripted.Run("cosine run", 3, hp: new Hyperparameters { Schedule = Schedule.Cosine() });
        var chart = ChartJson.Of(Plot.StepCurves(new[] { run }, new() { Metric = ChartMetric.LearningRate }));
        var line = Assert.Single(chart.Traces);
        Assert.Equal(run.Steps.Select(s => s.LearningRate), line.Y, Close);
        Assert.StartsWith(run.Hyperparameters.Schedule.ToString(), line.Name);
        Assert.False(chart.Y.Log);
        Assert.Contains("learning rate", chart.Y.Title);
    }

    [Fact]
    public void A_diverged_run_ends_with_a_cross_at_the_step_where_it_blew_up()
    {
        var run = Scripted.Run("hot", 2, stepsPerEpoch: 4, stop: StopReason.Diverged, divergence: new Divergence(6, double.PositiveInfinity, "loss became ∞"));
        var chart = ChartJson.Of(Plot.StepCurves(new[] { run }));
        var cross = chart.Named("hot: loss became ∞");
        Assert.Equal(6.0, Assert.Single(cross.X));
        Assert.Equal(run.Steps.Max(s => s.Loss), Assert.Single(cross.Y), 12);   // ∞ cannot be drawn: the top of the run instead
        Assert.Equal(1, chart.Traces.Count(t => t.Name.StartsWith("hot (diverged", StringComparison.Ordinal)));
    }
}
