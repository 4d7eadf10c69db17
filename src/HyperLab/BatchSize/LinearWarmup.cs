using HyperLab.Schedules;
using HyperLab.Training;
using TorchSharp;

namespace HyperLab.BatchSize;

/// <summary>
/// Linear warmup, then the peak rate held constant (lesson 02, with the scaling rules of <see cref="RateScaling"/>):
/// the rate climbs in a straight line from <see cref="StartFactor"/> × peak to the peak
/// (<see cref="Hyperparameters.LearningRate"/>) over the first <see cref="Epochs"/> epochs, as Goyal et al. (2017)
/// do before training large batches at a linearly scaled rate. Update s (from 1) of a warmup of W updates uses
/// peak × (StartFactor + (1 − StartFactor) × s / W). Written here because the Schedules folder had no linear warmup
/// when lesson 02 was built; a schedule with warmup from that folder works with <see cref="RateScaling"/> just as well.
/// </summary>
/// <param name="Epochs">Length of the warmup in epochs (fractions allowed), converted to round(Epochs × updates per epoch) updates, at least 1. Valid: (0, 1000].</param>
/// <param name="StartFactor">Where the climb starts, as a share of the peak, in [0, 1). Default 0; <see cref="RateScaling.Apply"/> starts at the reference rate.</param>
public sealed record LinearWarmup(double Epochs, double StartFactor = 0) : Schedule
{
    /// <summary>Length of the warmup in epochs. Valid: (0, 1000].</summary>
    public double Epochs { get; init; } = Epochs > 0 && Epochs <= 1000 ? Epochs
        : throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Warmup epochs must be in (0, 1000]; Goyal et al. used 5.");

    /// <summary>Start of the climb as a share of the peak rate. Valid: [0, 1).</summary>
    public double StartFactor { get; init; } = StartFactor >= 0 && StartFactor < 1 ? StartFactor
        : throw new ArgumentOutOfRangeException(nameof(StartFactor), StartFactor, "The start factor must be in [0, 1).");

    /// <summary>Warmup length in updates for a run with <paramref name="stepsPerEpoch"/> updates per epoch.</summary>
    public int WarmupSteps(int stepsPerEpoch) => Math.Max(1, (int)Math.Round(Epochs * stepsPerEpoch));

    /// <summary>The share of the peak rate update <paramref name="step"/> (from 1) uses.</summary>
    public double FactorAt(int step, int stepsPerEpoch)
    {
        int w = WarmupSteps(stepsPerEpoch);
        return step >= w ? 1 : StartFactor + (1 - StartFactor) * Math.Max(step, 1) / w;
    }

    /// <inheritdoc/>
    public override RateController Attach(torch.optim.Optimizer optimizer, int stepsPerEpoch, int epochs) =>
        new Controller(this, optimizer, stepsPerEpoch);

    /// <inheritdoc/>
    public override string ToString() => $"linear warmup {Hyperparameters.Fmt(Epochs)} epoch(s)" + (StartFactor > 0 ? $" from {Hyperparameters.Fmt(StartFactor)}×" : "");

    private sealed class Controller : RateController
    {
        private readonly LinearWarmup schedule;
        private readonly torch.optim.Optimizer optimizer;
        private readonly int stepsPerEpoch;
        private readonly double peak;
        private int done;

        public Controller(LinearWarmup schedule, torch.optim.Optimizer optimizer, int stepsPerEpoch)
        {
            (this.schedule, this.optimizer, this.stepsPerEpoch) = (schedule, optimizer, Math.Max(1, stepsPerEpoch));
            peak = Optimizers.RateOf(optimizer);
            Optimizers.SetRate(optimizer, peak * schedule.FactorAt(1, this.stepsPerEpoch));
        }

        public override void StepEnded() => Optimizers.SetRate(optimizer, peak * schedule.FactorAt(++done + 1, stepsPerEpoch));
    }
}
