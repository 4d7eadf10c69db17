using HyperLab.Sweeps;
using HyperLab.Training;

namespace HyperLab.Finder;

/// <summary>
/// Lesson 01's comparison of one training run at the finder's suggestion with the best point of a sweep over
/// the rate at the same budget: the gap in final validation loss, in nats. <see cref="ToString"/> carries the
/// evidence. (The library's own, stricter measure over many settings is <see cref="FinderQuality"/>.)
/// </summary>
/// <param name="Rate">The suggested rate.</param>
/// <param name="AtSuggestion">The run trained at it.</param>
/// <param name="Sweep">The sweep it is compared with.</param>
/// <param name="MaxGap">Largest gap that counts as landing near the best, in nats; default 0.06.</param>
public sealed record FinderVsSweep(double Rate, History AtSuggestion, SweepResult<double> Sweep, double MaxGap = 0.06)
{
    /// <summary>Final validation loss at the suggestion − the sweep's best (nats; negative: the suggestion did better).</summary>
    public double Gap => AtSuggestion.FinalValidationLoss - Sweep.Best.History.FinalValidationLoss;

    /// <summary>The run did not diverge and the gap is at most <see cref="MaxGap"/>.</summary>
    public bool Holds => !AtSuggestion.Diverged && Gap <= MaxGap;

    /// <summary>"valley η = 2.1e-3 → final validation loss 0.52 (accuracy 81.2%); best grid point η = 3.2e-3 → 0.51 (…); gap +0.01 nats".</summary>
    public override string ToString()
    {
        var best = Sweep.Best;
        return $"suggested η = {Hyperparameters.Fmt(Rate)} → final validation loss {AtSuggestion.FinalValidationLoss:0.####} (accuracy {AtSuggestion.FinalValidationAccuracy:P1}); " +
            $"best grid point η = {Hyperparameters.Fmt(best.Value)} → {best.History.FinalValidationLoss:0.####} (accuracy {best.History.FinalValidationAccuracy:P1}); gap {Gap:+0.###;-0.###} nats (at most {MaxGap})";
    }
}
