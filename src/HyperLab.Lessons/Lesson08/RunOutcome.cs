using HyperLab.Data;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson08;

/// <summary>
/// How a run ended, in one line (lesson 08): its final validation loss and accuracy, or where it
/// diverged. A diverged run counts as infinitely bad in <see cref="Loss"/>, so comparisons stay honest.
/// </summary>
/// <param name="Run">The run.</param>
public sealed record RunOutcome(History Run)
{
    /// <summary>Final validation loss (nats); +∞ when the run diverged or never finished an epoch.</summary>
    public double Loss => Run.Diverged || !double.IsFinite(Run.FinalValidationLoss) ? double.PositiveInfinity : Run.FinalValidationLoss;

    /// <summary>Final validation accuracy; 0 when the run diverged.</summary>
    public double Accuracy => Run.Diverged ? 0 : Run.FinalValidationAccuracy;

    /// <summary>The learning rate the run was given.</summary>
    public double Rate => Run.Hyperparameters.LearningRate;

    /// <summary>"lr 2e-3: final validation loss 0.145 (accuracy 97.1%)" or "lr 0.84: diverged at step 12 (…)".</summary>
    public override string ToString() => Run.Diverged
        ? $"{Run.Label}: {Run.Divergence}"
        : $"{Run.Label}: final validation loss {Run.FinalValidationLoss:0.###} (accuracy {Run.FinalValidationAccuracy:P1})";
}

/// <summary>A trained model scored on the data it learned from and on fresh data it never saw (lesson 08).
/// Both losses are measured the same way, dropout off.</summary>
/// <param name="Label">Which model.</param>
/// <param name="TrainLoss">Mean loss on its own training set (nats), dropout off.</param>
/// <param name="FreshLoss">Mean loss on the fresh data (nats).</param>
/// <param name="FreshAccuracy">Accuracy on the fresh data.</param>
public sealed record FreshScore(string Label, double TrainLoss, double FreshLoss, double FreshAccuracy)
{
    /// <summary>Scores <paramref name="run"/>'s model (the weights it ended with, restored best ones included).</summary>
    /// <param name="run">A finished fit.</param>
    /// <param name="data">Its training set is scored as "training"; its <see cref="DataSplits.Test"/> as fresh data.</param>
    /// <param name="label">Name for the evidence; default the run's label.</param>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no test set to serve as fresh data.</exception>
    public static FreshScore Of(TrainingResult run, DataSplits data, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(data);
        var fresh = data.Test ?? throw new ArgumentException("Fresh data is the splits' Test set; this DataSplits has none.", nameof(data));
        var (trainLoss, _) = Evaluation.Measure(run.Model, data.Train);
        var (freshLoss, freshAccuracy) = Evaluation.Measure(run.Model, fresh);
        return new FreshScore(label ?? run.History.Label, trainLoss, freshLoss, freshAccuracy);
    }

    /// <summary>True when this model is better on fresh data than <paramref name="other"/> in both loss and accuracy.</summary>
    public bool BeatsOnFreshData(FreshScore other) => FreshLoss < other.FreshLoss && FreshAccuracy > other.FreshAccuracy;

    /// <summary>"early stopping: training loss 0.41, fresh loss 0.56, fresh accuracy 88.8%".</summary>
    public override string ToString() => $"{Label}: training loss {TrainLoss:0.###}, fresh loss {FreshLoss:0.###}, fresh accuracy {FreshAccuracy:P1}";
}
