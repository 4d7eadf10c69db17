using HyperLab.Data;
using HyperLab.Sweeps;
using HyperLab.Training;

namespace HyperLab.Tuning;

/// <summary>
/// A learning-rate sweep that does not stop at the edge of its range (lesson 07): when the best rate is the
/// largest (or smallest) one tried, it adds a rate one step further on that side and trains it, up to
/// <c>maxExtensions</c> times. A best that is still at an edge afterwards is reported as such
/// ("best at the edge: extend the range"), never as an optimum.
/// </summary>
public static class EdgeAwareSweep
{
    /// <summary>Trains <paramref name="baseline"/> at each rate, extends the range while the best is at an edge, and returns every run.</summary>
    /// <param name="data">Training and validation data.</param>
    /// <param name="baseline">Everything that stays fixed.</param>
    /// <param name="rates">The first rates to try (at least 3).</param>
    /// <param name="step">Factor between an edge and the rate added beyond it. Default 2.</param>
    /// <param name="maxExtensions">Most rates added. Default 3.</param>
    /// <param name="options">Fit options for every run.</param>
    /// <param name="known">Runs already made with exactly <paramref name="baseline"/> at one of the rates (e.g. an earlier step's):
    /// reused instead of trained again. A run whose settings differ from the baseline's is refused.</param>
    public static EdgeAwareSweepResult Run(DataSplits data, Hyperparameters baseline, IEnumerable<double> rates, double step = 2, int maxExtensions = 3,
        FitOptions? options = null, IEnumerable<History>? known = null)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(baseline);
        var first = rates.Distinct().Order().ToList();
        if (first.Count < 3) throw new ArgumentException($"An edge-aware sweep needs at least 3 rates, got {first.Count}.", nameof(rates));
        if (!(step > 1)) throw new ArgumentOutOfRangeException(nameof(step), step, "The step beyond an edge must be above 1 (e.g. 2).");
        var reused = (known ?? []).ToList();
        foreach (var h in reused)
            if (h.Hyperparameters != baseline with { LearningRate = h.Hyperparameters.LearningRate })
                throw new ArgumentException($"The known run '{h.Label}' differs from the sweep's baseline in more than the learning rate: it cannot stand in for a sweep point.", nameof(known));
        var points = reused.Where(h => first.Contains(h.Hyperparameters.LearningRate)).Select(h => new SweepPoint<double>(h.Hyperparameters.LearningRate, h)).ToList();
        points.AddRange(Sweep.Run(data, baseline, "lr", first.Where(r => points.All(p => p.Value != r)), (hp, v) => hp with { LearningRate = v }, options).Points);
        var added = new List<double>();
        for (int i = 0; i < maxExtensions; i++)
        {
            var sweep = new SweepResult<double>("lr", points.OrderBy(p => p.Value).ToList());
            var edge = EdgeAwareSweepResult.EdgeOf(sweep);
            if (edge == 0) break;
            double next = edge > 0 ? sweep.Points[^1].Value * step : sweep.Points[0].Value / step;
            added.Add(next);
            points.AddRange(Sweep.Run(data, baseline, "lr", [next], (hp, v) => hp with { LearningRate = v }, options).Points);
        }
        return new EdgeAwareSweepResult(new SweepResult<double>("lr", points.OrderBy(p => p.Value).ToList()), added);
    }
}

/// <summary>An <see cref="EdgeAwareSweep"/>'s runs, sorted by rate, and the rates it added beyond the first range (lesson 07).</summary>
public sealed record EdgeAwareSweepResult(SweepResult<double> Sweep, IReadOnlyList<double> Added)
{
    /// <summary>The best rate (lowest final validation loss).</summary>
    public double BestRate => Sweep.Best.Value;

    /// <summary>The best run.</summary>
    public History Best => Sweep.Best.History;

    /// <summary>True when the best rate is still the smallest or the largest tried: the range must be extended.</summary>
    public bool BestAtEdge => EdgeOf(Sweep) != 0;

    internal static int EdgeOf(SweepResult<double> sweep)
    {
        double best = sweep.Best.Value;
        return best == sweep.Points[^1].Value ? 1 : best == sweep.Points[0].Value ? -1 : 0;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(", ", Sweep.Points.Select(p => $"η {Hyperparameters.Fmt(p.Value)}: " + (p.History.Diverged ? "diverged" : $"{p.History.FinalValidationLoss:0.####}"))) +
        (Added.Count > 0 ? $"; added beyond the first range: {string.Join(", ", Added.Select(Hyperparameters.Fmt))}" : "") +
        (BestAtEdge ? $"; best at the edge ({Hyperparameters.Fmt(BestRate)}): extend the range" : $"; best {Hyperparameters.Fmt(BestRate)}, inside the range");
}
