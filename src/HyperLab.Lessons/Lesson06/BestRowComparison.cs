using System.Globalization;
using HyperLab.Sweeps;

namespace HyperLab.Lessons.Lesson06;

/// <summary>
/// How the best row value of a two-knob <see cref="GridResult"/> differs between two of its columns (lesson 06), e.g.
/// the best weight decay at depth 1 against depth 4, or the best rate at 3 epochs against 15.
/// </summary>
/// <param name="Grid">The grid.</param>
/// <param name="From">Index of the first column.</param>
/// <param name="To">Index of the second column.</param>
public sealed record BestRowComparison(GridResult Grid, int From = 0, int To = 1)
{
    /// <summary>The best cell of the first column.</summary>
    public GridCell FromBest => Grid.BestPerColumn[From] ?? throw new InvalidOperationException($"Every run at {Grid.ColumnKnob} {Hyperparameters.Fmt(Grid.Columns[From])} diverged.");

    /// <summary>The best cell of the second column.</summary>
    public GridCell ToBest => Grid.BestPerColumn[To] ?? throw new InvalidOperationException($"Every run at {Grid.ColumnKnob} {Hyperparameters.Fmt(Grid.Columns[To])} diverged.");

    /// <summary>The second column's best row value is larger than the first's.</summary>
    public bool Larger => ToBest.Row > FromBest.Row;

    /// <summary>The second column's best row value is no larger than the first's (equal counts).</summary>
    public bool NoLarger => ToBest.Row <= FromBest.Row;

    /// <summary>How much lower, in nats, the first column's best is than the same column at the second column's best row:
    /// how clearly the first column prefers its own best (0 when both bests are the same row).</summary>
    public double FromMargin => Loss(From, ToBest.Row) - FromBest.Loss;

    /// <summary>The same for the second column: its loss at the first column's best row minus its own best.</summary>
    public double ToMargin => Loss(To, FromBest.Row) - ToBest.Loss;

    private double Loss(int column, double row) => Grid.Cell(column, Grid.Rows.ToList().IndexOf(row)).Loss;

    /// <summary>"best wd: depth 1 → 0 (0.582; 0.587 at 1), depth 4 → 1 (0.61; 0.75 at 0)".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string Side(GridCell best, GridCell other, int column) =>
            $"{Grid.ColumnKnob} {Hyperparameters.Fmt(Grid.Columns[column])} → {Hyperparameters.Fmt(best.Row)} ({best.Loss.ToString("0.###", inv)}" +
            (best.Row == other.Row ? ")" : $"; {Loss(column, other.Row).ToString("0.###", inv)} at {Hyperparameters.Fmt(other.Row)})");
        return $"best {Grid.RowKnob}: {Side(FromBest, ToBest, From)}, {Side(ToBest, FromBest, To)}";
    }
}
