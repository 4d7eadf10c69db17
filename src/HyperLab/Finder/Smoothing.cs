namespace HyperLab.Finder;

/// <summary>The loss smoothing of the range test (lesson 01), as a pure function.</summary>
public static class Smoothing
{
    /// <summary>
    /// Bias-corrected exponential moving average: avg_t = β avg_(t−1) + (1 − β) x_t with avg_0 = 0, and
    /// smoothed_t = avg_t / (1 − β^t). Without the correction the first values would be pulled
    /// towards 0; with it, smoothed_1 = x_1 exactly. A NaN or ∞ makes that and every later value NaN or ∞.
    /// </summary>
    /// <param name="values">The raw values, e.g. mini-batch losses.</param>
    /// <param name="beta">β in [0, 1); default 0.98 (about the last 50 values count).</param>
    public static double[] BiasCorrected(IReadOnlyList<double> values, double beta = 0.98)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(beta >= 0 && beta < 1)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be in [0, 1).");
        var average = new RunningAverage(beta);
        var result = new double[values.Count];
        for (int t = 0; t < values.Count; t++) result[t] = average.Add(values[t]);
        return result;
    }
}

/// <summary>The same bias-corrected moving average as <see cref="Smoothing.BiasCorrected"/>, one value
/// at a time (the range test reads it while it runs, to know when to stop).</summary>
/// <param name="beta">β in [0, 1).</param>
public sealed class RunningAverage(double beta)
{
    private double avg, power = 1;

    /// <summary>Adds a value and returns the smoothed value so far.</summary>
    public double Add(double value)
    {
        avg = beta * avg + (1 - beta) * value;
        power *= beta;
        return avg / (1 - power);
    }
}
