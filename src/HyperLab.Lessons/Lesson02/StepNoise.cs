using HyperLab.Training;

namespace HyperLab.Lessons.Lesson02;

/// <summary>
/// How much a run's loss jumps from one update to the next (lesson 02). A mini-batch loss is an average of B
/// per-example losses, so its sampling noise has a standard deviation that falls as 1/√B; comparing two batch sizes
/// B₁ &lt; B₂, expect a ratio of about √(B₂/B₁). The training trend must be removed first: a large batch's loss falls
/// steadily over its few updates, and raw step-to-step changes would then measure the trend, not the noise.
/// </summary>
public static class StepNoise
{
    /// <summary>RMS of consecutive step-loss differences, √(mean over k of (L_k+1 − L_k)²), over the steps from
    /// <paramref name="fromStep"/> on (default 1: all); NaN with fewer than two steps. It includes the trend: use
    /// <see cref="Detrended"/> to compare noise.</summary>
    public static double Of(History history, int fromStep = 1)
    {
        var losses = Losses(history, fromStep);
        if (losses.Length < 2) return double.NaN;
        return Math.Sqrt(losses.Zip(losses.Skip(1), (a, b) => (b - a) * (b - a)).Average());
    }

    /// <summary>The noise of the step losses with the trend removed: the RMS of each loss's distance from the
    /// midpoint of its two neighbours, r_k = L_k − (L_k−1 + L_k+1)/2, divided by √1.5 so that for independent noise
    /// of standard deviation σ around any straight-line trend it estimates σ. A linear trend cancels exactly, and a
    /// slowly curving one almost. NaN with fewer than three steps.</summary>
    public static double Detrended(History history, int fromStep = 1)
    {
        var l = Losses(history, fromStep);
        if (l.Length < 3) return double.NaN;
        double sum = 0;
        for (int k = 1; k < l.Length - 1; k++)
        {
            double r = l[k] - (l[k - 1] + l[k + 1]) / 2;
            sum += r * r;
        }
        return Math.Sqrt(sum / (l.Length - 2) / 1.5);
    }

    /// <summary>Compares the detrended noise of a small-batch run with a large-batch run.</summary>
    public static StepNoiseRatio Compare(History small, History large)
    {
        ArgumentNullException.ThrowIfNull(small);
        ArgumentNullException.ThrowIfNull(large);
        return new StepNoiseRatio(small.Hyperparameters.BatchSize, Detrended(small), large.Hyperparameters.BatchSize, Detrended(large));
    }

    private static double[] Losses(History history, int fromStep)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Steps.Where(s => s.Step >= fromStep).Select(s => s.Loss).ToArray();
    }
}

/// <summary>
/// The detrended step noise of two batch sizes (lesson 02). <see cref="VariesMore"/>: the small batch's noise is more
/// than twice the large batch's; <see cref="NearSquareRootRule"/>: the ratio is within a factor of 2 of √(B₂/B₁).
/// Two runs with the same noise (an inert batch size) fail both.
/// </summary>
/// <param name="SmallBatch">B₁.</param>
/// <param name="Small">Its detrended step noise (nats).</param>
/// <param name="LargeBatch">B₂.</param>
/// <param name="Large">Its detrended step noise (nats).</param>
public sealed record StepNoiseRatio(int SmallBatch, double Small, int LargeBatch, double Large)
{
    /// <summary>Small / Large.</summary>
    public double Ratio => Small / Large;

    /// <summary>√(B₂/B₁), the ratio an average of B independent numbers predicts.</summary>
    public double Predicted => Math.Sqrt((double)LargeBatch / SmallBatch);

    /// <summary>The small batch's loss varies more than <paramref name="minRatio"/> (default 2) times as much.</summary>
    public HyperLab.Claims.Verdict VariesMore(double minRatio = 2) =>
        new(double.IsFinite(Ratio) && Ratio > minRatio,
            $"step-to-step noise of the loss, trend removed: batch {SmallBatch} {Small:0.###} nats, batch {LargeBatch} {Large:0.###} nats: {Ratio:0.0}× (required: more than {minRatio}×)");

    /// <summary>The ratio lies within a factor <paramref name="factor"/> (default 2) of √(B₂/B₁).</summary>
    public HyperLab.Claims.Verdict NearSquareRootRule(double factor = 2) =>
        new(double.IsFinite(Ratio) && Ratio > Predicted / factor && Ratio < Predicted * factor,
            $"measured {Ratio:0.0}× vs √({LargeBatch}/{SmallBatch}) ≈ {Predicted:0.0} (tolerance: within a factor of {factor})");
}
