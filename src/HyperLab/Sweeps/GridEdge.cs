using HyperLab.Claims;

namespace HyperLab.Sweeps;

/// <summary>
/// Whether a sweep's best value lies inside its grid (every lesson that sweeps). A best on the grid's lowest or
/// highest value is not a best: the optimum may lie beyond it, so a claim about "the best" fails with
/// "best at the edge of the grid: extend the range".
/// </summary>
/// <param name="Knob">The swept knob, e.g. "lr".</param>
/// <param name="Values">The grid's values.</param>
/// <param name="Best">The best value found.</param>
public sealed record GridEdge(string Knob, IReadOnlyList<double> Values, double Best) : IEvidence
{
    /// <summary>The message of a best on the edge.</summary>
    public const string ExtendTheRange = "best at the edge of the grid: extend the range";

    /// <summary>The best is the grid's lowest value.</summary>
    public bool AtLowEdge => Values.Count > 0 && Best <= Values.Min();

    /// <summary>The best is the grid's highest value.</summary>
    public bool AtHighEdge => Values.Count > 0 && Best >= Values.Max();

    /// <summary>True when the best lies strictly inside the grid (a grid of fewer than three values has no inside).</summary>
    public bool Holds => Values.Count >= 3 && !AtLowEdge && !AtHighEdge;

    /// <summary>"best lr 1e-3, inside the grid 1e-5 … 0.1", or "best at the edge of the grid: extend the range (best lr 0.1 is the highest value tried, grid 1e-5 … 0.1)".</summary>
    public override string ToString()
    {
        string grid = Values.Count == 0 ? "empty grid" : $"grid {Hyperparameters.Fmt(Values.Min())} … {Hyperparameters.Fmt(Values.Max())}";
        if (Holds) return $"best {Knob} {Hyperparameters.Fmt(Best)}, inside the {grid}";
        string where = Values.Count < 3 ? $"a grid of {Values.Count} values has no inside" : AtLowEdge ? "is the lowest value tried" : "is the highest value tried";
        return $"{ExtendTheRange} (best {Knob} {Hyperparameters.Fmt(Best)} {where}, {grid})";
    }
}

/// <summary>The edge check of one-knob sweeps and two-knob grids.</summary>
public static class GridEdges
{
    /// <summary>Where the sweep's best value sits in its grid.</summary>
    public static GridEdge Edge(this SweepResult<double> sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return new GridEdge(sweep.Knob, sweep.Points.Select(p => p.Value).ToList(), sweep.Best.Value);
    }

    /// <summary>Where the sweep's best value sits in its grid (integer knobs: batch, depth).</summary>
    public static GridEdge Edge(this SweepResult<int> sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return new GridEdge(sweep.Knob, sweep.Points.Select(p => (double)p.Value).ToList(), sweep.Best.Value);
    }

    /// <summary>Where the grid's best cell sits along the row knob (e.g. the rate of an lr × batch grid).</summary>
    public static GridEdge RowEdge(this GridResult grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return new GridEdge(grid.RowKnob, grid.Rows, grid.Best.Row);
    }

    /// <summary>Where the grid's best cell sits along the column knob.</summary>
    public static GridEdge ColumnEdge(this GridResult grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return new GridEdge(grid.ColumnKnob, grid.Columns, grid.Best.Column);
    }

    /// <summary>Where each column's best row sits in the rows (null for a column whose every run diverged).</summary>
    public static IReadOnlyList<GridEdge?> RowEdgePerColumn(this GridResult grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return grid.BestPerColumn.Select(b => b is null ? null : new GridEdge(grid.RowKnob, grid.Rows, b.Row)).ToList();
    }
}
