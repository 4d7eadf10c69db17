namespace HyperLab.Finder;

/// <summary>How one suggestion varied over the seeds of a <see cref="FinderSpread"/>.</summary>
/// <param name="Name">"valley", "steepest" or "minimum/10".</param>
/// <param name="Rates">The suggestion of each seed that gave one.</param>
public sealed record SuggestionSpread(string Name, IReadOnlyList<double> Rates)
{
    /// <summary>The median on a log scale (for an even count, the geometric mean of the middle two).</summary>
    public double Median => Numerics.Median.OfLog(Rates);

    /// <summary>The lowest suggestion.</summary>
    public double Low => Rates.Count == 0 ? double.NaN : Rates.Min();

    /// <summary>The highest suggestion.</summary>
    public double High => Rates.Count == 0 ? double.NaN : Rates.Max();

    /// <summary>High / Low: 1 means every seed agreed; 3 means the suggestions span a factor of 3.</summary>
    public double Factor => High / Low;

    /// <summary>"valley: median 2.1e-3, range 1.4e-3 to 3.2e-3 (×2.3 over 3 seeds)".</summary>
    public override string ToString() =>
        $"{Name}: median {Hyperparameters.Fmt(Median)}, range {Hyperparameters.Fmt(Low)} to {Hyperparameters.Fmt(High)} (×{Factor:0.0} over {Rates.Count} seeds)";
}

/// <summary>The range test repeated over several seeds (lesson 01): how far to trust one suggestion.
/// Plot it with <c>Plot.FinderCurve(spread)</c>.</summary>
/// <param name="Runs">One test per seed.</param>
public sealed record FinderSpread(IReadOnlyList<FinderResult> Runs)
{
    /// <summary>Valley suggestions over the seeds.</summary>
    public SuggestionSpread Valley => Of("valley", s => s.Valley);

    /// <summary>Steepest-descent suggestions over the seeds.</summary>
    public SuggestionSpread Steepest => Of("steepest", s => s.Steepest);

    /// <summary>Minimum/10 suggestions over the seeds.</summary>
    public SuggestionSpread MinimumOverTen => Of("minimum/10", s => s.MinimumOverTen);

    /// <summary>All three, valley first.</summary>
    public IReadOnlyList<SuggestionSpread> All => [Valley, Steepest, MinimumOverTen];

    /// <summary>The valley of the curve averaged over the seeds (<see cref="AveragedCurve"/>); null when too
    /// few usable points remain.</summary>
    public RateSuggestion? AveragedValley => AveragedCurve.Valley(Runs);

    /// <summary>The rate to try first: the median (on a log scale) of the per-seed valley suggestions,
    /// <see cref="SuggestionSpread.Median"/> of <see cref="Valley"/>. The valley of the curve averaged over the seeds is
    /// <see cref="AveragedValley"/>, shown beside it on the chart; it is not what this returns.</summary>
    public double SuggestedRate => Valley.Median;

    /// <summary>Total wall time of all tests.</summary>
    public double Seconds => Runs.Sum(r => r.Seconds);

    private SuggestionSpread Of(string name, Func<RateSuggestions, RateSuggestion> pick) =>
        new(name, Runs.Where(r => r.Suggestions is not null).Select(r => pick(r.Suggestions!).Rate).ToList());

    /// <inheritdoc/>
    public override string ToString() =>
        $"range test over {Runs.Count} seeds ({Seconds:0.0} s): suggested {Hyperparameters.Fmt(SuggestedRate)} (median of the per-seed valleys); per seed: " + string.Join("; ", All);
}
