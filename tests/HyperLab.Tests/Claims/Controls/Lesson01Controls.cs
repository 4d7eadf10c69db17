using HyperLab.Claims;
using HyperLab.Diagnosis;
using HyperLab.Finder;
using HyperLab.Lessons.Lesson01;
using HyperLab.Sweeps;
using HyperLab.Tests.Diagnosis;

namespace HyperLab.Tests.Claims.Controls;

/// <summary>Negative controls of lesson 01's claims: each check fed an outcome without the effect must fail.</summary>
public class Lesson01Controls
{
    private static readonly QuadraticBowl Bowl = new(Shallow: 1, Steep: 10);
    private static DescentPath Walk(double rate) => GradientDescent.Run(Bowl, rate, steps: 50);

    [Fact]
    [NegativeControl("01.2", "01.3", "01.4", "01.5")]
    public void Each_walk_check_fails_for_a_walk_at_another_rate()
    {
        // The lesson's four walks pass their own checks ...
        Assert.True(Walk(0.005).Crawls);
        Assert.True(Walk(0.1).ConvergesSmoothly);
        Assert.True(Walk(0.19).OscillatesWithoutDiverging);
        Assert.True(Walk(0.21).Diverges);
        // ... and fail when fed a walk without the effect.
        Assert.False(Walk(0.1).Crawls);                      // a good rate does not crawl
        Assert.False(Walk(0.005).ConvergesSmoothly);         // a tiny rate has not converged in 50 steps
        Assert.False(Walk(0.19).ConvergesSmoothly);          // bouncing is not smooth
        Assert.False(Walk(0.05).OscillatesWithoutDiverging); // below 1/λ the steep coordinate keeps its sign
        Assert.False(Walk(0.19).Diverges);                   // just below 2/λ it converges
    }

    private static readonly double[] Healthy = SymptomCurves.Curve(100, t => 0.4 + 1.9 * Math.Exp(-4 * t));

    [Fact]
    [NegativeControl("01.7")]
    public void A_run_that_did_not_diverge_fails_the_too_high_check() =>
        Assert.False(SymptomCurves.Make(Healthy).Diverged);

    [Fact]
    [NegativeControl("01.8")]
    public void A_run_that_removed_most_of_its_loss_fails_the_barely_moves_check()
    {
        Assert.False(new LossDrop(2.3, 0.5, 380).BarelyMoved());
        Assert.True(new LossDrop(2.3, 2.2, 380).BarelyMoved());
    }

    [Fact]
    [NegativeControl("01.9")]
    public void A_run_that_rose_between_blocks_or_barely_fell_fails_the_falls_smoothly_check()
    {
        Assert.False(new LossDrop(2.3, 0.5, 380).FellSmoothly(largestRise: 0.3).Holds);
        Assert.False(new LossDrop(2.3, 2.0, 380).FellSmoothly(largestRise: 0).Holds);
        Assert.True(new LossDrop(2.3, 0.5, 380).FellSmoothly(largestRise: 0).Holds);
    }

    private static readonly double[] Rates = [1e-5, 1e-4, 1e-3, 1e-2, 1e-1];

    [Fact]
    [NegativeControl("01.10", "01.11")]
    public void A_sweep_that_keeps_falling_to_its_edge_or_is_flat_fails_the_U_shape_check()
    {
        var falling = new UShape(ControlRuns.RateSweep(Rates, [2.2, 1.5, 1.0, 0.7, 0.5]));
        Assert.False(falling.Holds);
        Assert.StartsWith(GridEdge.ExtendTheRange, falling.ToString());
        Assert.False(new UShape(ControlRuns.RateSweep(Rates, [0.62, 0.6, 0.58, 0.6, 0.61])).Holds);   // flat: ends not 1.5× worse
        Assert.True(new UShape(ControlRuns.RateSweep(Rates, [2.2, 1.0, 0.5, 0.9, double.NaN])).Holds);
    }

