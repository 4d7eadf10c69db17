namespace HyperLab.Finder;

/// <summary>
/// How good the finder's suggestion is in one setting (lesson 01, docs/lessons/01.md): independent repetitions
/// of the suggestion (each from its own seeds), the validation loss of training at each, and the robust best
/// of a brute-force sweep. It holds when every repetition's loss is within <see cref="MaxRatio"/> of the sweep's
/// robust best and the repetitions' suggestions span at most <see cref="MaxSpread"/>.
/// </summary>
/// <param name="Reference">The sweep the suggestion is judged against.</param>
/// <param name="Suggestions">The suggested rate of each repetition.</param>
/// <param name="Losses">Final validation loss of training at each suggestion (averaged over the sweep's seeds).</param>
public sealed record FinderQuality(SweepReference Reference, IReadOnlyList<double> Suggestions, IReadOnlyList<double> Losses)
{
    /// <summary>Largest allowed loss at the suggestion / robust sweep best: 1.10.</summary>
    public const double MaxRatio = 1.10;

    /// <summary>Largest allowed highest / lowest suggestion over the repetitions: 2.</summary>
    public const double MaxSpread = 2.0;

    /// <summary>Highest / lowest suggestion: 1 when every repetition agreed.</summary>
    public double Spread => Suggestions.Max() / Suggestions.Min();

    /// <summary>Loss at each suggestion / the sweep's robust best.</summary>
    public IReadOnlyList<double> Ratios => Losses.Select(l => l / Reference.RobustBest.Loss).ToList();

    /// <summary>The worst repetition's ratio.</summary>
    public double WorstRatio => Ratios.Max();

    /// <summary>Both bounds hold.</summary>
    public bool Holds => WorstRatio <= MaxRatio && Spread <= MaxSpread;

    /// <summary>"digits · AdamW · 10 epochs: suggestions 2.1e-3, 2.5e-3 (spread ×1.2); loss / robust best 1.01, 1.02".</summary>
    public override string ToString() =>
        $"{Reference.Setting}: suggestions {string.Join(", ", Suggestions.Select(Hyperparameters.Fmt))} (spread ×{Spread:0.00}, at most ×{MaxSpread}); " +
        $"loss / robust sweep best {string.Join(", ", Ratios.Select(r => r.ToString("0.000")))} (at most {MaxRatio:0.00}; best {Reference.RobustBest.Loss:0.####} at {Hyperparameters.Fmt(Reference.RobustBest.Rate)})";
}
