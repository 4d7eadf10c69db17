using HyperLab.Charts;
using Plotly.NET;
using static HyperLab.Charts.Plot;
using CSharpChart = Plotly.NET.CSharp.Chart;
using CSharpStyle = Plotly.NET.CSharp.GenericChartExtensions;

namespace HyperLab.Lessons.Lesson06;

public static partial class Lesson06Charts
{
    /// <summary>
    /// Lesson 06: the spread of final validation loss each knob caused around one baseline: for each knob a bar from its
    /// lowest to its highest loss (the bar's height is the spread), and every run as a circle.
    /// </summary>
    /// <param name="importance">A measurement from <see cref="SweepImportance.Measure"/>.</param>
    /// <param name="options">Title (default "Which hyperparameter matters most? Spread of validation loss per knob"),
    /// axis titles, size.</param>
    public static GenericChart Spread(ImportanceResult importance, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(importance);
        var names = importance.Knobs.Select(k => $"{k.Knob.Name} ({Hyperparameters.Fmt(k.Knob.Values.Min())}..{Hyperparameters.Fmt(k.Knob.Values.Max())})").ToArray();
        var bars = CSharpChart.Column<double, string, string>(importance.Knobs.Select(k => k.Spread), names, Name: "spread: highest − lowest validation loss", MarkerColor: Palette(5));
        var based = GenericChart.mapTrace(FSharpFunc(t => { t.SetProperty("base", importance.Knobs.Select(k => k.Lowest).ToArray()); return t; }), bars);
        var dots = importance.Knobs.SelectMany((k, i) => k.Sweep.Points.Where(p => !p.History.Diverged).Select(p => (Name: names[i], Loss: p.History.FinalValidationLoss))).ToList();
        var points = Markers(dots.Select(d => d.Name).ToArray(), dots.Select(d => d.Loss).ToArray(), "each run (final validation loss)", Palette(0), StyleParam.MarkerSymbol.Circle, size: 8);
        var o = options ?? ChartOptions.Default;
        var chart = CSharpStyle.WithXAxisStyle<double, double, string>(CSharpChart.Combine(new[] { based, points }), TitleText: o.XTitle ?? "knob varied (its range), the others at the baseline");
        chart = CSharpStyle.WithYAxisStyle<double, double, string>(chart, TitleText: o.YTitle ?? "final validation loss (nats)");
        return Frame(chart, o, "Which hyperparameter matters most? Spread of validation loss per knob", 800, 520);
    }
}
