using HyperLab.Claims;
using HyperLab.Training;

namespace HyperLab.Diagnosis;

/// <summary>
/// Where a run's validation minimum lies (lesson 03): strictly inside the run (<see cref="MinimumInside"/>: the run
/// went past its best), or at the last epoch (<see cref="StillImproving"/>: the budget ended before the minimum).
/// </summary>
public static class ValidationCurve
{
    /// <summary>The validation minimum lies after the first and before the last epoch.</summary>
    public static Verdict MinimumInside(History history)
    {
        var (best, count) = BestOf(history);
        return new Verdict(best.Epoch > 1 && best.Epoch < count,
            $"lowest validation loss {best.ValidationLoss:0.###} at epoch {best.Epoch} of {count}" +
            (best.Epoch == count ? ": at the last epoch, still improving" : best.Epoch == 1 ? ": at the first epoch" : ""));
    }

    /// <summary>The validation minimum is the last epoch: the run was still improving when it ended.</summary>
    public static Verdict StillImproving(History history)
    {
        var (best, count) = BestOf(history);
        var tail = history.Epochs.TakeLast(3).Select(e => e.ValidationLoss.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
        return new Verdict(best.Epoch == count,
            $"lowest validation loss at epoch {best.Epoch} of {count}{(best.Epoch == count ? " (the last)" : ", before the end")}; last epochs: {string.Join(" → ", tail)}");
    }

    private static (EpochRecord Best, int Count) BestOf(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var best = history.BestEpoch ?? throw new ArgumentException("The run finished no epoch.", nameof(history));
        return (best, history.Epochs.Count);
    }
}

/// <summary>
/// Overfitting seen in the curves (lesson 03): after the validation minimum, training loss keeps falling (to below
/// <see cref="MaxTrainShare"/> of its value at the minimum) while validation loss rises (above
/// <see cref="MinValidationRise"/> × the minimum), optionally with the minimum no later than <see cref="LatestBest"/>.
/// A run that merely plateaus, or whose validation keeps falling, fails.
/// </summary>
/// <param name="Best">The epoch of lowest validation loss.</param>
/// <param name="Last">The last epoch.</param>
/// <param name="MaxTrainShare">Training loss at the end must be below this share of its value at the minimum.</param>
/// <param name="MinValidationRise">Validation loss at the end must exceed this multiple of the minimum.</param>
/// <param name="LatestBest">The minimum must come no later than this epoch (null: anywhere).</param>
public sealed record OverfitAfterMinimum(EpochRecord Best, EpochRecord Last, double MaxTrainShare, double MinValidationRise, int? LatestBest = null) : IEvidence
{
    /// <summary>Reads a finished run.</summary>
    public static OverfitAfterMinimum Of(History history, double maxTrainShare = 0.5, double minValidationRise = 1.2, int? latestBest = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var best = history.BestEpoch ?? throw new ArgumentException("The run finished no epoch.", nameof(history));
        return new(best, history.LastEpoch!, maxTrainShare, minValidationRise, latestBest);
    }

    /// <inheritdoc/>
    public bool Holds => Last.TrainLoss < MaxTrainShare * Best.TrainLoss && Last.ValidationLoss > MinValidationRise * Best.ValidationLoss
        && (LatestBest is null || Best.Epoch <= LatestBest);

    /// <summary>"epoch 8 → 40: training loss 0.593 → 0.004 (0.7 % of it; required below 50 %), validation loss 0.516 → 1.006 (+95 %; required above +20 %)".</summary>
    public override string ToString() =>
        $"epoch {Best.Epoch} → {Last.Epoch}: training loss {Best.TrainLoss:0.###} → {Last.TrainLoss:0.###} ({Last.TrainLoss / Best.TrainLoss:P1} of it; required below {MaxTrainShare:P0}), " +
        $"validation loss {Best.ValidationLoss:0.###} → {Last.ValidationLoss:0.###} ({Last.ValidationLoss / Best.ValidationLoss - 1:+0%;-0%}; required above {MinValidationRise - 1:+0%})" +
        (LatestBest is int l ? $"; minimum at epoch {Best.Epoch} (required by epoch {l})" : "") + (Holds ? "" : ": not overfitting by these measures");
}

/// <summary>
/// Memorized label noise (lesson 03): of the training examples whose label was deliberately made wrong, the share the
/// model now predicts with that wrong label. Holds above <see cref="MinShare"/>; a model that learned the true
/// pattern and ignored the noise fails.
/// </summary>
/// <param name="Learned">Wrong-label examples predicted with their wrong label.</param>
/// <param name="WrongLabels">Examples with a wrong label.</param>
/// <param name="MinShare">Required share; default 0.8.</param>
public sealed record Memorization(int Learned, int WrongLabels, double MinShare = 0.8) : IEvidence
{
    /// <inheritdoc/>
    public bool Holds => WrongLabels > 0 && Learned > MinShare * WrongLabels;

    /// <summary>"60 of the 60 training examples with a wrong label are predicted with that wrong label (required more than 80 %)".</summary>
    public override string ToString() =>
        $"{Learned} of the {WrongLabels} training examples with a wrong label are predicted with that wrong label (required more than {MinShare:P0})";
}
