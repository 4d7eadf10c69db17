namespace HyperLab.Numerics;

/// <summary>Medians: the middle of repeated, noisy measurements (timings, suggestions over seeds).</summary>
public static class Median
{
    /// <summary>The middle value; for an even count, the mean of the middle two. NaN when empty.</summary>
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /// <summary>The median on a log scale (rates, strengths): for an even count, the geometric mean of
    /// the middle two. NaN when empty.</summary>
    public static double OfLog(IEnumerable<double> values) => Math.Exp(Of(values.Select(v => Math.Log(v))));
}
