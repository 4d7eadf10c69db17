using HyperLab.Numerics;
using TorchSharp;
using static TorchSharp.torch.optim;

namespace HyperLab.Schedules;

/// <summary>
/// Linear warmup, then the peak rate held constant (lesson 02, for the scaling rules of <c>BatchSizes.RateScaling</c>):
/// over the first W = max(1, round(<see cref="Epochs"/> × updates per epoch)) updates the rate climbs in a straight
/// line from <see cref="StartFactor"/> × peak towards the peak (<see cref="Hyperparameters.LearningRate"/>), as
/// Goyal et al. (2017) do before training large batches at a linearly scaled rate. Update k (from 1) uses
/// peak × (s + (1 − s)(k − 1)/W) for k ≤ W and the peak from update W + 1 on (s = StartFactor). Backed by
/// TorchSharp's <c>LinearLR</c>. Unlike <see cref="WarmupCosineSchedule"/>, the rate stays at the peak after the warmup.
/// </summary>
public sealed record LinearWarmup : Schedule
{
    /// <summary>Creates a warmup of <paramref name="epochs"/> epochs starting at <paramref name="startFactor"/> × peak.</summary>
    /// <param name="epochs">Length in epochs (fractions allowed). Valid: (0, 1000]. Goyal et al. used 5.</param>
    /// <param name="startFactor">First rate as a share of the peak. Valid: (0, 1]. Default 0.1;
    /// <c>RateScaling.Apply</c> uses reference rate / scaled rate, so the climb starts at the rate known to work.</param>
    public LinearWarmup(double epochs, double startFactor = 0.1)
    {
        Epochs = epochs;
        StartFactor = startFactor;
    }

    /// <summary>Length of the warmup in epochs. Valid: (0, 1000].</summary>
    public double Epochs { get; init => field = value is > 0 and <= 1000 ? value : throw new HyperparameterException(nameof(Epochs), value, "in (0, 1000] epochs", "1 to 5 epochs"); }

    /// <summary>First rate as a share of the peak. Valid: (0, 1].</summary>
    public double StartFactor { get; init => field = value is > 0 and <= 1 ? value : throw new HyperparameterException(nameof(StartFactor), value, "in (0, 1]", "0.1, or reference rate / scaled rate"); }

    /// <summary>Warmup length W in updates for a run with <paramref name="stepsPerEpoch"/> updates per epoch.</summary>
    public int WarmupSteps(int stepsPerEpoch) => Math.Max(1, (int)Math.Round(Epochs * Math.Max(1, stepsPerEpoch)));

    /// <inheritdoc/>
    internal override RateStepper Attach(Optimizer optimizer, int stepsPerEpoch, int epochs) =>
        new SchedulerStepper(lr_scheduler.LinearLR(optimizer, StartFactor, 1.0, WarmupSteps(stepsPerEpoch)), perStep: true);

    /// <inheritdoc/>
    public override string ToString() => $"warmup {NumberText.Of(Epochs)} ep from {NumberText.Of(StartFactor)}×";
}
