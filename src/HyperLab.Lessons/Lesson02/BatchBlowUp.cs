using HyperLab.Claims;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson02;

/// <summary>
/// Lesson 02's "a tiny batch with a big rate blows up, where a moderate batch at the same rate learns": the tiny-batch
/// run diverged or collapsed to at most <see cref="MaxCollapsedAccuracy"/> validation accuracy, and the moderate one
/// did not diverge and reached at least <see cref="MinLearnedAccuracy"/>. A tiny-batch run that learned fails.
/// </summary>
/// <param name="Tiny">The tiny-batch run.</param>
/// <param name="Moderate">The moderate-batch run at the same rate.</param>
/// <param name="MaxCollapsedAccuracy">Accuracy that counts as collapsed; default 0.15 (chance is 0.10 on ten classes).</param>
/// <param name="MinLearnedAccuracy">Accuracy that counts as learned; default 0.5.</param>
public sealed record BatchBlowUp(History Tiny, History Moderate, double MaxCollapsedAccuracy = 0.15, double MinLearnedAccuracy = 0.5) : IEvidence
{
    /// <summary>The tiny batch diverged or collapsed.</summary>
    public bool TinyFailed => Tiny.Diverged || !(Tiny.FinalValidationAccuracy > MaxCollapsedAccuracy);

    /// <summary>The moderate batch learned.</summary>
    public bool ModerateLearned => !Moderate.Diverged && Moderate.FinalValidationAccuracy >= MinLearnedAccuracy;

    /// <inheritdoc/>
    public bool Holds => TinyFailed && ModerateLearned;

    /// <summary>What happened to each run, against the thresholds.</summary>
    public override string ToString()
    {
        string tiny = Tiny.Diverged
            ? $"diverged at update {Tiny.Divergence!.Step} ({Tiny.Divergence.Reason})"
            : $"mini-batch losses up to {Tiny.Steps.Max(s => s.Loss):0.#} nats (first update {Tiny.Steps[0].Loss:0.##}), validation accuracy {100 * Tiny.FinalValidationAccuracy:0}%";
        string moderate = Moderate.Diverged ? "diverged" : $"validation accuracy {100 * Moderate.FinalValidationAccuracy:0}%";
        return $"batch {Tiny.Hyperparameters.BatchSize}: {tiny}; batch {Moderate.Hyperparameters.BatchSize}: {moderate} " +
               $"(required: batch {Tiny.Hyperparameters.BatchSize} diverged or at most {MaxCollapsedAccuracy:P0}, batch {Moderate.Hyperparameters.BatchSize} at least {MinLearnedAccuracy:P0})" +
               (Holds ? "" : TinyFailed ? ": the moderate batch did not learn" : ": the tiny batch learned");
    }
}
