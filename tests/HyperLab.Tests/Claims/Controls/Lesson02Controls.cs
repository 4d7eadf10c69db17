using HyperLab.Claims;
using HyperLab.Lessons.Lesson02;

namespace HyperLab.Tests.Claims.Controls;

/// <summary>Negative controls of lesson 02's claims (not the timing claims 02.6, 02.7, 02.10).</summary>
public class Lesson02Controls
{
    [Fact]
    [NegativeControl("02.3")]
    public void Two_batch_sizes_with_the_same_step_noise_fail_the_varies_more_check()
    {
        var small = ControlRuns.Steps(ControlRuns.Noise(500, 0.1, seed: 1).Select((n, k) => 2.3 - 1.5 * k / 500.0 + n), batch: 8);
        var large = ControlRuns.Steps(ControlRuns.Noise(16, 0.1, seed: 2).Select((n, k) => 2.3 - 1.5 * k / 16.0 + n), batch: 256);
        Assert.False(StepNoise.Compare(small, large).VariesMore().Holds);
    }

    [Fact]
    [NegativeControl("02.4")]
    public void A_large_batch_whose_loss_falls_steeply_but_is_as_noisy_fails_once_the_trend_is_removed()
    {
        // Batch 256's loss falls 1.5 nats over its 16 updates, with the same noise as batch 8: the raw
        // step-to-step changes are dominated by the trend and make the ratio look like √32; the detrended noise does not.
        var small = ControlRuns.Steps(ControlRuns.Noise(500, 0.02, seed: 3).Select((n, k) => 2.3 - 1.5 * k / 500.0 + n), batch: 8);
        var large = ControlRuns.Steps(ControlRuns.Noise(16, 0.02, seed: 4).Select((n, k) => 2.3 - 1.5 * k / 16.0 + n), batch: 256);
        var ratio = StepNoise.Compare(small, large);
        Assert.False(ratio.NearSquareRootRule().Holds);
        Assert.InRange(ratio.Ratio, 0.5, 2);
        Assert.True(StepNoise.Of(large) > 2 * StepNoise.Of(small));   // the raw measure is fooled by the trend
        // With the noise of an average of B numbers the check passes.
        var noisy = ControlRuns.Steps(ControlRuns.Noise(500, 0.4, seed: 5).Select((n, k) => 2.3 - 1.5 * k / 500.0 + n), batch: 8);
        var quiet = ControlRuns.Steps(ControlRuns.Noise(16, 0.4 / Math.Sqrt(32), seed: 6).Select((n, k) => 2.3 - 1.5 * k / 16.0 + n), batch: 256);
        Assert.True(StepNoise.Compare(noisy, quiet).NearSquareRootRule().Holds);
    }

    [Fact]
    public void Detrended_noise_cancels_a_straight_line_and_measures_the_noise()
    {
        Assert.Equal(0, StepNoise.Detrended(ControlRuns.Steps(Enumerable.Range(0, 20).Select(k => 2.3 - 0.1 * k), batch: 8)), 1e-12);
        Assert.InRange(StepNoise.Detrended(ControlRuns.Steps(ControlRuns.Noise(4000, 0.1, seed: 7).Select((n, k) => 2 - k / 4000.0 + n), batch: 8)), 0.09, 0.11);
    }

    [Fact]
    [NegativeControl("02.5")]
    public void Noise_that_shrinks_as_one_over_root_B_fails_the_one_over_B_check()
    {
        int[] batches = [1, 4, 16, 64, 256];
        var rootB = new GradientNoiseResult(batches.Select(b => new NoisePoint(b, 100 / Math.Sqrt(b), 1, 50, 1)).ToList(), 1, 8000);
        Assert.False(rootB.ShrinksAsOneOverB().Holds);
        var oneOverB = new GradientNoiseResult(batches.Select(b => new NoisePoint(b, 100.0 / b, 1, 50, 1)).ToList(), 1, 8000);
        Assert.True(oneOverB.ShrinksAsOneOverB().Holds);
    }

