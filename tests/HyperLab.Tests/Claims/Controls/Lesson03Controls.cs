using HyperLab.Claims;
using HyperLab.Diagnosis;

namespace HyperLab.Tests.Claims.Controls;

/// <summary>Negative controls of lesson 03's claims.</summary>
public class Lesson03Controls
{
    private static readonly double[] Falling = [1.2, 0.9, 0.75, 0.66, 0.6, 0.56, 0.53, 0.51];
    private static readonly double[] Overfit = [1.2, 0.8, 0.6, 0.52, 0.55, 0.65, 0.8, 1.0];
    private static readonly double[] OverfitTrain = [1.3, 0.8, 0.6, 0.5, 0.3, 0.15, 0.06, 0.02];

    [Fact]
    [NegativeControl("03.3")]
    public void A_curve_still_falling_at_its_end_fails_the_minimum_inside_check()
    {
        Assert.False(ValidationCurve.MinimumInside(ControlRuns.Run(Falling)).Holds);
        Assert.True(ValidationCurve.MinimumInside(ControlRuns.Run(Overfit, OverfitTrain)).Holds);
    }

    [Fact]
    [NegativeControl("03.4")]
    public void A_run_that_plateaus_after_its_minimum_fails_the_overfitting_check()
    {
        var plateau = ControlRuns.Run([1.2, 0.8, 0.6, 0.52, 0.53, 0.54, 0.53, 0.54], [1.3, 0.8, 0.6, 0.5, 0.48, 0.47, 0.47, 0.46]);
        Assert.False(OverfitAfterMinimum.Of(plateau).Holds);
        Assert.True(OverfitAfterMinimum.Of(ControlRuns.Run(Overfit, OverfitTrain)).Holds);
    }

    [Fact]
    [NegativeControl("03.5")]
    public void A_model_that_ignored_the_wrong_labels_fails_the_memorization_check()
    {
        Assert.False(new Memorization(10, 60).Holds);
        Assert.False(new Memorization(0, 0).Holds);
        Assert.True(new Memorization(58, 60).Holds);
    }

    [Fact]
    [NegativeControl("03.7", "03.13")]
    public void Final_losses_closer_than_the_margin_fail_the_comparison()
    {
        Assert.False(Difference.Lower("8 epochs", 0.516, "3 epochs", 0.54, minMargin: 0.05).Holds);
        Assert.False(Difference.Lower("dropout 0", 0.516, "dropout 0.8", 0.58, minMargin: 0.1).Holds);
        Assert.False(Difference.Lower("dropout 0", 0.6, "dropout 0.8", 0.5, minMargin: 0.1).Holds);
    }

    [Fact]
    [NegativeControl("03.11", "03.12")]
    public void Equal_or_falling_epochs_fail_the_ordering_check()
    {
        Assert.False(Ordering.Increasing("epoch", ["lr 1e-3", "lr 3e-4", "lr 1e-4"], [4, 4, 30]).Holds);
        Assert.False(Ordering.Increasing("epoch", ["dropout 0", "dropout 0.5", "dropout 0.8"], [18, 8, 40]).Holds);
        Assert.Contains("not increasing", Ordering.Increasing("epoch", ["a", "b"], [5, 5]).ToString());
        Assert.True(Ordering.Increasing("epoch", ["a", "b", "c"], [4, 11, 30]).Holds);
    }

    [Fact]
    [NegativeControl("03.14")]
    public void A_late_minimum_or_a_mild_rise_fails_the_overfits_within_a_few_epochs_check()
    {
        var late = Enumerable.Range(1, 20).Select(e => e <= 15 ? 1.5 - 0.06 * e : 0.6 + 0.2 * (e - 15)).ToArray();
        var lateTrain = Enumerable.Range(1, 20).Select(e => 1.5 * Math.Exp(-0.2 * e)).ToArray();
        Assert.False(OverfitAfterMinimum.Of(ControlRuns.Run(late, lateTrain), 0.5, 1.3, latestBest: 10).Holds);
        Assert.False(OverfitAfterMinimum.Of(ControlRuns.Run(Overfit, OverfitTrain), 0.5, minValidationRise: 3, latestBest: 10).Holds);
        Assert.True(OverfitAfterMinimum.Of(ControlRuns.Run(Overfit, OverfitTrain), 0.5, 1.3, latestBest: 10).Holds);
    }

    [Fact]
    [NegativeControl("03.15")]
    public void A_curve_with_its_minimum_before_the_end_fails_the_still_improving_check()
    {
        Assert.False(ValidationCurve.StillImproving(ControlRuns.Run(Overfit, OverfitTrain)).Holds);
        Assert.True(ValidationCurve.StillImproving(ControlRuns.Run(Falling)).Holds);
    }

    [Theory]
    [NegativeControl("03.16")]
    [InlineData(FitVerdict.Underfitting)]
    [InlineData(FitVerdict.GoodFit)]
    public void An_overfitting_run_is_read_as_neither_underfitting_nor_good_fit(FitVerdict wrong)
    {
        var report = FitDiagnosis.Of(ControlRuns.Run(Overfit, OverfitTrain));
        Assert.False(report.Is(wrong).Holds);
        Assert.True(report.Is(FitVerdict.Overfitting).Holds);
        Assert.False(FitDiagnosis.Of(ControlRuns.Run(Falling, Falling.Select(v => v * 0.2).ToArray())).Is(FitVerdict.Overfitting).Holds);
    }
}
