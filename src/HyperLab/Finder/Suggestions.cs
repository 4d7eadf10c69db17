namespace HyperLab.Finder;

/// <summary>One suggested rate, and where on the curve it came from.</summary>
/// <param name="Name">"valley", "steepest" or "minimum/10".</param>
/// <param name="Rate">The suggested learning rate.</param>
/// <param name="Index">The curve point it was read from (for minimum/10: the minimum).</param>
/// <param name="Loss">The smoothed loss at that point.</param>
public sealed record RateSuggestion(string Name, double Rate, int Index, double Loss)
{
    /// <summary>"valley 2.1e-3".</summary>
    public override string ToString() => $"{Name} {Hyperparameters.Fmt(Rate)}";
}

/// <summary>The three suggestions of one range test.</summary>
public sealed record RateSuggestions(RateSuggestion Valley, RateSuggestion Steepest, RateSuggestion MinimumOverTen)
{
    /// <summary>All three, valley first.</summary>
    public IReadOnlyList<RateSuggestion> All => [Valley, Steepest, MinimumOverTen];

    /// <summary>"valley 2.1e-3 · steepest 1.1e-3 · minimum/10 4.3e-3".</summary>
    public override string ToString() => string.Join(" · ", All);
}

/// <summary>
/// Reading a rate off a range-test curve (lesson 01): pure functions of (rates, losses), in the
/// spirit of fastai's <c>valley</c>, <c>steep</c> and <c>minimum</c>. Each works on the part of the
/// curve that is left after <see cref="Usable"/> cuts it at the first NaN/∞ and drops the first
/// <c>skipStart</c> and last <c>skipEnd</c> points. Pass the <em>smoothed</em> losses: on raw
/// mini-batch losses every suggestion follows the noise.
/// </summary>
public static class Suggestions
{
    /// <summary>Fewest usable points for a suggestion.</summary>
    public const int MinimumPoints = 5;

    /// <summary>All three suggestions, or null when fewer than <see cref="MinimumPoints"/> usable points remain
    /// (the test stopped almost at once: start lower or use more steps).</summary>
    public static RateSuggestions? All(IReadOnlyList<double> rates, IReadOnlyList<double> losses, int skipStart = 10, int skipEnd = 5)
    {
        var (from, to) = Usable(rates, losses, skipStart, skipEnd);
        if (to - from < MinimumPoints) return null;
        return new RateSuggestions(Valley(rates, losses, skipStart, skipEnd), Steepest(rates, losses, skipStart, skipEnd), MinimumOverTen(rates, losses, skipStart, skipEnd));
    }

