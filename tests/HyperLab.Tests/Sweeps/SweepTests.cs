using HyperLab.Sweeps;
using HyperLab.Tests.Training;

namespace HyperLab.Tests.Sweeps;

public class SweepTests
{
    [Fact]
    public void Log_grid_spans_the_range_evenly_in_decades()
    {
        var g = Sweep.LogGrid(1e-4, 1e-1, perDecade: 2);
        Assert.Equal(7, g.Length);
        Assert.Equal(1e-4, g[0], 12);
        Assert.Equal(1e-1, g[^1], 9);
        for (int i = 1; i < g.Length; i++) Assert.Equal(Math.Sqrt(10), g[i] / g[i - 1], 9);
    }

    [Fact]
    public void A_sweep_changes_only_its_knob_and_labels_each_run()
    {
        var baseline = new Hyperparameters { Depth = 1, Width = 16, Epochs = 2, BatchSize = 32, Seed = 3 };
        var result = Sweep.Run(TinyData.Moons(), baseline, "lr", new[] { 1e-3, 1e-2, 50.0 }, (hp, v) => hp with { LearningRate = v, Optimizer = OptimizerKind.Sgd });
        Assert.Equal(new[] { "lr=1e-3", "lr=0.01", "lr=50" }, result.Points.Select(p => p.History.Label));
        Assert.All(result.Points, p => Assert.Equal(baseline with { LearningRate = p.Value, Optimizer = OptimizerKind.Sgd }, p.History.Hyperparameters));
        Assert.True(result.Points[2].History.Diverged);          // the diverged run is kept as a result...
        Assert.NotEqual(50.0, result.Best.Value);                // ...but never chosen as best
    }
}
