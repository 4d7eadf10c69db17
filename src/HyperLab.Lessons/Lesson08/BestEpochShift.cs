using HyperLab.Training;

namespace HyperLab.Lessons.Lesson08;

/// <summary>
/// The best epoch depends on the learning rate (lesson 08, "the right number of epochs is fixed"): at a lower rate the
/// validation minimum comes at least <see cref="Factor"/> times as late.
/// </summary>
/// <param name="Fast">The run at the higher rate.</param>
/// <param name="Slow">The run at the lower rate.</param>
/// <param name="Factor">How many times later at least. Default 2.</param>
public sealed record BestEpochShift(History Fast, History Slow, double Factor = 2)
{
    /// <summary>The higher rate's best epoch.</summary>
    public int FastBest => Fast.BestEpoch?.Epoch ?? 0;

    /// <summary>The lower rate's best epoch.</summary>
    public int SlowBest => Slow.BestEpoch?.Epoch ?? 0;

    /// <summary>Both runs finished an epoch and the slow best is at least <see cref="Factor"/> × the fast best.</summary>
    public bool Holds => FastBest > 0 && SlowBest >= Factor * FastBest;

    /// <summary>"best epoch 10 at lr 1e-3, 30 (the end of the budget) at lr 2e-4".</summary>
    public override string ToString() =>
        $"best epoch {FastBest} at lr {Hyperparameters.Fmt(Fast.Hyperparameters.LearningRate)}, {SlowBest}" +
        $"{(SlowBest == Slow.Hyperparameters.Epochs ? " (the end of the budget)" : "")} at lr {Hyperparameters.Fmt(Slow.Hyperparameters.LearningRate)}";
}
