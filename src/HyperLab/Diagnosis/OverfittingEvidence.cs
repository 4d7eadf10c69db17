using HyperLab.Training;

namespace HyperLab.Diagnosis;

/// <summary>
/// Lesson 04's overfitting check, as one result: <see cref="FitDiagnosis"/> reads the run as overfitting,
/// and the last epoch shows it plainly: validation loss more than <see cref="MinLossRatio"/> × the training
/// loss, and training accuracy more than <see cref="MinAccuracyGap"/> above validation accuracy.
/// <see cref="ToString"/> carries the evidence.
/// </summary>
/// <param name="Diagnosis">The diagnosis of the run.</param>
/// <param name="Last">The run's last epoch.</param>
/// <param name="Parameters">The network's parameter count (for the evidence).</param>
public sealed record OverfittingEvidence(FitReport Diagnosis, EpochRecord Last, long Parameters)
{
    /// <summary>Validation loss must exceed this multiple of the training loss: 2.</summary>
    public const double MinLossRatio = 2;

    /// <summary>Training accuracy must exceed validation accuracy by more than this: 0.1 (10 points).</summary>
    public const double MinAccuracyGap = 0.1;

    /// <summary>Diagnoses a finished run (lesson 04: 8 × 256 on 300 noisy digits).</summary>
    public static OverfittingEvidence Of(TrainingResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var last = run.History.LastEpoch ?? throw new ArgumentException("The run has no finished epoch to judge.", nameof(run));
        return new OverfittingEvidence(FitDiagnosis.Of(run.History), last, run.Model.TotalParameters);
    }

    /// <summary>Final validation loss / final training loss.</summary>
    public double LossRatio => Last.ValidationLoss / Last.TrainLoss;

    /// <summary>Final training accuracy − validation accuracy.</summary>
    public double AccuracyGap => Last.TrainAccuracy - Last.ValidationAccuracy;

    /// <summary>Overfitting diagnosed, and both gaps above their thresholds.</summary>
    public bool Holds => Diagnosis.Verdict == FitVerdict.Overfitting && LossRatio > MinLossRatio && AccuracyGap > MinAccuracyGap;

    /// <summary>The diagnosis with its evidence, both gaps against their thresholds, and the parameter count.</summary>
    public override string ToString() =>
        $"{Diagnosis.Finding}: {Diagnosis.Evidence}; final validation loss {LossRatio:0.0}× the training loss (threshold {MinLossRatio}×); " +
        $"training accuracy {Last.TrainAccuracy:P1}, validation accuracy {Last.ValidationAccuracy:P1}; {Parameters:N0} parameters";
}