    /// <summary>The usable range [from, to) of the curve: cut at the first non-finite loss, then
    /// without the first <paramref name="skipStart"/> and last <paramref name="skipEnd"/> points. If that
    /// leaves fewer than <see cref="MinimumPoints"/>, the skips are dropped (the whole finite part is used).</summary>
    public static (int From, int To) Usable(IReadOnlyList<double> rates, IReadOnlyList<double> losses, int skipStart, int skipEnd)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(losses);
        if (rates.Count != losses.Count) throw new ArgumentException($"{rates.Count} rates but {losses.Count} losses.", nameof(losses));
        int finite = 0;
        while (finite < losses.Count && double.IsFinite(losses[finite])) finite++;
        int from = Math.Max(0, skipStart), to = finite - Math.Max(0, skipEnd);
        return to - from >= MinimumPoints ? (from, to) : (0, finite);
    }

    /// <summary>
    /// fastai's default, "valley": find the longest run of ever-lower losses (the longest decreasing
    /// subsequence), and take the point halfway along it. It lands inside the long downhill stretch,
    /// away from both the flat start and the cliff at the end, and it is not thrown by a single steep
    /// wiggle, because it looks at the whole descent.
    /// </summary>
    public static RateSuggestion Valley(IReadOnlyList<double> rates, IReadOnlyList<double> losses, int skipStart = 10, int skipEnd = 5)
    {
        var (from, to) = Checked(rates, losses, skipStart, skipEnd);
        int n = to - from;
        var run = new int[n];
        Array.Fill(run, 1);
        int bestEnd = 0, bestStart = 0;
        for (int i = 1; i < n; i++)
        {
            for (int j = 0; j < i; j++)
                if (losses[from + i] < losses[from + j] && run[i] < run[j] + 1) run[i] = run[j] + 1;
            if (run[i] > run[bestEnd]) { bestEnd = i; bestStart = Math.Max(0, bestEnd - run[bestEnd]); }
        }
        double third = (bestEnd - bestStart) / 3.0;
        int index = from + Math.Clamp(bestStart + (int)third + (int)(third / 2), 0, n - 1);
        return new RateSuggestion("valley", rates[index], index, losses[index]);
    }

    /// <summary>
    /// "Steepest": the point where the loss falls fastest per factor of rate, i.e. the most negative
    /// slope of loss against log₁₀(rate), searched only between the usable start and the curve's
    /// minimum. The slope at a point is measured across one decade of rate centred on it (half a decade
    /// each side), not between neighbours. Three things keep an early spike (one unlucky mini-batch,
    /// then a drop back) from posing as the steepest descent: the curve is smoothed, its first points are
    /// skipped, and a decade-wide slope sees the spike's short recovery as the small dip it is, while
    /// the real descent falls over a whole decade or more.
    /// </summary>
    public static RateSuggestion Steepest(IReadOnlyList<double> rates, IReadOnlyList<double> losses, int skipStart = 10, int skipEnd = 5)
    {
        var (from, to) = Checked(rates, losses, skipStart, skipEnd);
        int minimum = ArgMin(losses, from, to);
        double perPoint = Math.Abs(Math.Log10(rates[to - 1] / rates[from])) / Math.Max(1, to - 1 - from);
        int half = Math.Max(1, (int)Math.Round(0.5 / Math.Max(perPoint, 1e-12)));   // points in half a decade
        int best = from;
        double bestSlope = double.PositiveInfinity;
        for (int i = from; i <= minimum; i++)
        {
            int a = Math.Max(from, i - half), b = Math.Min(to - 1, i + half);
            if (a == b) continue;
            double slope = (losses[b] - losses[a]) / (Math.Log10(rates[b]) - Math.Log10(rates[a]));
            if (slope < bestSlope) { bestSlope = slope; best = i; }
        }
        return new RateSuggestion("steepest", rates[best], best, losses[best]);
    }

    /// <summary>"Minimum/10": the rate at the lowest loss, divided by 10: the lowest point is already
    /// close to where training turns unstable, so one decade lower is a safe choice.</summary>
    public static RateSuggestion MinimumOverTen(IReadOnlyList<double> rates, IReadOnlyList<double> losses, int skipStart = 10, int skipEnd = 5)
    {
        var (from, to) = Checked(rates, losses, skipStart, skipEnd);
        int minimum = ArgMin(losses, from, to);
        return new RateSuggestion("minimum/10", rates[minimum] / 10, minimum, losses[minimum]);
    }

    /// <summary>The usable range of a curve, or a teaching error when the test stopped too early.</summary>
    internal static (int From, int To) Checked(IReadOnlyList<double> rates, IReadOnlyList<double> losses, int skipStart, int skipEnd)
    {
        var range = Usable(rates, losses, skipStart, skipEnd);
        if (range.To - range.From < 2)
            throw new ArgumentException($"Only {range.To - range.From} usable point(s) on the curve: the test stopped too early to suggest a rate. Start lower or use more steps.", nameof(losses));
        return range;
    }

    private static int ArgMin(IReadOnlyList<double> values, int from, int to)
    {
        int best = from;
        for (int i = from + 1; i < to; i++) if (values[i] < values[best]) best = i;
        return best;
    }
}
