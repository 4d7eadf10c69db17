using System.Globalization;

namespace HyperLab.Claims;

/// <summary>
/// "A ends lower than B", judged against the seed-to-seed noise (every lesson that compares two settings). Two
/// requirements: (1) on every seed the gap exceeds a fixed margin (paired by seed when both sides have one value per
/// seed; a single value on one side is compared with each value on the other), the margin set at or above the spread
/// measured on at least three seeds and recorded in docs/lessons/NN.md; (2) the mean gap exceeds the standard deviation
/// over the seeds of the better side, the seed-to-seed noise of the level being compared. A difference smaller than the
/// seed noise is no difference; a difference far larger on one seed than on another (one seed blowing up) still counts
/// when every seed shows it. A run that diverged counts as +∞ (a NaN value, the final loss of a diverged run, is read
/// as +∞); on A's side it fails the claim.
/// </summary>
public sealed record Difference(string LowName, IReadOnlyList<double> Low, string HighName, IReadOnlyList<double> High,
    double MinMargin, string Unit = "nats") : IEvidence
{
    /// <summary>"<paramref name="lowName"/> ends lower than <paramref name="highName"/> by more than the margin and the seed spread".</summary>
    /// <exception cref="ArgumentException">No values, or a negative or non-finite margin.</exception>
    public static Difference Lower(string lowName, IEnumerable<double> low, string highName, IEnumerable<double> high, double minMargin, string unit = "nats")
    {
        static double Diverged(double v) => double.IsNaN(v) ? double.PositiveInfinity : v;
        var (l, h) = (low.Select(Diverged).ToList(), high.Select(Diverged).ToList());
        if (l.Count == 0 || h.Count == 0)
            throw new ArgumentException($"Difference needs at least one value on each side; got {l.Count} for {lowName} and {h.Count} for {highName}.");
        if (!double.IsFinite(minMargin) || minMargin < 0)
            throw new ArgumentOutOfRangeException(nameof(minMargin), $"minMargin must be a finite number ≥ 0; got {minMargin}. Start from the seed-to-seed spread measured on three seeds.");
        return new Difference(lowName, l, highName, h, minMargin, unit);
    }

    /// <summary>The single-run form of <see cref="Lower(string, IEnumerable{double}, string, IEnumerable{double}, double, string)"/>.</summary>
    public static Difference Lower(string lowName, double low, string highName, double high, double minMargin, string unit = "nats") =>
        Lower(lowName, [low], highName, [high], minMargin, unit);

    /// <summary>Mean of <see cref="Low"/> (+∞ when a run diverged).</summary>
    public double LowMean => Low.Average();

    /// <summary>Mean of <see cref="High"/> (+∞ when a run diverged).</summary>
    public double HighMean => High.Average();

    /// <summary>HighMean − LowMean.</summary>
    public double Gap => double.IsPositiveInfinity(LowMean) ? double.NegativeInfinity : HighMean - LowMean;

    /// <summary>The gap on each seed: High − Low paired by seed (or against the single value of one side), or the gap of
    /// the means when the two sides have different numbers of values.</summary>
    public IReadOnlyList<double> SeedGaps =>
        Low.Count == High.Count ? Low.Zip(High, (l, h) => GapOf(l, h)).ToList()
        : Low.Count == 1 ? High.Select(h => GapOf(Low[0], h)).ToList()
        : High.Count == 1 ? Low.Select(l => GapOf(l, High[0])).ToList()
        : [Gap];

    /// <summary>The standard deviation over seeds of the better (lower) side, finite values only; 0 with one value.</summary>
    public double Spread => StandardDeviation(Low);

    /// <summary>What the mean gap must exceed: max(<see cref="MinMargin"/>, <see cref="Spread"/>); every seed's gap must also exceed <see cref="MinMargin"/>.</summary>
    public double Required => Math.Max(MinMargin, Spread);

    /// <inheritdoc/>
    public bool Holds => SeedGaps.All(g => g > MinMargin) && Gap > Required;

    private static double GapOf(double low, double high) => double.IsPositiveInfinity(low) ? double.NegativeInfinity : high - low;

    /// <summary>"batch 128 0.584 vs batch 2,048 1.591 (2 seeds, spread 0.02): 1.007 nats lower, required more than 0.1".</summary>
    public override string ToString()
    {
        var gaps = SeedGaps;
        string seeds = Low.Count > 1 || High.Count > 1 ? $" ({Math.Max(Low.Count, High.Count)} seeds, spread {F(Spread)})" : "";
        string gap = double.IsPositiveInfinity(Gap) ? $"{HighName} diverged" : $"{(Gap >= 0 ? F(Gap) + " " + Unit + " lower" : F(-Gap) + " " + Unit + " higher")}";
        string perSeed = gaps.Count > 1 ? $" (per seed {string.Join(", ", gaps.Select(F))})" : "";
        string required = gaps.Count > 1 ? $"required more than {F(MinMargin)} on every seed and more than {F(Required)} on average" : $"required more than {F(Required)}";
        return $"{LowName} {F(LowMean)} vs {HighName} {F(HighMean)}{seeds}: {gap}{perSeed}, {required}{(Holds ? "" : ": not a difference beyond the margin")}";
    }

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        var v = values.Where(double.IsFinite).ToList();
        if (v.Count < 2) return 0;
        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
    }

    private static string F(double v) => double.IsPositiveInfinity(v) ? "diverged" : double.IsNegativeInfinity(v) ? "−∞" : v.ToString("0.###", CultureInfo.InvariantCulture);
}
