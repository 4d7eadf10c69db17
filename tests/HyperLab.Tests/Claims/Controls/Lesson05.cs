using HyperLab.Diagnosis;
using HyperLab.Lessons.Lesson05;
using HyperLab.Training;

namespace HyperLab.Tests.Claims.Controls;

/// <summary>
/// Negative controls of lesson 05's claims: each feeds the check the notebook calls an outcome without the effect
/// (a regularizer that does nothing, runs that are alike, a curve that does not overfit) and asserts that it fails;
/// where it helps, the same check with the effect is shown to pass, so the control is not failing for another reason.
/// </summary>
public class Lesson05
{
    /// <summary>A run whose validation loss per epoch is <paramref name="validation"/> (training loss falls from 1 towards 0.1
    /// unless given).</summary>
    internal static History Run(string label, double[] validation, double[]? train = null, double[]? validationAccuracy = null)
    {
        var epochs = validation.Select((v, i) => new EpochRecord(i + 1, train?[i] ?? Math.Max(0.1, 1 - 0.1 * i), 0.5, v,
            validationAccuracy?[i] ?? 0.5, 0.01, 1e-3)).ToList();
        return new History(label, new Hyperparameters(), [], epochs, StopReason.Completed, null, null, 0.1);
    }

    /// <summary>A sweep point: strength, final validation loss, weight norm, near-zero share, training loss.</summary>
    private static StrengthPoint Point(double strength, double validation, double norm = 10, double nearZero = 0.01, double train = 0.3) =>
        new(strength, Run($"s={strength}", [validation + 0.2, validation]), new WeightStats([norm], norm, 1e-3, nearZero), train);

    private static StrengthSweep Sweep(params StrengthPoint[] points) => new("wd", points);

    private static readonly double[] Strengths = [0, 1e-5, 1e-4, 1e-3, 1e-2, 3e-2, 1e-1];

    /// <summary>An inert regularizer: every strength gives the same run.</summary>
    private static StrengthSweep Inert() => Sweep(Strengths.Select(s => Point(s, 0.8)).ToArray());

    [Fact]
    [NegativeControl("05.1", "05.2", "05.3", "05.5", "05.7")]
    public void An_inert_regularizer_fails_every_trend_and_the_U_shape()
    {
        var inert = Inert();
        Assert.False(inert.TrainingLossRises().Holds);
        Assert.False(inert.ValidationUShape().Holds);
        Assert.False(inert.NormShrinks().Holds);
        Assert.False(inert.NearZeroGrows().Holds);
        Assert.False(inert.GapShrinks().Holds);
        // With the effect, the same checks pass.
        var working = Sweep(Strengths.Select((s, i) => Point(s, validation: 0.5 + Math.Pow(i - 3, 2) * 0.1, norm: 20 - 2 * i, nearZero: 0.01 * (i + 1), train: 0.02 + 0.3 * i)).ToArray());
        Assert.True(working.TrainingLossRises().Holds, working.TrainingLossRises().ToString());
        Assert.True(working.ValidationUShape().Holds, working.ValidationUShape().ToString());
        Assert.True(working.NormShrinks().Holds);
        Assert.True(working.NearZeroGrows().Holds);
    }

    [Fact]
    [NegativeControl("05.2")]
    public void A_validation_loss_that_only_falls_has_its_best_on_the_edge_and_is_no_U()
    {
        var falling = Sweep(Strengths.Select((s, i) => Point(s, 1.0 - 0.05 * i)).ToArray());
        var u = falling.ValidationUShape();
        Assert.False(u.Holds, u.ToString());
    }

    [Fact]
    [NegativeControl("05.6")]
    public void L1_without_sparsity_fails_the_sparsity_comparison()
    {
        var l1 = Sweep(Point(0, 0.8), Point(1e-4, 0.55, nearZero: 0.02));
        var l2 = Sweep(Point(0, 0.8), Point(1e-2, 0.55, nearZero: 0.02));
        Assert.False(SparsityComparison.Of(l1, l2).Holds);
    }

    [Fact]
    [NegativeControl("05.8")]
    public void Strong_dropout_that_still_fits_well_is_not_called_underfitting()
    {
        // A run whose validation loss falls and settles low: a good fit, not underfitting, and no worse than the best.
        var fine = Run("dropout 0.8", [1.2, 0.8, 0.6, 0.5, 0.48, 0.47, 0.47, 0.47], train: [1.3, 0.9, 0.7, 0.6, 0.55, 0.55, 0.54, 0.54]);
        var check = new WorseThanBest(VerdictCheck.Of(fine, FitVerdict.Underfitting), BestValidationLoss: 0.46, BestStrength: 0.4);
        Assert.False(check.Holds, check.ToString());
    }

