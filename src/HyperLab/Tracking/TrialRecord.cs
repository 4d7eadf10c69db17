using HyperLab.Training;

namespace HyperLab.Tracking;

/// <summary>How a trial ended (lesson 07).</summary>
public enum TrialStatus
{
    /// <summary>Trained every epoch of its budget.</summary>
    Completed,
    /// <summary>Stopped by early stopping.</summary>
    EarlyStopped,
    /// <summary>The loss became NaN, infinite or exploded: a result, not an error.</summary>
    Diverged,
}

/// <summary>
/// One line of an experiment log (lesson 07): everything needed to compare a trial with the
/// others and to run it again. Hyperparameters, per-epoch metrics, final validation metrics,
/// the data (name, SHA-256, split), the seed, the code and machine, the duration and how it ended.
/// </summary>
/// <param name="Experiment">Name of the search or step this trial belongs to, e.g. "quasi-random".</param>
/// <param name="Trial">Number of the trial within its experiment, from 1.</param>
/// <param name="Hyperparameters">The settings, in loggable form.</param>
/// <param name="Data">The data and its split.</param>
/// <param name="Epochs">Per-epoch metrics.</param>
/// <param name="FinalValidationLoss">Validation loss of the model the trial ended with (the restored epoch after early stopping); NaN if it diverged before an epoch ended.</param>
/// <param name="FinalValidationAccuracy">Validation accuracy of that model.</param>
/// <param name="Status">Completed, early-stopped or diverged.</param>
/// <param name="Environment">Library version, git commit, cores, OS.</param>
/// <param name="Seconds">Wall-clock duration of the fit.</param>
/// <param name="StartedUtc">When the trial started.</param>
/// <param name="Study">The study (one run of a notebook) the trial belongs to; null for records written before studies existed.</param>
/// <param name="Schema">The log schema version the line was written with (<see cref="LogSchema.Version"/>); 1 for lines without one.</param>
/// <remarks><paramref name="Data"/> and <paramref name="Environment"/> are null only in records of older logs that lacked them;
/// such a trial can be listed but not rerun (<c>Reproduction.Rerun</c> says what is missing).</remarks>
public sealed record TrialRecord(string Experiment, int Trial, HyperparameterRecord Hyperparameters, DataRecord? Data,
    IReadOnlyList<EpochRecord> Epochs, double FinalValidationLoss, double FinalValidationAccuracy, TrialStatus Status,
    RunEnvironment? Environment, double Seconds, DateTime StartedUtc, string? Study = null, int Schema = 1)
{
    /// <summary>The line's kind: "trial".</summary>
    public string Kind => "trial";

    /// <summary>The seed of the run (weights, batch order, dropout, augmentation).</summary>
    public int Seed => Hyperparameters.Seed;

    /// <summary>The record of a finished fit.</summary>
    public static TrialRecord Of(string experiment, int trial, History history, DataRecord data, DateTime startedUtc, string? study = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var status = history.StopReason switch
        {
            StopReason.Diverged => TrialStatus.Diverged,
            StopReason.EarlyStopped => TrialStatus.EarlyStopped,
            _ => TrialStatus.Completed,
        };
        return new TrialRecord(experiment, trial, HyperparameterRecord.From(history.Hyperparameters), data, history.Epochs.ToList(),
            history.FinalValidationLoss, history.FinalValidationAccuracy, status, RunEnvironment.Current, history.Seconds, startedUtc, study, LogSchema.Version);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Experiment} #{Trial}: {Hyperparameters.ToHyperparameters()} → " +
        (Status == TrialStatus.Diverged ? "diverged" : $"validation loss {FinalValidationLoss:0.####} (accuracy {FinalValidationAccuracy:0.###})") +
        $", {Epochs.Count} epoch(s), {Status}, {Seconds:0.0} s";
}
