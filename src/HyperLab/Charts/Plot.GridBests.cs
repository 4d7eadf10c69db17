using HyperLab.Sweeps;
using Plotly.NET;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>
    /// Lesson 06: the best row value of each column of a <see cref="Grid"/> (e.g. the best learning rate of each batch
    /// size) on log-log axes, the straight line fitted through them (<see cref="GridResult.BestRowFit"/>), and dashed
    /// reference lines of slope 1 and ½ through the fitted line's start: lesson 02's linear and square-root scaling rules.
    /// </summary>
    /// <param name="grid">The grid (positive column and row values).</param>
    /// <param name="title">Chart title. Default "Best {row} for each {column}, log-log".</param>
    public static GenericChart BestPerColumn(GridResult grid, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var bests = grid.Columns.Zip(grid.BestPerColumn).Where(p => p.Second is not null).ToList();
        var x = bests.Select(p => p.First).ToArray();
        var fit = grid.BestRowFit;
        double x0 = x[0], y0 = fit.Predict(x0);
        var traces = new List<GenericChart>
        {
            Line(x, bests.Select(p => p.Second!.Row), $"best {grid.RowKnob} of each {grid.ColumnKnob} (grid cell)", Palette(0), markers: true),
            Line(x, x.Select(fit.Predict), $"fitted line: {fit}", Palette(1)),
            Line(x, x.Select(v => y0 * v / x0), "linear rule: slope 1", Palette(6), dash: true),
            Line(x, x.Select(v => y0 * Math.Sqrt(v / x0)), "square-root rule: slope ½", Palette(2), dash: true),
        };
        return Finish(traces, title ?? $"Best {grid.RowKnob} for each {grid.ColumnKnob}, log-log",
            $"{AxisTitle(grid.ColumnKnob, grid.Columns).Replace(" (log scale)", "")} (log scale)",
            $"best {AxisTitle(grid.RowKnob, grid.Rows).Replace(" (log scale)", "")} (log scale)", logX: true, logY: true);
    }
}
