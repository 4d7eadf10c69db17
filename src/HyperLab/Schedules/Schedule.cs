using TorchSharp;

namespace HyperLab.Schedules;

/// <summary>
/// How the learning rate changes during a run (lesson 01). A schedule is a description (an
/// immutable record, so it can sit in <see cref="Hyperparameters"/>); <see cref="Attach"/> turns it
/// into a <see cref="RateController"/> that drives one optimizer through one run.
/// </summary>
public abstract record Schedule
{
    /// <summary>The rate stays at <see cref="Hyperparameters.LearningRate"/> for the whole run.</summary>
    public static Schedule Constant { get; } = new ConstantSchedule();

    /// <summary>
    /// Starts this schedule on an optimizer whose parameter groups already hold the peak rate.
    /// </summary>
    /// <param name="optimizer">The optimizer whose rate the controller sets.</param>
    /// <param name="stepsPerEpoch">Updates per epoch (ceil(N / batch)).</param>
    /// <param name="epochs">Epochs in the run's budget.</param>
    public abstract RateController Attach(torch.optim.Optimizer optimizer, int stepsPerEpoch, int epochs);

    /// <summary>A short name for logs and legends.</summary>
    public abstract override string ToString();
}

/// <summary>Drives one optimizer's learning rate through one run. The training loop calls
/// <see cref="StepEnded"/> after every update and <see cref="EpochEnded"/> after every epoch.</summary>
public abstract class RateController
{
    /// <summary>Called after each optimizer step.</summary>
    public virtual void StepEnded() { }

    /// <summary>Called after each epoch with that epoch's validation loss (for reduce-on-plateau).</summary>
    public virtual void EpochEnded(double validationLoss) { }
}

internal sealed record ConstantSchedule : Schedule
{
    public override RateController Attach(torch.optim.Optimizer optimizer, int stepsPerEpoch, int epochs) => new Fixed();
    public override string ToString() => "constant";
    private sealed class Fixed : RateController { }
}
