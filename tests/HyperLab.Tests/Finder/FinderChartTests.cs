using HyperLab.Charts;
using HyperLab.Finder;
using HyperLab.Lessons.Lesson01;
using HyperLab.Sweeps;
using HyperLab.Tests.Charts;
using HyperLab.Tests.Training;
using Plotly.NET;

namespace HyperLab.Tests.Finder;

public class FinderChartTests
{
    private static readonly Hyperparameters Small = new() { Depth = 1, Width = 16, BatchSize = 32, Epochs = 2 };

    [Fact]
    public void Finder_charts_use_a_log_rate_axis_and_mark_the_suggestions()
    {
        var spread = LearningRateFinder.Spread(Small, TinyData.Moons(), [0, 1, 2]);
        var run = spread.Runs[0];
        var one = ChartJson.Of(Plot.FinderCurve(run));
        Assert.True(one.X.Log);
        Assert.Equal(run.Rates, one.Named("smoothed loss").X);                 // one point per step of the test
        Assert.Equal(run.SmoothedLosses, one.Named("smoothed loss").Y, (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)));
        var valley = one.Named("valley");                                       // a marker at the suggested rate
        Assert.Equal(run.Suggestions!.Valley.Rate, Assert.Single(valley.X), 12);
        Assert.Single(one.Named("minimum/10").X);
        var many = ChartJson.Of(Plot.FinderCurve(spread));
        Assert.Equal(3, many.Traces.Count(t => t.Name.StartsWith("smoothed loss, seed", StringComparison.Ordinal)));
        Assert.Contains("\"fill\":\"toself\"", GenericChart.toChartHTML(Plot.FinderCurve(spread)));   // the bands
    }

    [Fact]
    public void The_sweep_chart_marks_diverged_runs_and_the_best_rate()
    {
        var sweep = Sweep.Run(TinyData.Moons(), Small with { Optimizer = OptimizerKind.Sgd }, "lr", [0.01, 0.3, 100.0], (h, v) => h with { LearningRate = v });
        var chart = ChartJson.Of(Plot.SweepCurve(sweep));
        Assert.Equal(100.0, Assert.Single(chart.Named("diverged").X));
        Assert.Equal(sweep.Best.Value, Assert.Single(chart.Named("best: lr").X));
        Assert.True(chart.X.Log);
        string runs = GenericChart.toChartHTML(Plot.StepCurves(sweep.Histories));
        Assert.Contains("(step ", runs);                                  // the ✕ where a run blew up
    }

    [Fact]
    public void The_restore_check_finds_everything_identical()
    {
        var r = RestoreCheck.Run(Small with { Optimizer = OptimizerKind.Momentum, Dropout = 0.1 }, TinyData.Moons(), steps: 5);
        Assert.True(r.Exact, r.ToString());
        Assert.Equal(5, r.LaterSteps);
    }
}
