using HyperLab.Claims;
using HyperLab.Diagnosis;
using HyperLab.Lessons.Lesson04;
using HyperLab.Training;

namespace HyperLab.Tests.Claims.Controls;

/// <summary>Negative controls of lesson 04's claims (not the timing claim 04.2).</summary>
public class Lesson04Controls
{
    private static DepthResult Depth(int depth, double loss, double accuracy) =>
        new(depth, new[] { 1, 2, 3 }.Select(s => ControlRuns.Run([loss + 0.002 * s], validationAccuracy: accuracy)).ToList());

    [Fact]
    [NegativeControl("04.3")]
    public void Deep_networks_that_do_clearly_better_fail_the_shallow_is_enough_check()
    {
        var deepWins = ShallowVsDeep.Of([Depth(1, 0.2, 0.93), Depth(2, 0.19, 0.94), Depth(8, 0.1, 0.97), Depth(12, 0.11, 0.97)]);
        Assert.False(deepWins.Holds);
        Assert.Contains("the deep networks do better", deepWins.ToString());
        var accuracyOnly = ShallowVsDeep.Of([Depth(1, 0.1, 0.93), Depth(8, 0.1, 0.97)]);
        Assert.False(accuracyOnly.Holds);
        Assert.True(ShallowVsDeep.Of([Depth(1, 0.094, 0.971), Depth(12, 0.1, 0.975)]).Holds);
    }

    [Fact]
    [NegativeControl("04.4")]
    public void A_hidden_layer_less_than_five_percent_better_fails_the_depth_helps_on_images_check()
    {
        Assert.False(Difference.Lower("depth 2", [0.56, 0.55, 0.57], "linear", [0.57, 0.58, 0.57], minMargin: 0.05 * 0.573).Holds);
        Assert.True(Difference.Lower("depth 2", [0.49, 0.50, 0.49], "linear", [0.57, 0.58, 0.57], minMargin: 0.05 * 0.573).Holds);
    }

    [Fact]
    [NegativeControl("04.6", "04.7", "04.13")]
    public void Balanced_gradients_fail_the_vanishing_check_and_vanishing_ones_the_balanced_check()
    {
        var balanced = new LayerGradients("balanced", [0.8, 1.0, 1.2, 0.9, 1.1], 2.3);
        var vanishing = new LayerGradients("plain", Enumerable.Range(0, 20).Select(i => Math.Pow(10, -16 + 0.8 * i)).ToList(), 2.3);
        Assert.False(balanced.Vanishes());
        Assert.False(vanishing.Balanced());
        Assert.True(vanishing.Vanishes());
        Assert.True(balanced.Balanced());
    }

    private static History Trained => ControlRuns.Run([0.9, 0.7, 0.6, 0.55], [1.2, 0.9, 0.8, 0.7], validationAccuracy: 0.78);
    private static History Stuck => ControlRuns.Run([2.3, 2.3, 2.3, 2.3], [2.31, 2.3, 2.3, 2.3], validationAccuracy: 0.1);

    [Fact]
    [NegativeControl("04.8")]
    public void A_plain_network_that_trained_fails_the_barely_trains_check()
    {
        Assert.False(new DeepTraining(Trained, Trained, 10).PlainBarelyTrains.Holds);
        Assert.True(new DeepTraining(Stuck, Trained, 10).PlainBarelyTrains.Holds);
    }

    [Fact]
    [NegativeControl("04.9")]
    public void A_fixed_network_stuck_at_chance_fails_the_trains_check()
    {
        Assert.False(new DeepTraining(Stuck, Stuck, 10).FixedTrains.Holds);
        Assert.True(new DeepTraining(Stuck, Trained, 10).FixedTrains.Holds);
    }

    [Fact]
    [NegativeControl("04.10")]
    public void A_run_that_fits_well_or_is_merely_short_is_not_read_as_a_too_weak_model()
    {
        var goodFit = ControlRuns.Run([0.9, 0.5, 0.3, 0.25, 0.26, 0.27, 0.26], [1.0, 0.5, 0.25, 0.15, 0.12, 0.1, 0.09]);
        Assert.False(FitDiagnosis.Of(goodFit).ModelTooWeak);
        var weak = ControlRuns.Run([0.85, 0.8, 0.8, 0.8, 0.8], [0.8, 0.76, 0.75, 0.75, 0.75], firstLoss: 1.1);
        Assert.True(FitDiagnosis.Of(weak).ModelTooWeak);
    }

    [Fact]
    [NegativeControl("04.11")]
    public void A_deeper_run_as_weak_as_the_shallow_one_fails_the_underfitting_removed_check()
    {
        var weak = ControlRuns.Run([0.85, 0.8, 0.8, 0.8, 0.8], [0.8, 0.76, 0.75, 0.75, 0.75], firstLoss: 1.1);
        var deeperButWeak = weak with { Hyperparameters = new Hyperparameters { Depth = 3 } };
        Assert.False(new UnderfitRemoved(weak, deeperButWeak).Holds);
        var strong = ControlRuns.Run([0.5, 0.2, 0.12, 0.1, 0.1, 0.1, 0.1], [0.6, 0.2, 0.1, 0.07, 0.05, 0.04, 0.04], firstLoss: 1.1, hp: new Hyperparameters { Depth = 3 });
        Assert.True(new UnderfitRemoved(weak, strong).Holds);
    }

    [Fact]
    [NegativeControl("04.12")]
    public void A_run_without_a_gap_fails_the_overfitting_evidence_check()
    {
        var goodFit = ControlRuns.Run([0.9, 0.5, 0.3, 0.25, 0.26, 0.27, 0.26], [1.0, 0.5, 0.25, 0.15, 0.12, 0.1, 0.09], trainAccuracy: 0.93, validationAccuracy: 0.9);
        Assert.False(new OverfittingEvidence(FitDiagnosis.Of(goodFit), goodFit.LastEpoch!, 1000).Holds);
    }
}