    [Fact]
    [NegativeControl("02.9", "02.12", "02.13", "02.14")]
    public void A_difference_within_the_margin_or_the_seed_spread_fails_the_comparison()
    {
        Assert.False(Difference.Lower("batch 128", [0.58, 0.59], "batch 2,048", [0.62, 0.66], minMargin: 0.1).Holds);      // inert batch size
        Assert.False(Difference.Lower("linear rule", [0.2, 1.2], "no scaling", [1.0, 1.6], minMargin: 0.1).Holds);         // within the spread
        Assert.False(Difference.Lower("batch 512", [0.3, double.PositiveInfinity], "batch 2,048", [1.5, 1.7], minMargin: 0.1).Holds);   // the lower side diverged
        Assert.True(Difference.Lower("batch 128", [0.58, 0.59], "batch 2,048", [1.5, double.NaN], minMargin: 0.1).Holds);  // NaN: a diverged run, +∞
    }

    [Fact]
    [NegativeControl("02.11")]
    public void A_tiny_batch_that_learned_fails_the_blow_up_check()
    {
        var moderate = ControlRuns.Run([0.9, 0.7], validationAccuracy: 0.73, hp: new Hyperparameters { BatchSize = 64 });
        var learned = ControlRuns.Run([1.0, 0.8], validationAccuracy: 0.65, hp: new Hyperparameters { BatchSize = 4 });
        var collapsed = ControlRuns.Run([2.3, 2.3], validationAccuracy: 0.10, hp: new Hyperparameters { BatchSize = 4 });
        Assert.False(new BatchBlowUp(learned, moderate).Holds);
        Assert.Contains("the tiny batch learned", new BatchBlowUp(learned, moderate).ToString());
        Assert.False(new BatchBlowUp(collapsed, collapsed with { Hyperparameters = new Hyperparameters { BatchSize = 64 } }).Holds);
        Assert.True(new BatchBlowUp(collapsed, moderate).Holds);
    }
}

/// <summary>The frozen-weights measurement of lesson 02 (claim 02.4).</summary>
public class LossNoiseTests
{
    [Fact]
    [NegativeControl("02.4")]
    public void Batches_of_identical_losses_or_correlated_batches_fail_the_square_root_check()
    {
        // Independent per-example losses: the spread falls as 1/√B and the check holds.
        var independent = ControlRuns.Noise(4000, 0.8, seed: 11).Select(n => 1 + n).ToArray();
        Assert.True(LossNoise.Compare(independent, 8, 256).NearSquareRootRule().Holds);
        // A batch size that does not average anything (every example has the same loss): no spread at either size, no ratio.
        Assert.False(LossNoise.Compare(Enumerable.Repeat(0.7, 4000).ToArray(), 8, 256).NearSquareRootRule().Holds);
        // The same spread at both sizes (an inert batch size) fails too.
        Assert.False(new StepNoiseRatio(8, 0.1, 256, 0.1).NearSquareRootRule().Holds);
    }
}

/// <summary>How <see cref="Difference"/> treats seeds: every seed must show the gap; one seed blowing up does not count against it.</summary>
public class DifferenceTests
{
    [Fact]
    public void A_gap_shown_on_every_seed_holds_even_when_one_seed_is_far_worse()
    {
        var d = Difference.Lower("batch 512", [0.2, 0.31], "batch 2,048", [1.8, 11.1], minMargin: 0.1);
        Assert.True(d.Holds, d.ToString());
        Assert.Equal([1.6, 10.79], d.SeedGaps.Select(g => Math.Round(g, 2)));
        Assert.Contains("per seed 1.6, 10.79", d.ToString());
    }

    [Fact]
    public void A_gap_missing_on_one_seed_fails()
    {
        var d = Difference.Lower("a", [0.4, 0.5], "b", [0.9, 0.52], minMargin: 0.05);
        Assert.False(d.Holds);
        Assert.EndsWith("not a difference beyond the margin", d.ToString());
    }

    [Fact]
    public void Bad_input_is_refused_with_the_field_and_a_starting_value()
    {
        Assert.Throws<ArgumentException>(() => Difference.Lower("a", [], "b", [1.0], 0.1));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Difference.Lower("a", 0.5, "b", 0.7, -0.1));
        Assert.Contains("seed-to-seed spread", e.Message);
    }
}
