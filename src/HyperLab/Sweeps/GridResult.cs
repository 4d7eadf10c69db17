using System.Globalization;
using HyperLab.Numerics;
using HyperLab.Training;

namespace HyperLab.Sweeps;

/// <summary>One cell of a <see cref="GridResult"/>: the column and row values and the run they gave.</summary>
/// <param name="Column">The column knob's value.</param>
/// <param name="Row">The row knob's value.</param>
/// <param name="History">The run.</param>
public sealed record GridCell(double Column, double Row, History History)
{
    /// <summary>Final validation loss (nats); +∞ when the run diverged or finished no epoch, so it is never the best.</summary>
    public double Loss => History.Diverged || !double.IsFinite(History.FinalValidationLoss) ? double.PositiveInfinity : History.FinalValidationLoss;

    /// <inheritdoc/>
    public override string ToString() => $"({Hyperparameters.Fmt(Column)}, {Hyperparameters.Fmt(Row)}): validation loss {(double.IsFinite(Loss) ? Loss.ToString("0.###", CultureInfo.InvariantCulture) : "diverged")}";
}

/// <summary>
/// Every run of a two-knob <see cref="Grid"/> (lesson 06): final validation losses in a table with one row per
/// row value and one column per column value, the best row value of each column, and how that best moves
/// across the columns. Diverged runs count as +∞ loss (never the best).
/// </summary>
/// <param name="ColumnKnob">The knob along the horizontal axis, e.g. "batch".</param>
/// <param name="Columns">Its values.</param>
/// <param name="RowKnob">The knob along the vertical axis, e.g. "lr".</param>
/// <param name="Rows">Its values.</param>
/// <param name="Runs">Runs[c][r]: the run at column c and row r.</param>
public sealed record GridResult(string ColumnKnob, IReadOnlyList<double> Columns, string RowKnob, IReadOnlyList<double> Rows,
    IReadOnlyList<IReadOnlyList<History>> Runs)
{
    /// <summary>The cell at column index <paramref name="c"/> and row index <paramref name="r"/>.</summary>
    public GridCell Cell(int c, int r) => new(Columns[c], Rows[r], Runs[c][r]);

    /// <summary>Loss[r][c]: final validation loss (nats) per row and column, +∞ for diverged runs (rows first, as a heatmap draws them).</summary>
    public double[][] Loss => Rows.Select((_, r) => Columns.Select((_, c) => Cell(c, r).Loss).ToArray()).ToArray();

    /// <summary>Every cell, column by column.</summary>
    public IEnumerable<GridCell> Cells => Columns.SelectMany((_, c) => Rows.Select((_, r) => Cell(c, r)));

    /// <summary>For each column, the cell with the lowest final validation loss (null where every run of the column diverged).</summary>
    public IReadOnlyList<GridCell?> BestPerColumn => Columns.Select((_, c) =>
        Rows.Select((_, r) => Cell(c, r)).Where(x => double.IsFinite(x.Loss)).MinBy(x => x.Loss)).ToList();

    /// <summary>The cell with the lowest final validation loss of the whole grid.</summary>
    /// <exception cref="InvalidOperationException">Every run diverged.</exception>
    public GridCell Best => Cells.Where(x => double.IsFinite(x.Loss)).MinBy(x => x.Loss)
        ?? throw new InvalidOperationException("Every run of the grid diverged: lower the rates and try again.");

    /// <summary>How far the best row value moves across the columns, in decades: log10(largest best / smallest best).
    /// 0 when every column has the same best (an axis-aligned optimum). Needs positive row values.</summary>
    public double BestRowShiftDecades
    {
        get
        {
            var bests = BestPerColumn.Where(b => b is not null).Select(b => b!.Row).ToList();
            return bests.Count == 0 || bests.Min() <= 0 ? double.NaN : Math.Log10(bests.Max() / bests.Min());
        }
    }

    /// <summary>The straight line through log(best row value) against log(column value), e.g. the slope of the best
    /// rate against the batch on log-log axes (lesson 02's scaling rules predict 1 or ½).</summary>
    public LogLogFit BestRowFit
    {
        get
        {
            var bests = Columns.Zip(BestPerColumn).Where(p => p.Second is not null).ToList();
            return LogLogFit.Of(bests.Select(p => p.First).ToList(), bests.Select(p => p.Second!.Row).ToList());
        }
    }

    /// <summary>"lr × batch grid (7 × 3 runs); best lr per batch: 16 → 1e-3 (0.112), …; best overall …".</summary>
    public override string ToString()
    {
        var per = Columns.Zip(BestPerColumn).Select(p => $"{Hyperparameters.Fmt(p.First)} → " +
            (p.Second is { } b ? $"{Hyperparameters.Fmt(b.Row)} ({b.Loss.ToString("0.###", CultureInfo.InvariantCulture)})" : "all diverged"));
        int diverged = Cells.Count(x => !double.IsFinite(x.Loss));
        return $"{RowKnob} × {ColumnKnob} grid ({Rows.Count} × {Columns.Count} runs{(diverged > 0 ? $", {diverged} diverged" : "")}); " +
               $"best {RowKnob} per {ColumnKnob} (validation loss): {string.Join(", ", per)}; best overall {ColumnKnob}={Hyperparameters.Fmt(Best.Column)}, {RowKnob}={Hyperparameters.Fmt(Best.Row)} ({Best.Loss.ToString("0.###", CultureInfo.InvariantCulture)})";
    }
}
