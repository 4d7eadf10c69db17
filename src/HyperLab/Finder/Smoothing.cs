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
        var result = new double[values.Count];
        double avg = 0, power = 1;
        for (int t = 0; t < values.Count; t++)
        {
            avg = beta * avg + (1 - beta) * values[t];
            power *= beta;
            result[t] = avg / (1 - power);
        }
        return result;
    }
}
