using HyperLab.Monitoring;
using HyperLab.Numerics;
using TorchSharp;
using static TorchSharp.torch.optim;

namespace HyperLab.Schedules;

/// <summary>
/// Step decay (lesson 01): the rate is multiplied by <see cref="Factor"/> every
/// <see cref="EveryEpochs"/> epochs. Update k of epoch e (both from 1) uses
/// peak × Factor^floor((e − 1) / EveryEpochs). Backed by TorchSharp's <c>StepLR</c>, stepped per update
/// with a period of EveryEpochs × stepsPerEpoch updates. Create with <see cref="Schedule.StepDecay"/>.
/// </summary>
public sealed record StepDecaySchedule : Schedule
{
    /// <summary>Epochs between drops; null (default) means a third of the run's epochs, rounded up. At least 1 when set.</summary>
    public int? EveryEpochs { get; init => field = value is null or >= 1 ? value : throw new HyperparameterException(nameof(EveryEpochs), value, "at least 1 epoch", "a third of the epochs"); }

    /// <summary>Multiplier at each drop, in (0, 1). Default 0.1.</summary>
    public double Factor { get; init => field = value is > 0 and < 1 ? value : throw new HyperparameterException(nameof(Factor), value, "in (0, 1)", "0.1"); } = 0.1;

    /// <summary>The period used for a run of <paramref name="epochs"/> epochs.</summary>
    public int PeriodFor(int epochs) => EveryEpochs ?? Math.Max(1, (int)Math.Ceiling(epochs / 3.0));

    /// <inheritdoc/>
    internal override RateStepper Attach(Optimizer optimizer, int stepsPerEpoch, int epochs) =>
        new SchedulerStepper(lr_scheduler.StepLR(optimizer, PeriodFor(epochs) * stepsPerEpoch, Factor), perStep: true);

    /// <inheritdoc/>
    public override string ToString() => $"step×{NumberText.Of(Factor)}/{(EveryEpochs is int n ? $"{n}ep" : "⅓run")}";
}

/// <summary>
/// Cosine annealing (lesson 01): over a run of T updates, update k (from 1) uses
/// min + (peak − min) · (1 + cos(π (k − 1) / T)) / 2, with min = <see cref="MinFactor"/> × peak: it starts
/// at the peak, falls slowly, then fast, then slowly again towards the floor. Backed by TorchSharp's
/// <c>CosineAnnealingLR</c> (T_max = T). Create with <see cref="Schedule.Cosine"/>.
/// </summary>
public sealed record CosineSchedule : Schedule
{
    /// <summary>The floor as a fraction of the peak, in [0, 1). Default 0.</summary>
    public double MinFactor { get; init => field = value is >= 0 and < 1 ? value : throw new HyperparameterException(nameof(MinFactor), value, "in [0, 1)", "0"); }

    /// <inheritdoc/>
    internal override RateStepper Attach(Optimizer optimizer, int stepsPerEpoch, int epochs)
    {
        double peak = LearningRates.Of(optimizer);
        return new SchedulerStepper(lr_scheduler.CosineAnnealingLR(optimizer, stepsPerEpoch * epochs, MinFactor * peak), perStep: true);
    }

    /// <inheritdoc/>
    public override string ToString() => MinFactor == 0 ? "cosine" : $"cosine→{NumberText.Of(MinFactor)}";
}

/// <summary>
/// Linear warmup then cosine (lesson 01, one-cycle style): with T updates and
/// W = max(1, round(<see cref="WarmupFraction"/> × T)) warmup updates, update k (from 1) uses
/// peak × (s + (1 − s)(k − 1)/W) for k ≤ W (s = <see cref="StartFactor"/>), then cosine annealing from the
/// peak at update W + 1 to <see cref="MinFactor"/> × peak over the remaining T − W updates. The small
/// start keeps the first, largest gradients from throwing the fresh network off. Backed by TorchSharp's
/// <c>SequentialLR</c> of <c>LinearLR</c> and <c>CosineAnnealingLR</c>. Create with <see cref="Schedule.WarmupCosine"/>.
/// </summary>
public sealed record WarmupCosineSchedule : Schedule
{
    /// <summary>Share of all updates spent warming up, in (0, 1). Default 0.1.</summary>
    public double WarmupFraction { get; init => field = value is > 0 and < 1 ? value : throw new HyperparameterException(nameof(WarmupFraction), value, "in (0, 1)", "0.1"); } = 0.1;

