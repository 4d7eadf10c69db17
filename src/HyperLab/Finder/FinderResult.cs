namespace HyperLab.Finder;

/// <summary>Why a range test ended.</summary>
public enum FinderStop
{
    /// <summary>Every step ran up to <see cref="FinderSettings.EndRate"/>.</summary>
    ReachedEndRate,
    /// <summary>The smoothed loss exceeded <see cref="FinderSettings.StopFactor"/> × its minimum.</summary>
    LossExploded,
    /// <summary>A mini-batch loss was NaN or ∞.</summary>
    NotFinite,
}

/// <summary>
/// One learning-rate range test (lesson 01): the rate and loss of every step, the smoothed curve,
/// and the suggestions read from it. Plot it with <c>Plot.FinderCurve(result)</c>.
/// </summary>
/// <param name="Label">Legend text, e.g. "seed 0".</param>
/// <param name="Hyperparameters">The settings whose optimizer, batch size and seed the test used.</param>
/// <param name="Settings">The test's settings.</param>
/// <param name="Rates">The rate of each step.</param>
/// <param name="Losses">The raw mini-batch loss of each step.</param>
/// <param name="SmoothedLosses">Bias-corrected moving average of <paramref name="Losses"/>.</param>
/// <param name="Stop">Why it ended.</param>
/// <param name="Seconds">Wall time of the test including the restore.</param>
public sealed record FinderResult(string Label, Hyperparameters Hyperparameters, FinderSettings Settings,
    IReadOnlyList<double> Rates, IReadOnlyList<double> Losses, IReadOnlyList<double> SmoothedLosses, FinderStop Stop, double Seconds)
{
    /// <summary>Training steps the test took.</summary>
    public int Steps => Losses.Count;

    /// <summary>Valley, steepest and minimum/10 (null when the curve was too short to read).</summary>
    public RateSuggestions? Suggestions => HyperLab.Finder.Suggestions.All(Rates, SmoothedLosses, Settings.SkipStart, Settings.SkipEnd);

    /// <summary>The valley suggestion's rate (the one to try first); NaN when there is none.</summary>
    public double SuggestedRate => Suggestions?.Valley.Rate ?? double.NaN;

    /// <summary>"seed 0: 87 steps (1e-7 → 0.44, loss exploded), valley 2.1e-3 · steepest … · minimum/10 …, 0.21 s".</summary>
    public override string ToString()
    {
        string end = Stop switch { FinderStop.LossExploded => "loss exploded", FinderStop.NotFinite => "loss not finite", _ => "reached the end rate" };
        string picks = Suggestions?.ToString() ?? "too few points to suggest a rate (start lower or use more steps)";
        return $"{Label}: {Steps} steps ({Hyperparameters.Fmt(Rates[0])} → {Hyperparameters.Fmt(Rates[^1])}, {end}), {picks}, {Seconds:0.00} s";
    }
}
