using HyperLab.Data;
using HyperLab.Training;

namespace HyperLab.Finder;

/// <summary>
/// The finder's suggestion confirmed by a short sweep at the real budget (lesson 01): the range test reads
/// the valley without knowing how long you will train, and valley is cautious; the sweep trains at a few
/// multiples of it (default ×1, ×2, ×4, ×8, ×16) for the full budget and keeps the best. The pick is refined
/// between grid points by a parabola through the best point and its two neighbours (loss against log rate),
/// so that two repetitions whose sweeps differ slightly do not jump a whole grid step apart.
/// </summary>
/// <param name="Finder">The range tests the sweep started from.</param>
/// <param name="Rates">The rates trained.</param>
/// <param name="Losses">Final validation loss at each rate, averaged over the seeds (∞ when a run diverged).</param>
/// <param name="Rate">The confirmed rate.</param>
public sealed record ConfirmedRate(FinderSpread Finder, IReadOnlyList<double> Rates, IReadOnlyList<double> Losses, double Rate)
{
    /// <summary>The default multiples of the finder's suggestion: 1, 2, 4, 8, 16.</summary>
    public static IReadOnlyList<double> DefaultFactors { get; } = [1, 2, 4, 8, 16];

    /// <summary>Trains <paramref name="hp"/> at each multiple of <paramref name="finder"/>'s suggestion on the
    /// first <paramref name="seeds"/> seeds of its runs, and returns the refined best rate.</summary>
    /// <param name="finder">Range tests on the same data and settings.</param>
    /// <param name="hp">The real run: budget, optimizer, network (rate and seed are set here).</param>
    /// <param name="data">Training and validation data.</param>
    /// <param name="factors">Multiples of the suggestion, ascending; default <see cref="DefaultFactors"/>.</param>
    /// <param name="seeds">How many of the finder's seeds to train each rate on (mean loss); default 1.</param>
    /// <param name="options">How to run each fit (e.g. a notebook's live progress, <c>lesson.Options</c>); its label is set per run. Default: silent.</param>
    public static ConfirmedRate Run(FinderSpread finder, Hyperparameters hp, DataSplits data, IReadOnlyList<double>? factors = null, int seeds = 1, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(finder);
        ArgumentNullException.ThrowIfNull(hp);
        factors ??= DefaultFactors;
        if (factors.Count < 3) throw new ArgumentException("Give at least 3 multiples (e.g. 1, 2, 4, 8, 16) so the best can be refined.", nameof(factors));
        if (seeds < 1 || seeds > finder.Runs.Count) throw new ArgumentOutOfRangeException(nameof(seeds), seeds, $"Between 1 and the finder's {finder.Runs.Count} seeds.");
        double start = finder.SuggestedRate;
        var rates = factors.Select(f => start * f).ToArray();
        var losses = rates.Select(r => finder.Runs.Take(seeds).Average(run =>
        {
            using var fit = Trainer.Fit(hp with { LearningRate = r, Seed = run.Hyperparameters.Seed }, data, (options ?? new FitOptions()) with { Label = $"confirming η = {Hyperparameters.Fmt(r)}, seed {run.Hyperparameters.Seed}" });
            return SweepReference.FinalLoss(fit.History);
        })).ToArray();
        return new ConfirmedRate(finder, rates, losses, Refine(rates, losses));
    }

    /// <summary>The rate at the lowest loss, refined by the vertex of the parabola through it and its two
    /// neighbours in (log rate, loss), kept between those neighbours; at either end of the grid, or when
    /// the neighbours are not finite, the grid point itself.</summary>
    public static double Refine(IReadOnlyList<double> rates, IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(losses);
        int i = Enumerable.Range(0, losses.Count).MinBy(k => losses[k]);
        if (i == 0 || i == rates.Count - 1 || !double.IsFinite(losses[i - 1] + losses[i + 1])) return rates[i];
        double x0 = Math.Log(rates[i - 1]), x1 = Math.Log(rates[i]), x2 = Math.Log(rates[i + 1]);
        double y0 = losses[i - 1], y1 = losses[i], y2 = losses[i + 1];
        double d = (x0 - x1) * (x0 - x2) * (x1 - x2);
        double a = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / d;
        double b = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / d;
        if (!(a > 0)) return rates[i];
        return Math.Exp(Math.Clamp(-b / (2 * a), x0, x2));
    }

    /// <summary>"confirmed η = 3.1e-3 (finder 9.1e-4; ×1 → 0.151, ×2 → 0.118, …)".</summary>
    public override string ToString() =>
        $"confirmed η = {Hyperparameters.Fmt(Rate)} (finder {Hyperparameters.Fmt(Finder.SuggestedRate)}; " +
        string.Join(", ", Rates.Zip(Losses).Select(p => $"{Hyperparameters.Fmt(p.First)} → {p.Second:0.###}")) + ")";
}
