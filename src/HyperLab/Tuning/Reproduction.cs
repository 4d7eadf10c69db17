using HyperLab.Tracking;
using HyperLab.Training;

namespace HyperLab.Tuning;

/// <summary>
/// Runs a logged trial again from its record alone (lesson 07): the hyperparameters, the seed and
/// the data (name, hash and split) come from the record; nothing else is needed.
/// </summary>
public static class Reproduction
{
    /// <summary>Trains the trial of <paramref name="record"/> again and compares its per-epoch losses with the logged ones.</summary>
    public static ReproductionResult Rerun(TrialRecord record, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var missing = new List<string>();
        if (record.Data is null) missing.Add("Data (the data set's name, SHA-256 and split)");
        if (record.Environment is null) missing.Add("Environment (library version, git commit, cores)");
        if (missing.Count > 0)
            throw new IncompleteTrialRecordException(record, missing);
        var hp = record.Hyperparameters.ToHyperparameters();
        using var run = Trainer.Fit(hp, record.Data!.Load(), (options ?? new FitOptions()) with { Label = $"rerun of {record.Experiment} #{record.Trial}" });
        return new ReproductionResult(record, run.History);
    }
}

/// <summary>A rerun next to its record (lesson 07).</summary>
public sealed record ReproductionResult(TrialRecord Original, History Rerun)
{
    /// <summary>Epochs whose training and validation losses were compared.</summary>
    public int EpochsCompared => Math.Min(Original.Epochs.Count, Rerun.Epochs.Count);

    /// <summary>At least one epoch, the same number of epochs, and every epoch's training and
    /// validation loss equal to the last bit. A trial without a finished epoch (diverged in its
    /// first epoch) has nothing to compare and is never reported identical.</summary>
    public bool BitIdentical => Original.Epochs.Count > 0 && Original.Epochs.Count == Rerun.Epochs.Count && Enumerable.Range(0, EpochsCompared).All(i =>
        Same(Original.Epochs[i].TrainLoss, Rerun.Epochs[i].TrainLoss) && Same(Original.Epochs[i].ValidationLoss, Rerun.Epochs[i].ValidationLoss));

    /// <summary>Largest absolute difference between a logged and a rerun per-epoch loss.</summary>
    public double LargestDifference => Enumerable.Range(0, EpochsCompared).Select(i => Math.Max(
        Math.Abs(Original.Epochs[i].TrainLoss - Rerun.Epochs[i].TrainLoss), Math.Abs(Original.Epochs[i].ValidationLoss - Rerun.Epochs[i].ValidationLoss))).DefaultIfEmpty(double.NaN).Max();

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Original.Experiment} #{Original.Trial} rerun from its log line: {Rerun.Epochs.Count} epoch(s) (logged {Original.Epochs.Count}); " +
        (BitIdentical ? $"all {2 * EpochsCompared} per-epoch losses bit-identical" : $"per-epoch losses differ by up to {LargestDifference:0.###e0}") +
        $"; final validation loss {Rerun.FinalValidationLoss:0.######} (logged {Original.FinalValidationLoss:0.######})";
}

/// <summary>A trial record that lacks what a rerun needs (lesson 07): written by an older version of the log, or by hand.</summary>
public sealed class IncompleteTrialRecordException(TrialRecord record, IReadOnlyList<string> missing) : InvalidOperationException(
    $"{record.Experiment} #{record.Trial} cannot be rerun from its log line: it has no {string.Join(" and no ", missing)}. " +
    "It was written by an older version of the experiment log. Rerun the trial by hand from its hyperparameters " +
    "(record.Hyperparameters.ToHyperparameters()) on the data it used, and log it again: the new line will be complete.")
{
    /// <summary>The fields the record lacks.</summary>
    public IReadOnlyList<string> Missing { get; } = missing;
}
