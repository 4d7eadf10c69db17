using HyperLab.Training;

namespace HyperLab.Lessons.Lesson08;

/// <summary>
/// Which learning rate a run actually used (lesson 08: backpropagation does not learn hyperparameters):
/// the rate it was given, and at how many of its updates the optimizer held exactly that rate.
/// </summary>
/// <param name="Run">A run with a constant schedule.</param>
public sealed record RateUse(History Run)
{
    /// <summary>The rate in the run's hyperparameters.</summary>
    public double Chosen => Run.Hyperparameters.LearningRate;

    /// <summary>Updates the run made.</summary>
    public int Updates => Run.Steps.Count;

    /// <summary>Updates at which the optimizer's rate was exactly <see cref="Chosen"/>.</summary>
    public int UpdatesAtChosen => Run.Steps.Count(s => s.LearningRate == Chosen);

    /// <summary>True when every update used the chosen rate (and there was at least one).</summary>
    public bool Untouched => Updates > 0 && UpdatesAtChosen == Updates;

    /// <summary>"lr 1e-5: 150 of 150 updates at exactly 1e-5, final validation loss 2.21".</summary>
    public override string ToString() =>
        $"lr {Hyperparameters.Fmt(Chosen)}: {UpdatesAtChosen} of {Updates} updates at exactly {Hyperparameters.Fmt(Chosen)}, final validation loss {Run.FinalValidationLoss:0.###} (accuracy {Run.FinalValidationAccuracy:P1})";
}
