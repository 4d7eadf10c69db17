namespace HyperLab.Training;

/// <summary>What a run is about to do, given to observers when it starts.</summary>
/// <param name="Label">The run's label (legend text).</param>
/// <param name="Hyperparameters">Its settings.</param>
/// <param name="StepsPerEpoch">Updates per epoch.</param>
/// <param name="TrainCount">Training examples.</param>
public sealed record RunInfo(string Label, Hyperparameters Hyperparameters, int StepsPerEpoch, int TrainCount);

/// <summary>
/// Watches training runs, e.g. to draw live progress in a notebook. The training loop calls it; it
/// must not change the run. Set <see cref="Trainer.DefaultObserver"/> once (the notebook glue does)
/// or pass one in <see cref="FitOptions.Observer"/>.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>A run starts.</summary>
    void RunStarted(RunInfo run);

    /// <summary>An epoch finished.</summary>
    void EpochEnded(RunInfo run, EpochRecord epoch);

    /// <summary>The run ended (completed, stopped early or diverged).</summary>
    void RunEnded(RunInfo run, History history);

    /// <summary>An observer that shows nothing (for runs inside other tools, such as the finder).</summary>
    static ITrainingObserver None { get; } = new Silent();

    private sealed class Silent : ITrainingObserver
    {
        public void RunStarted(RunInfo run) { }
        public void EpochEnded(RunInfo run, EpochRecord epoch) { }
        public void RunEnded(RunInfo run, History history) { }
    }
}
