using HyperLab.Charts;
using HyperLab.Lessons.Lesson02;
using HyperLab.Tests.Training;
using HyperLab.Training;

namespace HyperLab.Tests.Charts;

/// <summary>Lesson 02's charts show what they claim: one trace per run or measure, one point per step, batch size or
/// repeat, and log axes where the numbers span decades (read from the chart's JSON, not from copied title strings).</summary>
public class BatchSizeChartTests
{
    private static readonly Hyperparameters Hp = new() { Depth = 1, Width = 8, Epochs = 2, Seed = 0 };

    [Fact]
    public void Step_losses_have_one_trace_per_run_and_one_point_per_update_spread_over_the_epochs()
    {
        var data = TinyData.Moons(200, seed: 0);
        using var small = Trainer.Fit(Hp with { BatchSize = 8 }, data, new FitOptions { Label = "batch 8" });
        using var large = Trainer.Fit(Hp with { BatchSize = 64 }, data, new FitOptions { Label = "batch 64" });
        var chart = ChartJson.Of(Plot.StepCurves(new[] { small.History, large.History }, new() { StepsInEpochs = true, LogY = false }));
        Assert.Equal(2, chart.Traces.Count);
        Assert.Equal(small.History.Steps.Count, chart.Named("batch 8").Points);
        Assert.Equal(large.History.Steps.Count, chart.Named("batch 64").Points);
        Assert.Equal(small.History.Steps.Select(s => s.Loss), chart.Named("batch 8").Y, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.All(chart.Traces, t => Assert.InRange(t.X.Max(), 1.9, 2.0));   // x is training progress in epochs
        Assert.False(chart.Y.Log);

        var scaling = ChartJson.Of(Plot.EpochCurves(new[] { large.History }, new[] { small.History }));
        Assert.Equal(2, scaling.Traces.Count);
        Assert.All(scaling.Traces, t => Assert.Equal(new[] { 1.0, 2.0 }, t.X));
    }

    [Fact]
    public void Gradient_noise_is_drawn_on_log_log_axes_with_one_point_per_batch_size()
    {
        var data = TinyData.Moons(200, seed: 0);
        using var run = Trainer.Fit(Hp with { BatchSize = 8 }, data);
        var noise = GradientNoise.Measure(run.Model, data.Train, new[] { 1, 4, 16 }, draws: 4);
        var chart = ChartJson.Of(Lesson02Charts.GradientNoise(noise));
        Assert.True(chart.X.Log && chart.Y.Log);
        var measured = chart.Named("measured");
        Assert.Equal(new[] { 1.0, 4.0, 16.0 }, measured.X);
        Assert.Equal(noise.Points.Select(p => p.MeanSquaredDistance), measured.Y, (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Abs(a));
        Assert.Equal(5, chart.Traces.Count);   // measured, ± error (2), fitted line, 1/B reference
    }

    [Fact]
    public void Throughput_shows_every_repeat_and_the_median_per_batch_size()
    {
        var speed = Throughput.Measure(Hp, TinyData.Moons(200, seed: 0).Train, new[] { 4, 32 },
            new ThroughputOptions { Repeats = 2, WarmupSteps = 1, ExamplesPerRepeat = 16 });
        foreach (var chart in new[] { ChartJson.Of(Lesson02Charts.Throughput(speed)), ChartJson.Of(Lesson02Charts.Throughput(speed, new() { Metric = ChartMetric.SecondsPerEpoch })) })
        {
            Assert.Equal(4, chart.Named("each repeat").Points);                 // 2 batch sizes × 2 repeats
            Assert.Equal(new[] { 4.0, 32.0 }, chart.Named("median").X);
            Assert.True(chart.X.Log && chart.Y.Log);
            Assert.All(chart.Traces.SelectMany(t => t.Y), y => Assert.True(y > 0));
        }
    }

    [Fact]
    public void Memory_has_a_total_and_an_activation_line_per_shape()
    {
        var memory = new[] { 8, 64 }.Select(b => MemoryEstimate.For(2, 2, Hp with { BatchSize = b })).ToList();
        var chart = ChartJson.Of(Lesson02Charts.Memory(memory));
        Assert.Equal(2, chart.Traces.Count);
        Assert.Equal(memory.Select(m => m.TotalBytes / 1e6), chart.Named("depth 1, width 8: total").Y);
        Assert.True(chart.Named("depth 1, width 8: total").Y.Zip(chart.Named("depth 1, width 8: activations").Y).All(p => p.First >= p.Second));
    }
}
