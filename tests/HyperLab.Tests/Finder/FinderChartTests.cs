using HyperLab.Charts;
using HyperLab.Finder;
using HyperLab.Sweeps;
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
        string one = GenericChart.toChartHTML(Plot.Finder(spread.Runs[0]));
        Assert.Contains("\"type\":\"log\"", one);
        Assert.Contains("valley", one);
        Assert.Contains("minimum/10", one);
        string many = GenericChart.toChartHTML(Plot.Finder(spread));
        Assert.Contains("\"fill\":\"toself\"", many);                      // the bands
        Assert.Contains("smoothed loss, seed 2", many);
    }

    [Fact]
    public void The_sweep_chart_marks_diverged_runs_and_the_best_rate()
    {
        var sweep = Sweep.Run(TinyData.Moons(), Small with { Optimizer = OptimizerKind.Sgd }, "lr", [0.01, 0.3, 100.0], (h, v) => h with { LearningRate = v });
        string html = GenericChart.toChartHTML(Plot.RateSweep(sweep));
        Assert.Contains("Sgd: diverged", html);
        Assert.Contains("Sgd: best lr", html);
        Assert.Contains("learning rate η (log scale)", html);
        string runs = GenericChart.toChartHTML(Plot.RateRuns(sweep.Histories));
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
