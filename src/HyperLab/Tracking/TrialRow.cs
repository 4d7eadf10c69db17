namespace HyperLab.Tracking;

/// <summary>
/// One row of the table of trials (lesson 07): the knobs a search usually varies and the result,
/// flat, so a notebook displays a list of rows as a table.
/// </summary>
public sealed record TrialRow(int Rank, string Experiment, int Trial, double LearningRate, int BatchSize, int Depth, int Width,
    double WeightDecay, double Dropout, int Epochs, double ValidationLoss, double ValidationAccuracy, string Status, double Seconds)
{
    /// <summary>Rows for <paramref name="records"/>, best (lowest) final validation loss first, diverged trials last; at most <paramref name="top"/>.</summary>
    public static IReadOnlyList<TrialRow> Ranked(IEnumerable<TrialRecord> records, int top = int.MaxValue) =>
        records.OrderBy(r => double.IsFinite(r.FinalValidationLoss) ? r.FinalValidationLoss : double.PositiveInfinity)
            .Take(top)
            .Select((r, i) => new TrialRow(i + 1, r.Experiment, r.Trial, r.Hyperparameters.LearningRate, r.Hyperparameters.BatchSize,
                r.Hyperparameters.Depth, r.Hyperparameters.Width, r.Hyperparameters.WeightDecay, r.Hyperparameters.Dropout,
                r.Epochs.Count, Math.Round(r.FinalValidationLoss, 4), Math.Round(r.FinalValidationAccuracy, 4), r.Status.ToString(), Math.Round(r.Seconds, 1)))
            .ToList();

    /// <inheritdoc/>
    public override string ToString() =>
        $"#{Rank} {Experiment}/{Trial}: lr {Hyperparameters.Fmt(LearningRate)}, batch {BatchSize}, {Depth}×{Width}, wd {Hyperparameters.Fmt(WeightDecay)}, dropout {Hyperparameters.Fmt(Dropout)}, " +
        $"{Epochs} epochs → validation loss {ValidationLoss:0.####} (accuracy {ValidationAccuracy:0.###}), {Status}";
}
