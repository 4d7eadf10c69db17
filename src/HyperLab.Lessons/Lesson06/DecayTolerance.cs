using System.Globalization;
using HyperLab.Claims;
using HyperLab.Data;
using HyperLab.Sweeps;

namespace HyperLab.Lessons.Lesson06;

/// <summary>
/// "The deeper model tolerates a stronger weight decay" (lesson 06), judged on several seeds: in a depth × weight-decay
/// grid, the deep column's best decay B is larger than the shallow column's best A; at B the shallow model is worse than
/// at A by more than the seed-to-seed spread (a <see cref="Difference"/>, paired by seed); and the deep model at B is no
/// worse than at A, within the seed spread (the deep model's own preference for B is often thinner than the noise, so it
/// is claimed as "no worse than", not as "better").
/// </summary>
/// <param name="ColumnKnob">The grid's column knob ("depth").</param>
/// <param name="Shallow">The shallow column's value (the first column).</param>
/// <param name="Deep">The deep column's value (the last column).</param>
/// <param name="RowKnob">The grid's row knob ("wd").</param>
/// <param name="ShallowBest">A: the shallow column's best row on the first seed's grid.</param>
/// <param name="DeepBest">B: the deep column's best row on the first seed's grid.</param>
/// <param name="ShallowHurt">The shallow model at A against at B, one value per seed.</param>
/// <param name="DeepAtOwn">The deep model's final validation loss at B, one value per seed.</param>
/// <param name="DeepAtShallows">The deep model's final validation loss at A, one value per seed.</param>
/// <param name="MinMargin">The smallest gap that counts on every seed, in nats.</param>
public sealed record DecayTolerance(string ColumnKnob, double Shallow, double Deep, string RowKnob, double ShallowBest, double DeepBest,
    Difference ShallowHurt, IReadOnlyList<double> DeepAtOwn, IReadOnlyList<double> DeepAtShallows, double MinMargin) : IEvidence
{
    /// <summary>Reads the claim from the first seed's full <paramref name="grid"/> and grids on other seeds that hold at
    /// least the rows A and B (<see cref="Measure"/> runs them).</summary>
    /// <param name="grid">The full grid (first seed): columns shallow … deep, rows the decays.</param>
    /// <param name="otherSeeds">The same grid on other seeds, with at least the rows A and B.</param>
    /// <param name="minMargin">The smallest gap that counts on every seed, in nats (≥ 0). The lesson uses 0.02.</param>
    /// <exception cref="ArgumentException">Fewer than two columns, or another seed's grid lacks row A or B.</exception>
    public static DecayTolerance Of(GridResult grid, IReadOnlyList<GridResult> otherSeeds, double minMargin)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(otherSeeds);
        if (grid.Columns.Count < 2) throw new ArgumentException("The grid needs a shallow and a deep column.", nameof(grid));
        int deep = grid.Columns.Count - 1;
        double a = (grid.BestPerColumn[0] ?? throw new InvalidOperationException($"Every run at {grid.ColumnKnob} {Hyperparameters.Fmt(grid.Columns[0])} diverged.")).Row;
        double b = (grid.BestPerColumn[deep] ?? throw new InvalidOperationException($"Every run at {grid.ColumnKnob} {Hyperparameters.Fmt(grid.Columns[deep])} diverged.")).Row;
        var grids = new[] { grid }.Concat(otherSeeds).ToList();
        List<double> At(int column, double row) => grids.Select(g =>
        {
            int r = g.Rows.ToList().IndexOf(row);
            if (r < 0) throw new ArgumentException($"A grid of another seed has no row {g.RowKnob} = {Hyperparameters.Fmt(row)}: run it with at least the rows {Hyperparameters.Fmt(a)} and {Hyperparameters.Fmt(b)}.", nameof(otherSeeds));
            return g.Cell(column, r).Loss;
        }).ToList();
        string Name(int column, double row) => $"{grid.ColumnKnob} {Hyperparameters.Fmt(grid.Columns[column])} at {grid.RowKnob} {Hyperparameters.Fmt(row)}";
        var hurt = Difference.Lower(Name(0, a), At(0, a), Name(0, b), At(0, b), minMargin);
        return new DecayTolerance(grid.ColumnKnob, grid.Columns[0], grid.Columns[deep], grid.RowKnob, a, b, hurt, At(deep, b), At(deep, a), minMargin);
    }

    /// <summary>Runs the rows A and B of <paramref name="grid"/> on each of <paramref name="extraSeeds"/> and reads the
    /// claim (see <see cref="Of"/>).</summary>
    /// <param name="data">The grid's data.</param>
    /// <param name="baseline">The grid's baseline (its seed is replaced by each extra seed).</param>
    /// <param name="columns">The grid's column knob.</param>
    /// <param name="rows">The grid's row knob.</param>
    /// <param name="grid">The grid, already run on the first seed.</param>
    /// <param name="extraSeeds">At least two more seeds, so that the spread is measured on three.</param>
    /// <param name="minMargin">The smallest gap that counts on every seed, in nats. Default 0.02.</param>
    public static DecayTolerance Measure(DataSplits data, Hyperparameters baseline, Knob columns, Knob rows, GridResult grid, IReadOnlyList<int> extraSeeds, double minMargin = 0.02)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(grid);
        if (extraSeeds is not { Count: >= 2 })
            throw new ArgumentException("Give at least two extra seeds (e.g. seed + 1 and seed + 2), so that the seed-to-seed spread is measured on three.", nameof(extraSeeds));
        var wanted = new[] { grid.BestPerColumn[0]?.Row, grid.BestPerColumn[grid.Columns.Count - 1]?.Row }.OfType<double>().Distinct().ToList();
        var others = extraSeeds.Select(s => Grid.Run(data, baseline with { Seed = s }, columns, rows with { Values = wanted })).ToList();
        return Of(grid, others, minMargin);
    }

    /// <summary>The deep model's mean loss at B minus at A (≤ 0 when it prefers B on average).</summary>
    public double DeepCost => DeepAtOwn.Average() - DeepAtShallows.Average();

    /// <summary>The tolerance of "no worse than": max(<see cref="MinMargin"/>, the standard deviation over seeds of the deep model's loss at B).</summary>
    public double Tolerance => Math.Max(MinMargin, StandardDeviation(DeepAtOwn));

    /// <summary>B is larger than A.</summary>
    public bool Larger => DeepBest > ShallowBest;

    /// <summary>At B the deep model is no worse than at A, within <see cref="Tolerance"/>.</summary>
    public bool DeepNoWorse => DeepAtOwn.All(double.IsFinite) && DeepCost <= Tolerance;

    /// <inheritdoc/>
    public bool Holds => Larger && ShallowHurt.Holds && DeepNoWorse;

    /// <summary>"best wd: depth 1 → 0, depth 4 → 1 (first seed); depth 1 at wd 0 0.58 vs … ; depth 4 at wd 1 0.70 vs 0.72 at wd 0 (3 seeds): 0.02 lower, no worse within 0.03".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string F(double v) => double.IsFinite(v) ? v.ToString("0.###", inv) : "diverged";
        string deep = $"{ColumnKnob} {Hyperparameters.Fmt(Deep)} at {RowKnob} {Hyperparameters.Fmt(DeepBest)} {F(DeepAtOwn.Average())} vs {F(DeepAtShallows.Average())} at {RowKnob} {Hyperparameters.Fmt(ShallowBest)} ({DeepAtOwn.Count} seeds): " +
            $"{(DeepCost <= 0 ? $"{F(-DeepCost)} lower" : $"{F(DeepCost)} higher")}, {(DeepNoWorse ? "no worse" : "worse")} within the tolerance {F(Tolerance)} (the seed spread at {RowKnob} {Hyperparameters.Fmt(DeepBest)}, at least {F(MinMargin)})";
        string bests = $"best {RowKnob} on the first seed: {ColumnKnob} {Hyperparameters.Fmt(Shallow)} → {Hyperparameters.Fmt(ShallowBest)}, {ColumnKnob} {Hyperparameters.Fmt(Deep)} → {Hyperparameters.Fmt(DeepBest)}" +
            (Larger ? "" : ": the deeper model's best is not larger");
        return $"{bests}; the shallow model at the deep one's best: {ShallowHurt}; {deep}";
    }

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        var v = values.Where(double.IsFinite).ToList();
        if (v.Count < 2) return 0;
        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
    }
}
