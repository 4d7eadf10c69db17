using System.Globalization;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson05;

/// <summary>
/// Did a change (augmentation, lesson 05) improve a run, read two ways: at the final epoch and at each run's best
/// validation epoch, with accuracy beside loss. The claim is on the final validation loss (the fixed budget the lesson
/// sets); the best-epoch reading and the accuracies are shown beside it, not claimed (on lesson 05's data accuracy can
/// fall while the loss improves, and at the best epochs the loss margin is small).
/// </summary>
/// <param name="Baseline">The run without the change.</param>
/// <param name="Changed">The run with it.</param>
public sealed record ImprovementCheck(History Baseline, History Changed)
{
    /// <summary>Lower validation loss at the final epoch.</summary>
    public bool LowerFinalLoss => Changed.FinalValidationLoss < Baseline.FinalValidationLoss;

    /// <summary>Lower validation loss at each run's own best epoch.</summary>
    public bool LowerBestLoss => Changed.BestEpoch is { } c && Baseline.BestEpoch is { } b && c.ValidationLoss < b.ValidationLoss;

    /// <summary>Lower validation loss at the final epoch.</summary>
    public bool Holds => LowerFinalLoss;

    /// <summary>"final epoch: loss 0.742 vs 0.901, accuracy 75.6% vs 78.6%; best epochs (12, 9): loss …".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string Pair(double a, double b, string f) => $"{a.ToString(f, inv)} with, {b.ToString(f, inv)} without";
        var (c, b) = (Changed.BestEpoch, Baseline.BestEpoch);
        string best = c is null || b is null ? "no finished epoch" :
            $"at each run's best epoch ({c.Epoch} with, {b.Epoch} without): validation loss {Pair(c.ValidationLoss, b.ValidationLoss, "0.###")}, accuracy {Pair(c.ValidationAccuracy, b.ValidationAccuracy, "P1")}";
        return $"final epoch: validation loss {Pair(Changed.FinalValidationLoss, Baseline.FinalValidationLoss, "0.###")}, accuracy {Pair(Changed.FinalValidationAccuracy, Baseline.FinalValidationAccuracy, "P1")}; {best}";
    }
}
