using HyperLab.Interactions;
using HyperLab.Sweeps;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>
    /// Lesson 06: the spread of final validation loss each knob caused around one baseline: for each knob a bar
    /// from its lowest to its highest loss (the bar's height is the spread), and every run as a dot.
    /// </summary>
    /// <param name="importance">A measurement from <see cref="Importance.Measure"/>.</param>
    /// <param name="title">Chart title. Default "Which hyperparameter matters most? Spread of validation loss per knob".</param>
    public static GenericChart Spread(ImportanceResult importance, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(importance);
        var names = importance.Knobs.Select(k => $"{k.Knob.Name} ({Hyperparameters.Fmt(k.Knob.Values.Min())}..{Hyperparameters.Fmt(k.Knob.Values.Max())})").ToArray();
        var bars = CSharpChart.Column<double, string, string>(importance.Knobs.Select(k => k.Spread), names, Name: "spread: highest − lowest validation loss", MarkerColor: Palette(5));
        var baseTrace = GenericChart.mapTrace(FSharpFunc(t => { t.SetProperty("base", importance.Knobs.Select(k => k.Lowest).ToArray()); return t; }), bars);
        var dots = importance.Knobs.SelectMany((k, i) => k.Sweep.Points.Where(p => !p.History.Diverged).Select(p => (names[i], p.History.FinalValidationLoss))).ToList();
        var points = CSharpChart.Point<string, double, string>(dots.Select(d => d.Item1), dots.Select(d => d.FinalValidationLoss), Name: "each run (final validation loss)", MarkerColor: Palette(0));
        var chart = Plotly.NET.Chart.withTitle(title ?? "Which hyperparameter matters most? Spread of validation loss per knob", Microsoft.FSharp.Core.FSharpOption<Font>.None)
            .Invoke(CSharpChart.Combine(new[] { baseTrace, points }));
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: "knob varied (its range), the others at the baseline");
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: "final validation loss (nats)");
        return Plotly.NET.CSharp.GenericChartExtensions.WithSize(chart, 800, 520);
    }

    /// <summary>
    /// Lesson 06's isolation plot (Deep Learning Tuning Playbook): for each value of the hyperparameter under study
    /// (the grid's columns), the best validation loss after re-tuning the nuisance hyperparameter (the grid's rows,
    /// usually the learning rate), with the best value written at each point; and, dashed, the loss at one fixed
    /// value of the nuisance hyperparameter, which is what a comparison without re-tuning would see (a diverged run
    /// leaves a gap).
    /// </summary>
    /// <param name="grid">Columns: the studied hyperparameter; rows: the nuisance one.</param>
    /// <param name="fixedRow">The nuisance value a comparison without re-tuning would use (must be one of the rows).</param>
    /// <param name="title">Chart title. Default "Isolation plot: {column} with {row} re-tuned for each value".</param>
    public static GenericChart Isolation(GridResult grid, double fixedRow, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int r = grid.Rows.ToList().IndexOf(fixedRow);
        if (r < 0) throw new ArgumentException($"{grid.RowKnob}={Hyperparameters.Fmt(fixedRow)} is not one of the grid's rows ({string.Join(", ", grid.Rows.Select(Hyperparameters.Fmt))}).", nameof(fixedRow));
        var x = grid.Columns.ToArray();
        var bests = grid.BestPerColumn;
        var tuned = CSharpChart.Line<double, double, string>(x, bests.Select(b => b?.Loss ?? double.NaN), Name: $"{grid.RowKnob} re-tuned for each {grid.ColumnKnob} (best of {grid.Rows.Count})",
            ShowMarkers: true, LineColor: Palette(0), MultiText: bests.Select(b => b is null ? "" : $"{grid.RowKnob}={Hyperparameters.Fmt(b.Row)}").ToArray(), TextPosition: StyleParam.TextPosition.TopCenter);
        var fixedLine = Line(x, grid.Columns.Select((_, c) => grid.Cell(c, r).Loss), $"{grid.RowKnob} fixed at {Hyperparameters.Fmt(fixedRow)}", Palette(1), dash: true, markers: true);
        return Finish(new[] { tuned, fixedLine }, title ?? $"Isolation plot: {grid.ColumnKnob} with {grid.RowKnob} re-tuned for each value",
            grid.ColumnKnob == "depth" ? "hidden layers (the hyperparameter under study)" : $"{grid.ColumnKnob} (the hyperparameter under study)", "final validation loss (nats)");
    }
}
