using HyperLab.Data;
using HyperLab.Training;

namespace HyperLab.Sweeps;

/// <summary>
/// Changes two knobs together (lesson 06): one <see cref="Sweep"/> over the row knob for every value of the
/// column knob, so every pair is trained once, everything else fixed. The result is a table of final
/// validation losses that <c>Plot.Heatmap</c> (HyperLab.Charts) draws and the
/// lesson's claims read.
/// </summary>
/// <example><code>
/// var grid = Grid.Run(data, baseline, Knob.BatchSize(16, 64, 256), Knob.LearningRate(Sweep.LogGrid(1e-4, 1e-1)));
/// grid.BestPerColumn   // the best rate for each batch size
/// </code></example>
public static class Grid
{
    /// <summary>Trains <paramref name="baseline"/> once per (column value, row value) pair, e.g.
    /// <c>Grid.Run(data, baseline, Knob.BatchSize(16, 64, 256), Knob.LearningRate(Sweep.LogGrid(1e-4, 1e-1)))</c>.</summary>
    /// <param name="data">Training and validation data.</param>
    /// <param name="baseline">Everything that stays fixed.</param>
    /// <param name="columns">The knob along the horizontal axis and its values.</param>
    /// <param name="rows">The knob along the vertical axis and its values.</param>
    /// <param name="options">Fit options for every run (labels are set per run). Default none.</param>
    public static GridResult Run(DataSplits data, Hyperparameters baseline, Knob columns, Knob rows, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        return Run(data, baseline, columns.Name, columns.Values, columns.Apply, rows.Name, rows.Values, rows.Apply, options);
    }

    /// <summary>Trains <paramref name="baseline"/> once per (column value, row value) pair.</summary>
    /// <param name="data">Training and validation data.</param>
    /// <param name="baseline">Everything that stays fixed.</param>
    /// <param name="columnKnob">Name of the knob along the horizontal axis ("batch").</param>
    /// <param name="columns">Its values, in the order they are drawn (at least one).</param>
    /// <param name="applyColumn">Sets it, e.g. <c>(hp, b) =&gt; hp with { BatchSize = (int)b }</c>.</param>
    /// <param name="rowKnob">Name of the knob along the vertical axis ("lr").</param>
    /// <param name="rows">Its values, in the order they are drawn (at least one).</param>
    /// <param name="applyRow">Sets it, e.g. <c>(hp, r) =&gt; hp with { LearningRate = r }</c>.</param>
    /// <param name="options">Fit options for every run (labels are set per run). Default none.</param>
    public static GridResult Run(DataSplits data, Hyperparameters baseline,
        string columnKnob, IReadOnlyList<double> columns, Func<Hyperparameters, double, Hyperparameters> applyColumn,
        string rowKnob, IReadOnlyList<double> rows, Func<Hyperparameters, double, Hyperparameters> applyRow,
        FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(applyColumn);
        if (columns is not { Count: > 0 }) throw new ArgumentException("A grid needs at least one column value.", nameof(columns));
        if (rows is not { Count: > 0 }) throw new ArgumentException("A grid needs at least one row value.", nameof(rows));
        var sweeps = columns.Select(c =>
            Sweep.Run(data, applyColumn(baseline, c), $"{columnKnob}={Hyperparameters.Fmt(c)} · {rowKnob}", rows, applyRow, options)).ToList();
        var cells = sweeps.Select((s, ci) => (IReadOnlyList<History>)s.Points.Select(p => p.History).ToList()).ToList();
        return new GridResult(columnKnob, columns.ToList(), rowKnob, rows.ToList(), cells);
    }
}
