using System.Globalization;

namespace HyperLab.Claims;

/// <summary>
/// "A ends lower than B", judged against the seed-to-seed spread (every lesson that compares two settings):
/// the mean of B minus the mean of A must exceed <see cref="Required"/>, the larger of a fixed margin (set from
/// the spread measured on at least three seeds, recorded in docs/lessons/NN.md) and the spread measured here
/// (the larger standard deviation of the two over the seeds given). A difference smaller than the seed noise
/// is no difference. A run that diverged counts as +∞ (worse than anything; a NaN value, the final loss of a diverged
/// run, is read as +∞); on A's side it fails the claim.
/// </summary>
/// <param name="LowName">What should be lower, e.g. "batch 128".</param>
/// <param name="Low">Its value per seed (one value for a single run).</param>
/// <param name="HighName">What should be higher, e.g. "batch 2,048".</param>
/// <param name="High">Its value per seed.</param>
/// <param name="MinMargin">The fixed margin (same unit), at least the seed-to-seed spread measured on three or more seeds.</param>
/// <param name="Unit">The unit, for the evidence; default "nats".</param>
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

    /// <summary>The larger standard deviation over seeds of the two sides (finite values only; 0 with one value).</summary>
    public double Spread => Math.Max(StandardDeviation(Low), StandardDeviation(High));

    /// <summary>The margin the gap must exceed: max(<see cref="MinMargin"/>, <see cref="Spread"/>).</summary>
    public double Required => Math.Max(MinMargin, Spread);

    /// <inheritdoc/>
    public bool Holds => Gap > Required;

    /// <summary>"batch 128 0.584 vs batch 2,048 1.591 (2 seeds, spread 0.02): 1.007 nats lower, required more than 0.1".</summary>
    public override string ToString()
    {
        string seeds = Low.Count > 1 || High.Count > 1 ? $" ({Math.Max(Low.Count, High.Count)} seeds, spread {F(Spread)})" : "";
        string gap = double.IsPositiveInfinity(Gap) ? $"{HighName} diverged" : $"{(Gap >= 0 ? F(Gap) + " " + Unit + " lower" : F(-Gap) + " " + Unit + " higher")}";
        return $"{LowName} {F(LowMean)} vs {HighName} {F(HighMean)}{seeds}: {gap}, required more than {F(Required)}{(Holds ? "" : ": not a difference beyond the margin")}";
    }

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        var v = values.Where(double.IsFinite).ToList();
        if (v.Count < 2) return 0;
        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
    }

    private static string F(double v) => double.IsPositiveInfinity(v) ? "diverged" : v.ToString("0.###", CultureInfo.InvariantCulture);
}
