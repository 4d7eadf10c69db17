using System.Globalization;

namespace HyperLab.Lessons.Lesson06;

/// <summary>
/// The best weight decay at each learning rate, read on one axis (lesson 06): on the seed-averaged grid and on each
/// seed alone, and how far it moves across the rates.
/// </summary>
/// <param name="Name">What is tracked, e.g. "AdamW's λ′ = η·λ".</param>
/// <param name="Rates">The learning rates, ascending.</param>
/// <param name="Best">The best decay at each rate on the seed-averaged grid.</param>
/// <param name="BestPerSeed">BestPerSeed[s][r]: the best decay of seed s at rate r.</param>
public sealed record BestDecayTrack(string Name, IReadOnlyList<double> Rates, IReadOnlyList<double> Best, IReadOnlyList<IReadOnlyList<double>> BestPerSeed)
{
    /// <summary>log10(largest best / smallest best) across the rates on the averaged grid; NaN when a best is 0.</summary>
    public double ShiftDecades => Shift(Best);

    /// <summary>The same shift on each seed alone (NaN for a seed whose best is 0 at some rate).</summary>
    public IReadOnlyList<double> ShiftDecadesPerSeed => BestPerSeed.Select(Shift).ToList();

    // Rounded to 0.01 decade: grid values written to three digits (3.16 for √10) must not decide a comparison.
    private static double Shift(IReadOnlyList<double> best) => best.Any(b => b <= 0) ? double.NaN : Math.Round(Math.Log10(best.Max() / best.Min()), 2);

    /// <summary>"AdamW's λ: 3.16 at lr 3.16e-3, 3.16 at lr 0.01 (moves 0 decades)".</summary>
    public override string ToString() =>
        $"{Name}: {string.Join(", ", Rates.Select((r, i) => $"{Hyperparameters.Fmt(Best[i])} at lr {Hyperparameters.Fmt(r)}"))} (moves {Decades(ShiftDecades)})";

    internal static string Decades(double d) => double.IsNaN(d) ? "—" : $"{d.ToString("0.#", CultureInfo.InvariantCulture)} decade{(Math.Abs(d - 1) < 0.05 ? "" : "s")}";
}

/// <summary>
/// Which of two decay numbers keeps its best value across learning rates (lesson 06): <see cref="Steadier"/> is
/// claimed to move less than <see cref="Moving"/>. It holds when both are measured (every best positive, none on the
/// top edge of its grid), the difference of the two shifts on the seed-averaged grids is positive and larger than its
/// seed-to-seed spread (the standard deviation of the same difference measured on each seed alone), and that difference
/// is positive on every seed alone.
/// </summary>
/// <param name="Steadier">The decay number claimed to move less.</param>
/// <param name="Moving">The decay number claimed to move more.</param>
/// <param name="Problems">Why a best cannot be read: "best at the top edge of the grid: extend the range", "decay 0 is best: …".</param>
public sealed record DecayShift(BestDecayTrack Steadier, BestDecayTrack Moving, IReadOnlyList<string> Problems)
{
    /// <summary>Compares two tracks; <paramref name="problems"/> come from the grids (see <see cref="DecayRateGrid.Problems"/>).</summary>
    public static DecayShift Of(BestDecayTrack steadier, BestDecayTrack moving, IEnumerable<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(steadier);
        ArgumentNullException.ThrowIfNull(moving);
        if (steadier.BestPerSeed.Count != moving.BestPerSeed.Count)
            throw new ArgumentException($"Both tracks need the same seeds ({steadier.BestPerSeed.Count} against {moving.BestPerSeed.Count}).", nameof(moving));
        return new DecayShift(steadier, moving, (problems ?? []).Distinct().ToList());
    }

    /// <summary>How many decades further <see cref="Moving"/>'s best moves than <see cref="Steadier"/>'s (averaged grids).</summary>
    public double Margin => Math.Round(Moving.ShiftDecades - Steadier.ShiftDecades, 2);

    /// <summary>The same difference on each seed alone.</summary>
    public IReadOnlyList<double> MarginPerSeed => Moving.ShiftDecadesPerSeed.Zip(Steadier.ShiftDecadesPerSeed, (m, s) => Math.Round(m - s, 2)).ToList();

    /// <summary>The seed-to-seed spread of the margin: the sample standard deviation of <see cref="MarginPerSeed"/>
    /// (0 with one seed; NaN when a seed's best is 0 somewhere).</summary>
    public double SeedSpread
    {
        get
        {
            var m = MarginPerSeed;
            if (m.Any(double.IsNaN)) return double.NaN;
            if (m.Count < 2) return 0;
            double mean = m.Average();
            return Math.Round(Math.Sqrt(m.Sum(x => (x - mean) * (x - mean)) / (m.Count - 1)), 2);
        }
    }

    /// <summary>Every best measured; the margin on the averaged grids positive and larger than the seed-to-seed spread;
    /// and the margin positive on every seed alone (the direction does not depend on the seed).</summary>
    public bool Holds => Problems.Count == 0 && double.IsFinite(Margin) && double.IsFinite(SeedSpread) && Margin > 0 && Margin > SeedSpread
        && MarginPerSeed.All(m => m > 0);

    /// <summary>The two tracks, the margin against the spread, and any problem in words.</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string verdict = Holds ? "holds" : "does not hold";
        string margin = double.IsFinite(Margin) ? Margin.ToString("0.##", inv) : "—";
        string spread = double.IsFinite(SeedSpread) ? SeedSpread.ToString("0.##", inv) : "—";
        return $"{Steadier}; {Moving}; margin {margin} decades against a seed-to-seed spread (standard deviation) of {spread} " +
               $"(per seed {string.Join(", ", MarginPerSeed.Select(m => double.IsNaN(m) ? "—" : m.ToString("0.##", inv)))}): {verdict}" +
               (Problems.Count > 0 ? $" ({string.Join("; ", Problems)})" : "");
    }
}
