using HyperLab.Schedules;

namespace HyperLab.Training;

/// <summary>
/// A learning-rate <see cref="Schedule"/> on the training loop (lesson 01): attached to the run's optimizer in
/// <see cref="BeforeFit"/>, stepped after every update and, for reduce-on-plateau, after every epoch with its
/// validation loss. It runs first (<see cref="CallbackOrder.Schedule"/>), so every later callback (progress
/// included) sees the rate the schedule set. <see cref="Trainer"/> adds one for <see cref="Hyperparameters.Schedule"/>.
/// </summary>
/// <param name="schedule">The plan the rate follows.</param>
public sealed class ScheduleCallback(Schedule schedule) : Callback
{
    private RateStepper? stepper;

    /// <summary>The plan the rate follows.</summary>
    public Schedule Schedule { get; } = schedule ?? throw new ArgumentNullException(nameof(schedule));

    /// <inheritdoc/>
    public override int Order => CallbackOrder.Schedule;

    /// <inheritdoc/>
    public override void BeforeFit(FitContext fit) =>
        stepper = Schedule.Attach(fit.Optimizer, fit.Run.StepsPerEpoch, fit.Hyperparameters.Epochs);

    /// <inheritdoc/>
    public override void AfterStep(FitContext fit, StepOutcome step) => stepper!.StepEnded();

    /// <inheritdoc/>
    public override void AfterEpoch(FitContext fit, EpochRecord epoch) => stepper!.EpochEnded(epoch.ValidationLoss);
}
