using HyperLab.Sweeps;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>
    /// Lesson 06: the best row value of each column of a <see cref="Grid"/> (e.g. the best learning rate of each batch
    /// size) on log-log axes, the straight line fitted through them (<see cref="GridResult.BestRowFit"/>), and dashed
    /// reference lines of slope 1 and ½ through the fitted line's start: lesson 02's linear and square-root scaling rules.
    /// </summary>
    /// <param name="grid">The grid (positive column and row values).</param>
    /// <param name="options">Title (default "Best {row} for each {column}, log-log"), axis titles, size.</param>
    public static GenericChart BestPerColumn(GridResult grid, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var bests = grid.Columns.Zip(grid.BestPerColumn).Where(p => p.Second is not null).ToList();
        if (bests.Count == 0) throw new ArgumentException("Every run of the grid diverged: no best to draw.", nameof(grid));
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
        return Finish(traces, options ?? ChartOptions.Default, $"Best {grid.RowKnob} for each {grid.ColumnKnob}, log-log",
            Scaled(KnobName(grid.ColumnKnob), true), Scaled($"best {KnobName(grid.RowKnob)}", true), logX: true, logY: true);
    }

    /// <summary>
    /// Lesson 06's isolation plot (Deep Learning Tuning Playbook): for each value of the hyperparameter under study (the
    /// grid's columns), the best validation loss after re-tuning the nuisance hyperparameter (the grid's rows, usually
    /// the learning rate), with the best value written at each point; and, dashed, the loss at one fixed value of the
    /// nuisance hyperparameter, which is what a comparison without re-tuning would see (a diverged run leaves a gap).
    /// </summary>
    /// <param name="grid">Columns: the studied hyperparameter; rows: the nuisance one.</param>
    /// <param name="fixedRow">The nuisance value a comparison without re-tuning would use (must be one of the rows).</param>
    /// <param name="options">Title (default "Isolation plot: {column} with {row} re-tuned for each value"), axis titles,
    /// <see cref="ChartOptions.LogX"/> (default false), size.</param>
    public static GenericChart Isolation(GridResult grid, double fixedRow, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int r = grid.Rows.ToList().IndexOf(fixedRow);
        if (r < 0) throw new ArgumentException($"{grid.RowKnob}={Hyperparameters.Fmt(fixedRow)} is not one of the grid's rows ({string.Join(", ", grid.Rows.Select(Hyperparameters.Fmt))}).", nameof(fixedRow));
        var x = grid.Columns.ToArray();
        var bests = grid.BestPerColumn;
        var tuned = CSharpChart.Line<double, double, string>(x, bests.Select(b => b?.Loss ?? double.NaN), Name: $"{grid.RowKnob} re-tuned for each {grid.ColumnKnob} (best of {grid.Rows.Count})",
            ShowMarkers: true, LineColor: Palette(0), MultiText: bests.Select(b => b is null ? "" : $"{grid.RowKnob}={Hyperparameters.Fmt(b.Row)}").ToArray(), TextPosition: StyleParam.TextPosition.TopCenter);
        var fixedLine = Line(x, grid.Columns.Select((_, c) => grid.Cell(c, r).Loss), $"{grid.RowKnob} fixed at {Hyperparameters.Fmt(fixedRow)}", Palette(1), dash: true, markers: true);
        var o = options ?? ChartOptions.Default;
        bool logX = o.LogX ?? false;
        return Finish(new[] { tuned, fixedLine }, o, $"Isolation plot: {grid.ColumnKnob} with {grid.RowKnob} re-tuned for each value",
            Scaled($"{KnobName(grid.ColumnKnob)}, the hyperparameter under study", logX), "final validation loss (nats)", logX: logX);
    }
}
