namespace HyperLab.Diagnosis;

/// <summary>
/// Small, pure measurements of a loss curve that diagnoses are built from (lesson 01 onward).
/// Each takes plain numbers, so it can be tested with scripted curves.
/// </summary>
public static class CurveMeasures
{
    /// <summary>The curve averaged in <paramref name="blocks"/> consecutive blocks of (nearly) equal size:
    /// mini-batch noise averages out, the trend stays. A curve shorter than <paramref name="blocks"/> is
    /// returned as it is. Non-finite values are kept (a block holding one is not finite).</summary>
    /// <param name="values">E.g. the loss of every step.</param>
    /// <param name="blocks">How many blocks, at least 1. Default 10.</param>
    public static double[] BlockMeans(IReadOnlyList<double> values, int blocks = 10)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        if (values.Count <= blocks) return values.ToArray();
        var means = new double[blocks];
        for (int b = 0; b < blocks; b++)
        {
            int from = (int)((long)b * values.Count / blocks), to = (int)((long)(b + 1) * values.Count / blocks);
            double sum = 0;
            for (int i = from; i < to; i++) sum += values[i];
            means[b] = sum / (to - from);
        }
        return means;
    }

    /// <summary>The largest relative rise of a curve above its lowest earlier value:
    /// max over k of values[k] / min(values[0..k)) − 1; 0 for a curve that never goes up. Non-finite values are skipped.</summary>
    public static double LargestRise(IReadOnlyList<double> values) => LargestRiseAt(values).Rise;

    /// <summary><see cref="LargestRise"/> and where it happened: the index of the earlier low and of the
    /// value that rose above it (both −1 when the curve never goes up).</summary>
    public static (double Rise, int LowIndex, int PeakIndex) LargestRiseAt(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double rise = 0;
        int low = -1, bestLow = -1, bestPeak = -1;
        for (int i = 0; i < values.Count; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v)) continue;
            if (low >= 0 && values[low] > 0 && v / values[low] - 1 > rise) { rise = v / values[low] - 1; bestLow = low; bestPeak = i; }
            if (low < 0 || v < values[low]) low = i;
        }
        return (rise, bestLow, bestPeak);
    }

    /// <summary>Index of the smallest finite value (−1 when there is none).</summary>
    public static int ArgMin(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int best = -1;
        for (int i = 0; i < values.Count; i++)
            if (double.IsFinite(values[i]) && (best < 0 || values[i] < values[best])) best = i;
        return best;
    }
}
