using HyperLab.Training;

namespace HyperLab.Tests.Charts;

/// <summary>Histories with chosen numbers, so chart tests know exactly what each trace must hold.</summary>
internal static class Scripted
{
    /// <summary>A run of <paramref name="epochs"/> epochs: training loss 1/e, validation loss 1.2/e + a rise after
    /// <paramref name="bestEpoch"/> (its minimum), accuracies 0.5 + e/100, and <paramref name="stepsPerEpoch"/> steps per
    /// epoch with loss 2/step and rate 1e-3/epoch.</summary>
    public static History Run(string label, int epochs, int bestEpoch = int.MaxValue, Hyperparameters? hp = null, int stepsPerEpoch = 4,
        StopReason stop = StopReason.Completed, Divergence? divergence = null)
    {
        var epochRecords = Enumerable.Range(1, epochs).Select(e => new EpochRecord(e, 1.0 / e, 0.5 + e / 100.0,
            e <= bestEpoch ? 1.2 / e : 1.2 / bestEpoch + 0.05 * (e - bestEpoch), 0.4 + e / 100.0, 0.1, 1e-3 / e)).ToList();
        var steps = Enumerable.Range(1, epochs * stepsPerEpoch).Select(s => new StepRecord(s, (s - 1) / stepsPerEpoch + 1, 2.0 / s, 1e-3 / ((s - 1) / stepsPerEpoch + 1))).ToList();
        return new History(label, hp ?? new Hyperparameters(), steps, epochRecords, stop, divergence, null, 1);
    }
}
