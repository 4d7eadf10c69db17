using HyperLab.Data;
using HyperLab.Training;

namespace HyperLab.Finder;

/// <summary>
/// A finder-seeded sweep (lesson 01): the range test's valley, then a sweep at the real budget around it, trained
/// at multiples of the valley on both sides (default ×¼ to ×16) for the full budget, keeping the best. The pick is
/// refined between grid points by a parabola through the best point and its two neighbours (loss against log rate),
/// so that two repetitions whose sweeps differ slightly do not jump a whole grid step apart. It is a sweep, with a
/// sweep's cost (<see cref="CostRuns"/>); a pick on the grid's edge (<see cref="OnEdge"/>) means "extend the grid".
/// </summary>
/// <param name="Finder">The range tests the sweep started from.</param>
/// <param name="Rates">The rates trained.</param>
/// <param name="Losses">Final validation loss at each rate, averaged over the seeds (∞ when a run diverged).</param>
/// <param name="Rate">The confirmed rate.</param>
/// <param name="Seeds">Training runs per rate.</param>
/// <param name="PlannedSteps">Updates of one planned run (epochs × mini-batches per epoch).</param>
public sealed record ConfirmedRate(FinderSpread Finder, IReadOnlyList<double> Rates, IReadOnlyList<double> Losses, double Rate, int Seeds, int PlannedSteps)
{
    /// <summary>The default multiples of the finder's suggestion: ¼, ½, 1, 2, 4, 8, 16 (the best rate for a short
    /// run is usually above the valley, for a long one it can be below).</summary>
    public static IReadOnlyList<double> DefaultFactors { get; } = [0.25, 0.5, 1, 2, 4, 8, 16];

    /// <summary>Full training runs of the sweep: rates × seeds.</summary>
    public int Runs => Rates.Count * Seeds;

    /// <summary>The whole cost in planned runs: the range tests' steps plus the sweep's runs.</summary>
    public double CostRuns => Runs + (double)Finder.Runs.Sum(r => r.Steps) / PlannedSteps;

    /// <summary>The lowest loss is at the lowest or the highest rate of the grid: the best may lie outside it.</summary>
    public bool OnEdge
    {
        get
        {
            int i = Enumerable.Range(0, Losses.Count).MinBy(k => Losses[k]);
            return i == 0 || i == Losses.Count - 1;
        }
    }

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
        int planned = hp.Epochs * HyperLab.Data.Batches.PerEpoch(data.Train.Count, hp.BatchSize);
        return new ConfirmedRate(finder, rates, losses, Refine(rates, losses), seeds, planned);
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

    /// <summary>"confirmed η = 3.1e-3 (finder 9.1e-4; 2.3e-4 → 0.3, …); cost 21 runs + range tests = 21.9 planned runs (…)"; with a warning when the pick is on the grid's edge.</summary>
    public override string ToString() =>
        $"confirmed η = {Hyperparameters.Fmt(Rate)} (finder {Hyperparameters.Fmt(Finder.SuggestedRate)}; " +
        string.Join(", ", Rates.Zip(Losses).Select(p => $"{Hyperparameters.Fmt(p.First)} → {p.Second:0.###}")) + "); " +
        $"cost {Rates.Count} rates × {Seeds} seeds = {Runs} runs + range tests = {CostRuns:0.#} planned runs ({CostRuns * PlannedSteps:N0} updates)" +
        (OnEdge ? $"; warning: the best is at the {(Enumerable.Range(0, Losses.Count).MinBy(k => Losses[k]) == 0 ? "lowest" : "highest")} rate of the grid, extend it" : "");
}
