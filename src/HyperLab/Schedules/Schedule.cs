using TorchSharp;
using TorchSharp.Modules;

namespace HyperLab.Schedules;

/// <summary>
/// How the learning rate changes during a run (lesson 01). A schedule is a description (an
/// immutable record, so it can sit in <see cref="Hyperparameters"/>); the training loop runs it as a
/// callback (<c>Training.ScheduleCallback</c>, first of all callbacks) that drives one optimizer through one run. The fixed plans
/// (step decay, cosine, warmup) are TorchSharp's <c>torch.optim.lr_scheduler</c> classes, stepped
/// after every update; reduce-on-plateau reacts after every epoch, on the course's
/// <see cref="Monitoring.MetricMonitor"/>. The rate the training loop
/// records for each step (<c>StepRecord.LearningRate</c>) is the rate that step used.
/// </summary>
/// <example><code>
/// var hp = baseline with { LearningRate = 3e-3, Schedule = Schedule.Cosine() };
/// double[] rates = Schedule.Cosine().Rates(peakRate: 3e-3, stepsPerEpoch: 50, epochs: 10);   // for a chart
/// </code></example>
public abstract record Schedule
{
    /// <summary>The rate stays at <see cref="Hyperparameters.LearningRate"/> for the whole run (the default).</summary>
    public static Schedule Constant { get; } = new ConstantSchedule();

    /// <summary>Step decay: the rate is multiplied by <paramref name="factor"/> every
    /// <paramref name="everyEpochs"/> epochs (TorchSharp's <c>StepLR</c>).</summary>
    /// <param name="everyEpochs">Epochs between drops; default null: a third of the run's epochs, rounded up, so a run has two or three drops.</param>
    /// <param name="factor">Multiplier at each drop, in (0, 1); default 0.1.</param>
    public static StepDecaySchedule StepDecay(int? everyEpochs = null, double factor = 0.1) => new() { EveryEpochs = everyEpochs, Factor = factor };

    /// <summary>Cosine annealing from the peak rate down to <paramref name="minFactor"/> × peak over
    /// the whole run (TorchSharp's <c>CosineAnnealingLR</c>).</summary>
    /// <param name="minFactor">The floor as a fraction of the peak, in [0, 1); default 0.</param>
    public static CosineSchedule Cosine(double minFactor = 0) => new() { MinFactor = minFactor };

    /// <summary>Linear warmup from <paramref name="startFactor"/> × peak to the peak over the first
    /// <paramref name="warmupFraction"/> of the updates, then cosine annealing to
    /// <paramref name="minFactor"/> × peak (one-cycle style; TorchSharp's <c>SequentialLR</c> of
    /// <c>LinearLR</c> and <c>CosineAnnealingLR</c>).</summary>
    /// <param name="warmupFraction">Share of all updates spent warming up, in (0, 1); default 0.1.</param>
    /// <param name="startFactor">First rate as a fraction of the peak, in (0, 1]; default 0.04 (1/25, as PyTorch's <c>OneCycleLR</c>).</param>
    /// <param name="minFactor">Final floor as a fraction of the peak, in [0, 1); default 0.</param>
    public static WarmupCosineSchedule WarmupCosine(double warmupFraction = 0.1, double startFactor = 0.04, double minFactor = 0) =>
        new() { WarmupFraction = warmupFraction, StartFactor = startFactor, MinFactor = minFactor };

    /// <summary>Reduce-on-plateau: after each epoch, if the validation loss has not improved for
    /// <paramref name="patience"/> epochs in a row, multiply the rate by <paramref name="factor"/>
    /// (patience counts as for early stopping: both use <see cref="Monitoring.MetricMonitor"/>).</summary>
    /// <param name="factor">Multiplier at each reduction, in (0, 1); default 0.1.</param>
    /// <param name="patience">Epochs in a row without improvement before the rate drops, at least 1; default 2.</param>
    public static ReduceOnPlateauSchedule ReduceOnPlateau(double factor = 0.1, int patience = 2) => new() { Factor = factor, Patience = patience };

    /// <summary>
    /// Starts this schedule on an optimizer whose parameter groups already hold the peak rate.
    /// </summary>
    /// <param name="optimizer">The optimizer whose rate the stepper sets.</param>
    /// <param name="stepsPerEpoch">Updates per epoch (ceil(N / batch)).</param>
    /// <param name="epochs">Epochs in the run's budget.</param>
    internal abstract RateStepper Attach(torch.optim.Optimizer optimizer, int stepsPerEpoch, int epochs);


    /// <summary>
    /// The rate of every update of a run, without training: drives a stand-in optimizer through
    /// <paramref name="epochs"/> × <paramref name="stepsPerEpoch"/> updates exactly as the training
    /// loop does, so the result equals the rates a real run records (for charts and checks).
    /// </summary>
    /// <param name="peakRate">The run's <see cref="Hyperparameters.LearningRate"/>.</param>
    /// <param name="stepsPerEpoch">Updates per epoch.</param>
    /// <param name="epochs">Epochs in the budget.</param>
    /// <param name="validationLosses">One validation loss per epoch, read only by reduce-on-plateau;
    /// default null (then reduce-on-plateau never reduces: it has nothing to watch).</param>
    /// <returns>Rate of update 1, 2, …, epochs × stepsPerEpoch.</returns>
    public double[] Rates(double peakRate, int stepsPerEpoch, int epochs, IReadOnlyList<double>? validationLosses = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerEpoch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        using var scope = torch.NewDisposeScope();
        var standIn = new Parameter(torch.zeros(1));
        using var optimizer = torch.optim.SGD(new[] { standIn }, peakRate);
        var controller = Attach(optimizer, stepsPerEpoch, epochs);
        var rates = new double[stepsPerEpoch * epochs];
        for (int e = 0, k = 0; e < epochs; e++)
        {
            for (int s = 0; s < stepsPerEpoch; s++, k++)
            {
                rates[k] = LearningRates.Of(optimizer);
                controller.StepEnded();
            }
            if (validationLosses is not null && e < validationLosses.Count) controller.EpochEnded(validationLosses[e]);
        }
        return rates;
    }

    /// <summary>A short name for logs and legends.</summary>
    public abstract override string ToString();
}

/// <summary>Drives one optimizer's learning rate through one run (inside <c>Training.ScheduleCallback</c> and
/// <see cref="Schedule.Rates"/>): <see cref="StepEnded"/> after every update, <see cref="EpochEnded"/> after every epoch.</summary>
internal abstract class RateStepper
{
    /// <summary>Called after each optimizer step.</summary>
    public virtual void StepEnded() { }

    /// <summary>Called after each epoch with that epoch's validation loss (for reduce-on-plateau).</summary>
    public virtual void EpochEnded(double validationLoss) { }
}

internal sealed record ConstantSchedule : Schedule
{
    internal override RateStepper Attach(torch.optim.Optimizer optimizer, int stepsPerEpoch, int epochs) => new Fixed();
    public override string ToString() => "constant";
    private sealed class Fixed : RateStepper { }
}
