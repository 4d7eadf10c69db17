using HyperLab.Lessons.Lesson05;
using HyperLab.Models;
using HyperLab.Numerics;

namespace HyperLab.Tests.Regularization;

public class WeightStatsTests
{
    [Fact]
    public void Norm_and_near_zero_share_are_computed_from_the_values()
    {
        var s = WeightStats.FromValues([3, -4, 0.0005, 0], threshold: 1e-3);
        Assert.Equal(Math.Sqrt(25 + 0.0005 * 0.0005), s.L2Norm, 12);
        Assert.Equal(0.5, s.NearZeroShare);
        Assert.Equal(4, s.Count);
    }

    [Fact]
    public void Only_weight_matrices_are_measured()
    {
        var hp = new Hyperparameters { Depth = 2, Width = 8, Seed = 1 };
        using var model = Mlp.Create(5, 3, hp);
        var s = WeightStats.Of(model);
        Assert.Equal(5 * 8 + 8 * 8 + 8 * 3, s.Count);   // biases left out
        Assert.True(s.L2Norm > 0);
    }

    [Fact]
    public void A_bad_threshold_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightStats.FromValues([1.0], threshold: 0));
    }

    [Fact]
    public void Histogram_counts_every_value_and_clamps_the_outliers()
    {
        var h = Histogram.Of([-1, -0.07, 0.02, 0.01, 0.07, 1], bins: 4, low: -0.1, high: 0.1);
        Assert.Equal(6, h.Total);
        Assert.Equal([2, 0, 2, 2], h.Counts);
        Assert.Equal(-0.075, h.Centers[0], 12);
        Assert.Equal(1.0, h.Shares.Sum(), 12);
    }
}