    [Fact]
    [NegativeControl("05.10")]
    public void An_augmentation_that_changes_nothing_does_not_improve()
    {
        var plain = Run("plain", [1.0, 0.8, 0.7, 0.9], validationAccuracy: [0.6, 0.7, 0.75, 0.74]);
        var same = new ImprovementCheck(plain, plain with { Label = "augmented" });
        Assert.False(same.Holds, same.ToString());
        var worseAtTheEnd = new ImprovementCheck(plain, Run("augmented", [0.9, 0.7, 0.6, 0.95]));
        Assert.False(worseAtTheEnd.Holds, worseAtTheEnd.ToString());
        Assert.True(worseAtTheEnd.LowerBestLoss);   // the best-epoch reading is shown, not what the claim rests on
        var better = new ImprovementCheck(plain, Run("augmented", [0.9, 0.7, 0.6, 0.65]));
        Assert.True(better.Holds && better.LowerBestLoss, better.ToString());
    }

    [Fact]
    [NegativeControl("05.11")]
    public void Weights_as_large_as_the_full_run_are_not_kept_smaller()
    {
        Assert.False(new SmallerWeights(Full: 20, EarlyStopped: 19.9, StoppedEpoch: 8, Decayed: 10, Decay: 1e-2).Holds);
        Assert.False(new SmallerWeights(Full: 20, EarlyStopped: 18, StoppedEpoch: 8, Decayed: 20.1, Decay: 1e-2).Holds);
        Assert.True(new SmallerWeights(Full: 20, EarlyStopped: 18, StoppedEpoch: 8, Decayed: 10, Decay: 1e-2).Holds);
    }

    [Fact]
    [NegativeControl("05.12")]
    public void A_run_that_does_not_overfit_is_not_read_as_too_weak()
    {
        // Validation falls to the end with training: a good fit, so "too weak: overfitting" must fail.
        var notOverfitting = Run("no regularization", [1.0, 0.8, 0.7, 0.62, 0.57, 0.54, 0.52, 0.51], train: [1.0, 0.8, 0.7, 0.62, 0.57, 0.54, 0.52, 0.51]);
        Assert.False(VerdictCheck.Of(notOverfitting, FitVerdict.Overfitting).Holds);
        var overfitting = Run("no regularization", [1.0, 0.7, 0.6, 0.62, 0.7, 0.8, 0.9, 1.0], train: [1.0, 0.6, 0.4, 0.2, 0.1, 0.05, 0.03, 0.02]);
        Assert.True(VerdictCheck.Of(overfitting, FitVerdict.Overfitting).Holds, VerdictCheck.Of(overfitting, FitVerdict.Overfitting).ToString());
    }

    [Fact]
    [NegativeControl("05.14")]
    public void Two_decays_that_shrink_the_norm_alike_are_not_different_strengths()
    {
        Assert.False(new DecayStrength(1e-2, NoDecayNorm: 20, L2Norm: 10, DecoupledNorm: 11).Holds);   // both halve it
        Assert.False(new DecayStrength(1e-2, NoDecayNorm: 20, L2Norm: 19, DecoupledNorm: 20).Holds);   // neither shrinks it
        Assert.True(new DecayStrength(1e-2, NoDecayNorm: 20, L2Norm: 10, DecoupledNorm: 19.9).Holds);
    }

    [Fact]
    public void The_one_step_demonstration_shows_both_rules()
    {
        var decoupled = DecayStep.Of(new Hyperparameters { Optimizer = OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 0.1 });
        Assert.True(decoupled.ShrinksByRateTimesDecay, decoupled.ToString());
        Assert.False(decoupled.MovesByRate);
        foreach (double wd in new[] { 0.01, 1 })
        {
            var l2 = DecayStep.Of(new Hyperparameters { Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, WeightDecay = wd });
            Assert.True(l2.MovesByRate, l2.ToString());
            Assert.False(l2.ShrinksByRateTimesDecay);
        }
        var none = DecayStep.Of(new Hyperparameters { Optimizer = OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 0 });
        Assert.Equal(0, none.MeanMove);
    }
}