    /// <summary>First rate as a fraction of the peak, in (0, 1]. Default 0.04 (1/25, like PyTorch's OneCycleLR).</summary>
    public double StartFactor { get; init => field = value is > 0 and <= 1 ? value : throw new HyperparameterException(nameof(StartFactor), value, "in (0, 1]", "0.04"); } = 0.04;

    /// <summary>Final floor as a fraction of the peak, in [0, 1). Default 0.</summary>
    public double MinFactor { get; init => field = value is >= 0 and < 1 ? value : throw new HyperparameterException(nameof(MinFactor), value, "in [0, 1)", "0"); }

    /// <summary>Warmup updates W for a run of <paramref name="totalSteps"/> updates (at most T − 1).</summary>
    public int WarmupSteps(int totalSteps) => Math.Clamp((int)Math.Round(WarmupFraction * totalSteps), 1, Math.Max(1, totalSteps - 1));

    /// <inheritdoc/>
    internal override RateStepper Attach(Optimizer optimizer, int stepsPerEpoch, int epochs)
    {
        int total = stepsPerEpoch * epochs;
        if (total < 2) return new SchedulerStepper(null, perStep: true);   // one update: nothing to schedule
        int warmup = WarmupSteps(total);
        double peak = LearningRates.Of(optimizer);
        var rise = lr_scheduler.LinearLR(optimizer, StartFactor, 1.0, warmup);
        var fall = lr_scheduler.CosineAnnealingLR(optimizer, total - warmup, MinFactor * peak);
        return new SchedulerStepper(lr_scheduler.SequentialLR(optimizer, new[] { rise, fall }, new[] { warmup }), perStep: true);
    }

    /// <inheritdoc/>
    public override string ToString() => $"warmup{WarmupFraction:0%}+cosine";
}

/// <summary>
/// Reduce-on-plateau (lesson 01): after each epoch the validation loss goes to the same
/// <see cref="MetricMonitor"/> that early stopping uses (lesson 03); when it has not improved for
/// <see cref="Patience"/> epochs in a row, the rate is multiplied by <see cref="Factor"/> and the count
/// starts again. "Patience" therefore means what it means for early stopping. Unlike the other
/// schedules it reacts to the run rather than following a fixed plan. Create with
/// <see cref="Schedule.ReduceOnPlateau"/>.
/// </summary>
public sealed record ReduceOnPlateauSchedule : Schedule
{
    /// <summary>Multiplier at each reduction, in (0, 1). Default 0.1.</summary>
    public double Factor { get; init => field = value is > 0 and < 1 ? value : throw new HyperparameterException(nameof(Factor), value, "in (0, 1)", "0.1"); } = 0.1;

    /// <summary>Epochs in a row without a better validation loss before the rate drops, as for early stopping. At least 1. Default 2.</summary>
    public int Patience { get; init => field = value >= 1 ? value : throw new HyperparameterException(nameof(Patience), value, "a whole number of epochs, at least 1", "2"); } = 2;

    /// <inheritdoc/>
    internal override RateStepper Attach(Optimizer optimizer, int stepsPerEpoch, int epochs) => new PlateauStepper(optimizer, this);

    /// <inheritdoc/>
    public override string ToString() => $"plateau×{NumberText.Of(Factor)}/p{Patience}";

    private sealed class PlateauStepper(Optimizer optimizer, ReduceOnPlateauSchedule rule) : RateStepper
    {
        private readonly MetricMonitor monitor = new(rule.Patience, minDelta: 0, higherIsBetter: false);
        private int epoch;

        public override void EpochEnded(double validationLoss)
        {
            if (!monitor.Observe(++epoch, validationLoss).PatienceRanOut) return;
            LearningRates.Set(optimizer, LearningRates.Of(optimizer) * rule.Factor);
            monitor.ResetWait();
        }
    }
}

/// <summary>Steps a TorchSharp scheduler: after every update (<paramref name="perStep"/>), or after
/// every epoch with the validation loss (reduce-on-plateau).</summary>
internal sealed class SchedulerStepper(lr_scheduler.LRScheduler? scheduler, bool perStep) : RateStepper
{
    public override void StepEnded()
    {
        if (perStep) scheduler?.step();
    }

    public override void EpochEnded(double validationLoss)
    {
        if (!perStep && double.IsFinite(validationLoss)) scheduler?.step(validationLoss);
    }
}
