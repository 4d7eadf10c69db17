using HyperLab.Sweeps;
using HyperLab.Training;

namespace HyperLab.Tests.Claims.Controls;

/// <summary>Hand-made outcomes for the negative controls: histories with chosen curves and sweeps with chosen losses.</summary>
internal static class ControlRuns
{
    /// <summary>A history with one epoch per entry of <paramref name="validation"/> (training loss and accuracies optional),
    /// 10 steps per epoch falling from <paramref name="firstLoss"/>.</summary>
    public static History Run(double[] validation, double[]? train = null, double trainAccuracy = 0.5, double validationAccuracy = 0.5,
        Hyperparameters? hp = null, double firstLoss = 2.3, Divergence? divergence = null, int? restored = null, StopReason stop = StopReason.Completed)
    {
        train ??= validation;
        var epochs = validation.Select((v, i) => new EpochRecord(i + 1, train[i], trainAccuracy, v, validationAccuracy, 0.1, 1e-3)).ToList();
        var steps = Enumerable.Range(0, 10 * validation.Length)
            .Select(k => new StepRecord(k + 1, k / 10 + 1, k == 0 ? firstLoss : train[k / 10], 1e-3)).ToList();
        return new History("control", hp ?? new Hyperparameters(), steps, epochs, divergence is null ? stop : StopReason.Diverged, divergence, restored, 1);
    }

    /// <summary>A history whose steps have the given losses (one epoch).</summary>
    public static History Steps(IEnumerable<double> losses, int batch)
    {
        var records = losses.Select((l, i) => new StepRecord(i + 1, 1, l, 1e-3)).ToList();
        var epoch = new EpochRecord(1, records.Average(r => r.Loss), 0.5, records[^1].Loss, 0.5, 0.1, 1e-3);
        return new History($"batch {batch}", new Hyperparameters { BatchSize = batch }, records, [epoch], StopReason.Completed, null, null, 1);
    }

    /// <summary>Deterministic pseudo-random noise of standard deviation about <paramref name="sd"/> (uniform, seeded).</summary>
    public static double[] Noise(int n, double sd, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * sd * Math.Sqrt(12)).ToArray();
    }

    /// <summary>A sweep over the rate whose runs end at the given final validation losses (NaN: diverged).</summary>
    public static SweepResult<double> RateSweep(double[] rates, double[] finals) =>
        new("lr", rates.Select((r, i) => new SweepPoint<double>(r,
            double.IsNaN(finals[i]) ? Run([2.3], divergence: new Divergence(2, double.NaN, "loss became NaN"))
                                    : Run([finals[i]], hp: new Hyperparameters { LearningRate = r }))).ToList());
}
