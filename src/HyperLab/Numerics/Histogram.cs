namespace HyperLab.Numerics;

/// <summary>Counts of values in equal bins (lesson 05 draws weight histograms with it).</summary>
/// <param name="Low">Left edge of the first bin.</param>
/// <param name="Width">Width of every bin.</param>
/// <param name="Counts">Values per bin; values outside [Low, Low + Width·Counts.Count] are counted in the first or last bin.</param>
public sealed record Histogram(double Low, double Width, IReadOnlyList<int> Counts)
{
    /// <summary>Bins <paramref name="values"/>.</summary>
    /// <param name="values">The values.</param>
    /// <param name="bins">Number of bins, at least 1.</param>
    /// <param name="low">Left edge.</param>
    /// <param name="high">Right edge, above <paramref name="low"/>.</param>
    public static Histogram Of(IEnumerable<double> values, int bins, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!(high > low)) throw new ArgumentException($"The right edge ({high}) must be above the left edge ({low}).", nameof(high));
        double width = (high - low) / bins;
        var counts = new int[bins];
        foreach (double v in values)
            if (!double.IsNaN(v)) counts[Math.Clamp((int)Math.Floor((v - low) / width), 0, bins - 1)]++;
        return new Histogram(low, width, counts);
    }

    /// <summary>The centre of every bin.</summary>
    public IReadOnlyList<double> Centers => Enumerable.Range(0, Counts.Count).Select(i => Low + (i + 0.5) * Width).ToList();

    /// <summary>All values counted.</summary>
    public int Total => Counts.Sum();

    /// <summary>Share of the values in each bin (sums to 1), so histograms of different sizes compare.</summary>
    public IReadOnlyList<double> Shares => Counts.Select(c => Total == 0 ? 0 : (double)c / Total).ToList();
}
