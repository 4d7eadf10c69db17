using HyperLab.Training;

namespace HyperLab.BatchSizes;

/// <summary>
/// How much a run's loss jumps from one update to the next (lesson 02): the root mean square of the differences
/// between consecutive mini-batch losses, √(mean over k of (L_k+1 − L_k)²). A mini-batch loss is an average of B
/// per-example losses, so its sampling noise has a standard deviation that falls as 1/√B; the slow downward trend
/// of training adds little to consecutive differences. Comparing two batch sizes B₁ &lt; B₂, expect a ratio of about √(B₂/B₁).
/// </summary>
public static class StepNoise
{
    /// <summary>RMS of consecutive step-loss differences of <paramref name="history"/>, over the steps from
    /// <paramref name="fromStep"/> on (default 1: all); NaN with fewer than two steps or a non-finite loss.</summary>
    public static double Of(History history, int fromStep = 1)
    {
        ArgumentNullException.ThrowIfNull(history);
        var losses = history.Steps.Where(s => s.Step >= fromStep).Select(s => s.Loss).ToArray();
        if (losses.Length < 2) return double.NaN;
        return Math.Sqrt(losses.Zip(losses.Skip(1), (a, b) => (b - a) * (b - a)).Average());
    }
}