    [Fact]
    [NegativeControl("01.12", "01.13")]
    public void A_best_outside_the_window_or_on_the_grid_edge_fails_the_window_check()
    {
        Assert.False(RateWindow.Around("best", 1e-1, reference: 1e-3, factor: Math.Sqrt(10)).Holds);
        var atEdge = ControlRuns.RateSweep(Rates, [2.2, 1.5, 1.0, 0.7, 0.5]);
        var window = new RateWindow("best", atEdge.Best.Value, Low: 0.01, High: 0.1) { Edge = atEdge.Edge() };
        Assert.True(window.Contains);
        Assert.False(window.Holds);
        Assert.Contains(GridEdge.ExtendTheRange, window.ToString());
    }

    [Theory]
    [NegativeControl("01.14")]
    [InlineData(Symptom.TooHigh)]
    [InlineData(Symptom.TooLow)]
    [InlineData(Symptom.UnstableLater)]
    [InlineData(Symptom.Stalled)]
    public void A_healthy_run_is_not_read_as_any_symptom(Symptom symptom)
    {
        var reading = SymptomReader.Read(SymptomCurves.Make(Healthy));
        Assert.False(reading.Is(symptom).Holds);
        Assert.Contains($"expected {symptom}", reading.Is(symptom).ToString());
        Assert.True(reading.Is(Symptom.Healthy).Holds);
    }

    [Fact]
    [NegativeControl("01.15")]
    public void A_schedule_no_better_than_constant_beyond_the_seed_spread_fails()
    {
        Assert.False(Difference.Lower("cosine", [0.58, 0.60], "constant", [0.59, 0.60], minMargin: 0.03).Holds);
        Assert.False(Difference.Lower("cosine", [0.50, 0.60], "constant", [0.56, 0.64], minMargin: 0.03).Holds);   // within the spread
        Assert.True(Difference.Lower("cosine", [0.46, 0.46], "constant", [0.58, 0.60], minMargin: 0.03).Holds);
    }

    [Fact]
    [NegativeControl("01.19")]
    public void A_suggestion_that_trains_worse_than_the_sweep_best_fails()
    {
        var sweep = ControlRuns.RateSweep(Rates, [2.2, 1.0, 0.52, 0.9, double.NaN]);
        Assert.False(new FinderVsSweep(3e-4, ControlRuns.Run([0.8]), sweep).Holds);
        Assert.False(new FinderVsSweep(0.05, ControlRuns.Run([2.3], divergence: new HyperLab.Training.Divergence(3, double.NaN, "NaN")), sweep).Holds);
        Assert.True(new FinderVsSweep(1.1e-3, ControlRuns.Run([0.53]), sweep).Holds);
    }

    private static readonly double[] FinderRates = Enumerable.Range(0, 100).Select(i => 1e-5 * Math.Pow(10, 5.0 * i / 99)).ToArray();
    private static readonly double[] Smooth = FinderRates.Select(r => 0.4 + 1.9 / (1 + Math.Pow(r / 3e-3, 1.5)) + Math.Pow(r / 0.3, 2)).ToArray();

    [Fact]
    [NegativeControl("01.20")]
    public void The_naive_pick_fed_a_spike_fails_the_spike_resistance_check()
    {
        var spiked = Smooth.ToArray();
        spiked[12] *= 3;
        var moved = new SpikeResistance("naive steepest", NaiveSteepest.Suggest(FinderRates, Smooth).Rate, NaiveSteepest.Suggest(FinderRates, spiked).Rate);
        Assert.False(moved.Holds);
        Assert.True(new SpikeResistance("steepest", 4.04e-3, 4.1e-3).Holds);
    }

    [Fact]
    [NegativeControl("01.21")]
    public void On_a_curve_without_step_noise_the_naive_pick_agrees_with_the_smoothed_one_and_the_chasing_check_fails()
    {
        var naive = NaiveSteepest.Suggest(FinderRates, Smooth).Rate;
        var smoothed = Suggestions.All(FinderRates, Smooth)!.Steepest.Rate;
        Assert.False(new NoiseChasing(naive, smoothed).Holds);
        Assert.True(new NoiseChasing(0.35, 4.04e-3).Holds);
    }
}
