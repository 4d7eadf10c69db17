namespace HyperLab.Training;

/// <summary>One optimizer update: its number (from 1), epoch, the mini-batch's loss and the
/// learning rate used.</summary>
public sealed record StepRecord(int Step, int Epoch, double Loss, double LearningRate);

/// <summary>One epoch's summary. Training loss and accuracy are the means over the epoch's
/// mini-batches (measured as the model learned, dropout on); validation metrics are measured after
/// the epoch, dropout off.</summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double TrainAccuracy,
    double ValidationLoss, double ValidationAccuracy, double Seconds, double LearningRate)
{
    /// <summary>"epoch 3: train loss 0.412 (acc 0.853), validation loss 0.455 (acc 0.838), 0.9 s".</summary>
    public override string ToString() =>
        $"epoch {Epoch}: train loss {TrainLoss:0.###} (acc {TrainAccuracy:0.###}), validation loss {ValidationLoss:0.###} (acc {ValidationAccuracy:0.###}), {Seconds:0.0} s";
}

/// <summary>Why a run ended.</summary>
public enum StopReason
{
    /// <summary>The run ended normally: every epoch of the budget ran, or <see cref="FitOptions.MaxSteps"/> was
    /// reached, or a callback ended it as done (<see cref="FitContext.Stop"/>, e.g. the learning-rate finder).</summary>
    Completed,
    /// <summary>Early stopping: the monitored metric stopped improving for <c>patience</c> epochs.</summary>
    EarlyStopped,
    /// <summary>The loss became NaN or infinite, or exploded; see <see cref="History.Divergence"/>.</summary>
    Diverged,
}

/// <summary>Where and how a run diverged (lesson 01): not an exception, a result to show.</summary>
/// <param name="Step">The update at which it was detected.</param>
/// <param name="Loss">The loss there (NaN, ∞, or the exploded value).</param>
/// <param name="Reason">In words.</param>
public sealed record Divergence(int Step, double Loss, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"diverged at step {Step}: {Reason}";
}

/// <summary>
/// Everything one training run measured (lesson 00 onward): per step loss and learning rate, per
/// epoch losses, accuracies and wall time, and how the run ended. Charts and diagnoses take a
/// history; <see cref="Hyperparameters"/> says what produced it.
/// </summary>
public sealed record History(
    string Label,
    Hyperparameters Hyperparameters,
    IReadOnlyList<StepRecord> Steps,
    IReadOnlyList<EpochRecord> Epochs,
    StopReason StopReason,
    Divergence? Divergence,
    int? RestoredEpoch,
    double Seconds)
{
    /// <summary>True when the loss became NaN/∞ or exploded.</summary>
    public bool Diverged => Divergence is not null;

    /// <summary>The epoch with the lowest validation loss (null when no epoch finished).</summary>
    public EpochRecord? BestEpoch => Epochs.Count == 0 ? null : Epochs.MinBy(e => e.ValidationLoss);

    /// <summary>The last finished epoch (null when none finished).</summary>
    public EpochRecord? LastEpoch => Epochs.Count == 0 ? null : Epochs[^1];

    /// <summary>The validation loss of the weights the run ended with: the restored best epoch's
    /// when early stopping restored weights, else the last epoch's; NaN when the run diverged and
    /// nothing was restored (the weights it ended with are the diverged ones, never measured).</summary>
    public double FinalValidationLoss => FinalEpoch?.ValidationLoss ?? double.NaN;

    /// <summary>The validation accuracy of the weights the run ended with (see <see cref="FinalValidationLoss"/>).</summary>
    public double FinalValidationAccuracy => FinalEpoch?.ValidationAccuracy ?? double.NaN;

    /// <summary>The epoch whose weights the run ended with: the restored one, else the last one; null
    /// when the run diverged without a restore (the weights then match no measured epoch).</summary>
    public EpochRecord? FinalEpoch => RestoredEpoch is int r ? Epochs[r - 1] : Diverged ? null : LastEpoch;

    /// <summary>The first epoch whose validation loss is at or below <paramref name="target"/>, or null if
    /// none (lesson 03: a lower learning rate needs more epochs to reach the same loss).</summary>
    public int? FirstEpochReaching(double target) => Epochs.FirstOrDefault(e => e.ValidationLoss <= target)?.Epoch;

    /// <summary>The run in one line without its label: "10 epoch(s), 80 steps, best validation loss 0.41 (acc 0.85) at epoch 7, 8.3 s".</summary>
    public string Summary
    {
        get
        {
            string end = StopReason switch
            {
                StopReason.Diverged => $", {Divergence}",
                StopReason.EarlyStopped => $", stopped early after epoch {Epochs.Count}{(RestoredEpoch is int r ? $", restored epoch {r}" : "")}",
                _ => "",
            };
            string best = BestEpoch is { } b ? $", best validation loss {b.ValidationLoss:0.####} (acc {b.ValidationAccuracy:0.###}) at epoch {b.Epoch}" : "";
            return $"{Epochs.Count} epoch(s), {Steps.Count} steps{best}{end}, {Seconds:0.0} s";
        }
    }

    /// <summary>"lr=1e-3 …: 10 epoch(s), 80 steps, best validation loss 0.41 (acc 0.85) at epoch 7, 8.3 s".</summary>
    public override string ToString() => $"{Label}: {Summary}";
}
