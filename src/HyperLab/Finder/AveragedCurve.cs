namespace HyperLab.Finder;

/// <summary>
/// The range-test curve averaged over several seeds (lesson 01): at every step, the mean of the seeds'
/// smoothed losses, up to the shortest run. Reading the valley off this one averaged curve is the
/// finder's default suggestion over several seeds (<see cref="FinderSpread.SuggestedRate"/>): the noise of
/// each seed's mini-batches and initial weights averages out before the valley is read, so the suggestion
/// moves far less between repetitions than the median of per-seed valleys (measured in docs/lessons/01.md).
/// </summary>
public static class AveragedCurve
{
    /// <summary>The rates and mean smoothed losses, step by step, over the common length of the runs.
    /// The runs must share their <see cref="FinderSettings"/> (so step i has the same rate in each).</summary>
    /// <param name="runs">At least one range test, all with the same settings.</param>
    public static (double[] Rates, double[] Losses) Of(IReadOnlyList<FinderResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw new ArgumentException("Give at least one range test.", nameof(runs));
        if (runs.Any(r => r.Settings != runs[0].Settings))
            throw new ArgumentException("The range tests used different settings, so their steps have different rates and cannot be averaged. Run them with the same FinderSettings.", nameof(runs));
        int n = runs.Min(r => r.Steps);
        var rates = runs[0].Rates.Take(n).ToArray();
        var losses = Enumerable.Range(0, n).Select(i => runs.Average(r => r.SmoothedLosses[i])).ToArray();
        return (rates, losses);
    }

    /// <summary>The valley (<see cref="Suggestions.Valley"/>) of the averaged curve, with the runs' own skips;
    /// null when too few usable points remain (every test stopped almost at once).</summary>
    /// <param name="runs">At least one range test, all with the same settings.</param>
    public static RateSuggestion? Valley(IReadOnlyList<FinderResult> runs)
    {
        var (rates, losses) = Of(runs);
        var s = runs[0].Settings;
        return Suggestions.All(rates, losses, s.SkipStart, s.SkipEnd)?.Valley;
    }
}
