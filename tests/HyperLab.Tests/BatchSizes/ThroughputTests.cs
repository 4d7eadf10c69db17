using HyperLab.Lessons.Lesson02;
using HyperLab.Tests.Training;

namespace HyperLab.Tests.BatchSizes;

/// <summary>Behaviour only: no timing claims in unit tests (the machine is shared; speed is compared inside one lesson run).</summary>
public class ThroughputTests
{
    [Fact]
    public void Reports_every_repeat_for_every_batch_size()
    {
        var data = TinyData.Moons(300, seed: 2);
        var hp = new Hyperparameters { Depth = 1, Width = 8, Seed = 2 };
        var options = new ThroughputOptions { Repeats = 3, WarmupSteps = 1, ExamplesPerRepeat = 32, EpochExamples = 1000 };
        var result = Throughput.Measure(hp, data.Train, new[] { 16, 4, 16, 64 }, options);
        Assert.Equal(new[] { 4, 16, 64 }, result.Points.Select(p => p.BatchSize));
        foreach (var p in result.Points)
        {
            Assert.Equal(3, p.ExamplesPerSecond.Count);
            Assert.All(p.ExamplesPerSecond, r => Assert.True(r > 0 && double.IsFinite(r)));
            Assert.InRange(p.Median, p.Slowest, p.Fastest);
            Assert.Equal(1000 / p.Median, p.SecondsPerEpoch, 9);
        }
        Assert.Equal(result.At(64).Fastest / result.At(4).Fastest, result.Speedup(4, 64), 12);
        Assert.Throws<KeyNotFoundException>(() => result.At(5));
    }

    [Fact]
    public void Median_is_the_middle_value()
    {
        var p = new ThroughputPoint(8, new[] { 5.0, 1, 100, 3, 4 }, 10);
        Assert.Equal(4, p.Median);
        Assert.Equal(1, p.Slowest);
        Assert.Equal(100, p.Fastest);
        Assert.Equal(3.5, new ThroughputPoint(8, new[] { 4.0, 3, 1, 100 }, 10).Median);
    }

    [Fact]
    public void Bad_batch_sizes_are_rejected()
    {
        var data = TinyData.Moons(100, seed: 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => Throughput.Measure(new Hyperparameters(), data.Train, new[] { 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Throughput.Measure(new Hyperparameters(), data.Train, new[] { 1000 }));
    }
}
