using HyperLab.Training;

namespace HyperLab.Tests.Diagnosis;

/// <summary>Scripted histories for the symptom reader: a step-loss curve and a validation curve.</summary>
internal static class SymptomCurves
{
    /// <summary>A run whose steps have the given losses (10 per epoch) and whose epochs have the given validation losses.</summary>
    public static History Make(IReadOnlyList<double> steps, IReadOnlyList<double>? validation = null, Divergence? divergence = null, double rate = 1e-3)
    {
        var records = steps.Select((l, i) => new StepRecord(i + 1, i / 10 + 1, l, rate)).ToList();
        int epochs = divergence is null ? steps.Count / 10 : (steps.Count - 1) / 10;
        validation ??= Enumerable.Range(0, epochs).Select(e => steps[e * 10 + 9] * 1.05).ToList();
        var epochRecords = Enumerable.Range(0, epochs).Select(e => new EpochRecord(e + 1, steps.Skip(e * 10).Take(10).Average(), 0.5, validation[e], 0.5, 0.1, rate)).ToList();
        return new History("scripted", new Hyperparameters { LearningRate = rate }, records, epochRecords,
            divergence is null ? StopReason.Completed : StopReason.Diverged, divergence, null, 1);
    }

    /// <summary>n values along f(t) for t = 0 … 1, plus a small deterministic wiggle (mini-batch noise).</summary>
    public static double[] Curve(int n, Func<double, double> f, double wiggle = 0.02) =>
        Enumerable.Range(0, n).Select(i => f((double)i / (n - 1)) * (1 + wiggle * Math.Sin(i * 2.7))).ToArray();
}
