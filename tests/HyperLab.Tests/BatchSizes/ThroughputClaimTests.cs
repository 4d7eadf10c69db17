using HyperLab.Lessons.Lesson02;
using HyperLab.Tests.Claims;

namespace HyperLab.Tests.BatchSizes;

/// <summary>Lesson 02's timing claims (02.6, 02.7, 02.10) as the library predicates the notebook calls, fed synthetic
/// throughputs with and without the effect.</summary>
public class ThroughputClaimTests
{
    private static readonly int[] Sizes = [8, 32, 128, 256, 512, 2048];

    /// <summary>A result whose fastest repeat at batch b is <paramref name="rate"/>(b) examples per second (other repeats slower).</summary>
    private static ThroughputResult Synthetic(Func<int, double> rate) =>
        new(Sizes.Select(b => new ThroughputPoint(b, [rate(b) * 0.8, rate(b), rate(b) * 0.9], 4000)).ToList(), 4000, 1);

    // Measured shape on one thread: a fixed cost per step plus a cost per example (rates saturate).
    private static double Saturating(int b) => b / (0.5e-3 + b * 20e-6);

    [Fact]
    [NegativeControl("02.6")]
    public void A_larger_batch_that_is_not_faster_fails_02_6()
    {
        Assert.True(Synthetic(Saturating).Faster(8, 256, 2).Holds, Synthetic(Saturating).Faster(8, 256, 2).ToString());
        Assert.False(Synthetic(_ => 30_000).Faster(8, 256, 2).Holds);                      // flat: batch size buys nothing
        Assert.False(Synthetic(b => 30_000 * (1 + b / 2048.0)).Faster(8, 256, 2).Holds);   // faster, but far less than 2×
        Assert.False(Synthetic(b => 60_000 - 10 * b).Faster(8, 256, 2).Holds);            // slower at the larger batch
    }

    [Fact]
    [NegativeControl("02.7")]
    public void A_gain_that_does_not_flatten_fails_02_7()
    {
        Assert.True(Synthetic(Saturating).Flattens(8, 32, 512, 2048).Holds, Synthetic(Saturating).Flattens(8, 32, 512, 2048).ToString());
        Assert.False(Synthetic(_ => 30_000).Flattens(8, 32, 512, 2048).Holds);             // no gain anywhere
        Assert.False(Synthetic(b => 100.0 * b).Flattens(8, 32, 512, 2048).Holds);          // rate proportional to B: the gain never flattens
        Assert.False(Synthetic(b => b < 512 ? 30_000 : 30_000 * b / 512.0).Flattens(8, 32, 512, 2048).Holds);   // the gain only starts late
    }

    [Fact]
    [NegativeControl("02.10")]
    public void A_largest_batch_that_is_not_much_faster_fails_02_10()
    {
        Assert.True(Synthetic(Saturating).Faster(8, 2048, 2).Holds, Synthetic(Saturating).Faster(8, 2048, 2).ToString());
        Assert.False(Synthetic(_ => 30_000).Faster(8, 2048, 2).Holds);
        Assert.False(Synthetic(b => 30_000 * (1 + b / 4096.0)).Faster(8, 2048, 2).Holds);   // 1.5×: not "much faster"
    }

    [Fact]
    public void The_evidence_names_both_batches_and_the_requirement()
    {
        var check = Synthetic(Saturating).Faster(8, 256, 2);
        Assert.Contains("batch 256", check.ToString());
        Assert.Contains("batch 8 ", check.ToString());
        Assert.Contains("at least 2×", check.ToString());
        Assert.Contains("8 → 32", Synthetic(Saturating).Flattens(8, 32, 512, 2048).ToString());
    }
}
