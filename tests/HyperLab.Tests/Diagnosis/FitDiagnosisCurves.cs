using HyperLab.Training;

namespace HyperLab.Tests.Diagnosis;

/// <summary>Hand-made histories with chosen curves, for testing the diagnosis rules.</summary>
internal static class FitCurves
{
    /// <summary>A history whose epochs have the given training and validation losses.</summary>
    public static History Make(double[] train, double[] validation, int? restored = null, StopReason stop = StopReason.Completed,
        double firstLoss = 2.3, Divergence? divergence = null)
    {
        var epochs = train.Select((t, i) => new EpochRecord(i + 1, t, 0, validation[i], 0, 0.1, 1e-3)).ToList();
        var steps = new List<StepRecord> { new(1, 1, firstLoss, 1e-3) };
        return new History("made up", new Hyperparameters(), steps, epochs, stop, divergence, restored, 1);
    }
}
