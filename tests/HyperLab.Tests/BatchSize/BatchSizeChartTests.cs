using HyperLab.BatchSize;
using HyperLab.Charts;
using HyperLab.Tests.Training;
using HyperLab.Training;
using Plotly.NET;

namespace HyperLab.Tests.BatchSize;

/// <summary>The charts build from real results and carry their titles and axis labels.</summary>
public class BatchSizeChartTests
{
    [Fact]
    public void Every_lesson_02_chart_builds_with_title_and_axes()
    {
        var data = TinyData.Moons(200, seed: 0);
        var hp = new Hyperparameters { Depth = 1, Width = 8, Epochs = 2, Seed = 0 };
        using var small = Trainer.Fit(hp with { BatchSize = 8 }, data, new FitOptions { Label = "batch 8" });
        using var large = Trainer.Fit(hp with { BatchSize = 64 }, data, new FitOptions { Label = "batch 64" });
        var noise = GradientNoise.Measure(small.Model, data.Train, new[] { 1, 4, 16 }, draws: 4);
        var speed = Throughput.Measure(hp, data.Train, new[] { 4, 32 }, new ThroughputOptions { Repeats = 2, WarmupSteps = 1, ExamplesPerRepeat = 16 });
        var memory = new[] { 8, 64 }.Select(b => MemoryEstimate.For(2, 2, hp with { BatchSize = b }));
        var charts = new (GenericChart Chart, string Title, string XAxis)[]
        {
            (Plot.BatchStepLosses(new[] { small.History, large.History }), "Loss of every update", "training progress (epochs)"),
            (Plot.GradientNoise(noise), "Gradient noise against batch size", "batch size B"),
            (Plot.Throughput(speed), "Training throughput", "batch size"),
            (Plot.SecondsPerEpoch(speed), "Seconds per epoch", "batch size"),
            (Plot.Generalization(new[] { small.History, large.History }), "Final loss against batch size", "batch size"),
            (Plot.ScalingCurves(new[] { large.History }, new[] { small.History }), "Validation loss per epoch", "epoch"),
            (Plot.Memory(memory), "Memory per training step", "batch size"),
        };
        foreach (var (chart, title, xAxis) in charts)
        {
            string json = GenericChart.toJson(chart);
            Assert.Contains(title, json);
            Assert.Contains(xAxis, json);
        }
    }
}
