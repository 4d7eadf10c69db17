using HyperLab.Data;
using HyperLab.Lessons.Lesson04;
using HyperLab.Tests.Claims;
using HyperLab.Tests.Training;

namespace HyperLab.Tests.NetworkDepth;

/// <summary>Lesson 04's "time per epoch grows linearly with depth" holds every time (processor time, interleaved
/// rounds, medians), and its test fails when time does not grow.</summary>
public class DepthTimingTests
{
    private static DepthCost Synthetic(params double[] milliseconds) =>
        new(milliseconds.Select((ms, i) => new DepthCostPoint(1 << i, 1000 * (1 << i), ms / 1000)).ToList());

    [Fact]
    [NegativeControl("04.2")]
    public void Flat_or_patternless_timings_do_not_pass()
    {
        Assert.False(Synthetic(50, 51, 49, 50, 52).TimeGrowsLinearly);           // no cost per layer
        Assert.False(Synthetic(236, 100, 130, 204, 328).TimeGrowsLinearly);      // a load burst at depth 1 (measured once, wall-clock)
        Assert.False(Synthetic(50, 400, 60, 70, 90).TimeGrowsLinearly);          // one outlier, no trend
        Assert.False(Synthetic(90, 70, 60, 55, 50).TimeGrowsLinearly);           // falls with depth
        Assert.False(Synthetic(50, 55, 60, 75, 90).TimeGrowsLinearly);           // a line, but depth 16 under 2× depth 1
        Assert.True(Synthetic(50, 60, 95, 238, 390).TimeGrowsLinearly, Synthetic(50, 60, 95, 238, 390).TimeEvidence);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Processor_time_grows_linearly_with_depth_even_on_a_busy_machine(int seed)
    {
        var pool = CourseData.FashionMnistTrain().StratifiedSample(3_000, seed);
        var fashion = Splits.Stratified(pool, validationFraction: 0.2, seed: seed);
        var baseline = new Hyperparameters { Width = 128, BatchSize = 64, LearningRate = 1e-3, Seed = seed };
        var cost = DepthCost.Measure(fashion, baseline, new[] { 1, 2, 4, 8, 16 }, epochs: 2, rounds: 3);
        Assert.True(cost.TimeGrowsLinearly, cost.TimeEvidence);
    }

    [Fact]
    public void Rounds_are_validated_and_every_depth_is_reported_once_in_order()
    {
        var baseline = new Hyperparameters { Width = 8, BatchSize = 64 };
        var cost = DepthCost.Measure(TinyData.Moons(), baseline, new[] { 3, 1, 2 }, epochs: 2, rounds: 2);
        Assert.Equal(new[] { 3, 1, 2 }, cost.Points.Select(p => p.Depth));
        Assert.All(cost.Points, p => Assert.True(p.SecondsPerEpoch > 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DepthCost.Measure(TinyData.Moons(), baseline, new[] { 1, 2 }, epochs: 2, rounds: 0));
    }
}
