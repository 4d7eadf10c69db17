namespace HyperLab.Training;

/// <summary>
/// A hook into the one training loop (<see cref="Trainer"/>), in the style of fastai's <c>Callback</c>: override
/// the events you need. A callback may watch the run (live progress, a log), change it (set the learning rate
/// before a step) or end it (<see cref="FitContext.Stop"/>, a flag the loop reads after every step and every
/// epoch, not an exception). Early stopping, checkpointing, restoring the best epoch, learning-rate schedules,
/// the learning-rate finder's range test and live progress are all callbacks.
/// </summary>
/// <remarks>
/// <para><b>Order.</b> For every event the loop calls the callbacks by ascending <see cref="Order"/>, ties in the
/// order they were given. The built-in ones use <see cref="CallbackOrder"/>: the schedule (−10) first, then
/// callbacks with the default order 0 (yours, the finder's range test), then early stopping (10), best-weights
/// restore (20), checkpoint (30) and progress (100) last, so progress sees the epoch after the schedule stepped
/// and the history after the best weights were put back.</para>
/// <para><b>Events of one fit:</b> <see cref="BeforeFit"/>; per epoch <see cref="BeforeEpoch"/>, per mini-batch
/// <see cref="BeforeStep"/> → the update (<see cref="TrainStep"/>) → <see cref="AfterStep"/>; the validation
/// measurement, then <see cref="AfterEpoch"/>; <see cref="AfterFit"/> once at the end. A step whose loss diverged
/// ends the run without <see cref="AfterStep"/>; <see cref="AfterFit"/> is not called when the fit throws.</para>
/// <para><b>State.</b> One instance in <see cref="FitOptions.Callbacks"/> serves every fit made with those
/// options, one fit at a time: reset per-run state in <see cref="BeforeFit"/>.</para>
/// </remarks>
/// <example>A learner's own callback, logging the loss every 10 updates:
/// <code>
/// sealed class EveryTenth : Callback
/// {
///     public override void AfterStep(FitContext fit, StepOutcome step)
///     {
///         if (fit.Step % 10 == 0) Console.WriteLine($"step {fit.Step}: loss {step.Loss:0.###}");
///     }
/// }
/// Trainer.Fit(hp, data, new FitOptions { Callbacks = [new EveryTenth()] });
/// </code></example>
public abstract class Callback
{
    /// <summary>When this callback runs relative to the others (ascending; see <see cref="CallbackOrder"/>). Default 0.</summary>
    public virtual int Order => CallbackOrder.Default;

    /// <summary>The fit starts: the model, the optimizer (at the run's learning rate) and the data are ready.</summary>
    public virtual void BeforeFit(FitContext fit) { }

    /// <summary>Epoch <see cref="FitContext.Epoch"/> starts.</summary>
    public virtual void BeforeEpoch(FitContext fit) { }

    /// <summary>Update <see cref="FitContext.Step"/> + 1 is about to run: the place to set
    /// <see cref="FitContext.LearningRate"/> for it.</summary>
    public virtual void BeforeStep(FitContext fit) { }

    /// <summary>Update <see cref="FitContext.Step"/> ran (its record is the last of <see cref="FitContext.Steps"/>).</summary>
    /// <param name="fit">The run.</param>
    /// <param name="step">What the update measured.</param>
    public virtual void AfterStep(FitContext fit, StepOutcome step) { }

    /// <summary>An epoch ended and was measured on the validation set (its record is the last of <see cref="FitContext.Epochs"/>).</summary>
    /// <param name="fit">The run.</param>
    /// <param name="epoch">The epoch's record.</param>
    public virtual void AfterEpoch(FitContext fit, EpochRecord epoch) { }

    /// <summary>The run ended (completed, stopped or diverged). Callbacks before this one may have put earlier weights
    /// back (<see cref="FitContext.RestoredEpoch"/>); <see cref="FitContext.History"/> is the run's result.</summary>
    public virtual void AfterFit(FitContext fit) { }
}

/// <summary>The <see cref="Callback.Order"/> of the built-in callbacks: a callback of yours with the default order
/// (0) runs after the schedule and before early stopping, checkpointing and progress.</summary>
public static class CallbackOrder
{
    /// <summary>The learning-rate schedule (<see cref="Schedules.Schedule"/>): steps the rate first.</summary>
    public const int Schedule = -10;

    /// <summary>A callback that does not say (yours; the learning-rate finder's range test).</summary>
    public const int Default = 0;

    /// <summary>Early stopping: watches the metric and may stop the run.</summary>
    public const int EarlyStopping = 10;

    /// <summary>Keeps the best epoch's weights and puts them back at the end.</summary>
    public const int BestWeights = 20;

    /// <summary>Writes the best weights to a file during the fit.</summary>
    public const int Checkpoint = 30;

    /// <summary>Shows progress: sees every epoch and the final history last.</summary>
    public const int Progress = 100;
}
