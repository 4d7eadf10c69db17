using HyperLab.Training;
using Microsoft.FSharp.Core;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;
using CSharpStyle = Plotly.NET.CSharp.GenericChartExtensions;

namespace HyperLab.Charts;

/// <summary>
/// The course's charts (Plotly.NET). Each takes a history (or several) and a few options, and
/// returns a <see cref="GenericChart"/> with a title and labelled axes that the learner can still
/// restyle (e.g. <c>.WithSize(900, 500)</c>).
/// </summary>
public static partial class Plot
{
    /// <summary>Training and validation loss per epoch of one run (lesson 00).</summary>
    /// <param name="history">The run.</param>
    /// <param name="logY">Log-scale loss axis. Default false.</param>
    public static GenericChart Losses(History history, bool logY = false) =>
        Losses(new[] { history ?? throw new ArgumentNullException(nameof(history)) }, logY, $"Loss per epoch: {history.Label}");

    /// <summary>Training (dashed) and validation (solid) loss per epoch of several runs on one chart.</summary>
    /// <param name="histories">The runs; their labels name the lines.</param>
    /// <param name="logY">Log-scale loss axis. Default false.</param>
    /// <param name="title">Chart title. Default "Training and validation loss per epoch".</param>
    public static GenericChart Losses(IEnumerable<History> histories, bool logY = false, string? title = null)
    {
        var runs = ChartInput.Require(histories, nameof(histories));
        var traces = new List<GenericChart>();
        for (int i = 0; i < runs.Count; i++)
        {
            var (h, color) = (runs[i], Palette(i));
            string prefix = runs.Count == 1 ? "" : $"{h.Label} · ";   // one run: its label is in the title
            var x = h.Epochs.Select(e => (double)e.Epoch).ToArray();
            traces.Add(Line(x, h.Epochs.Select(e => e.TrainLoss), $"{prefix}training", color, dash: true));
            traces.Add(Line(x, h.Epochs.Select(e => e.ValidationLoss), $"{prefix}validation", color));
        }
        return WholeNumberX(Finish(traces, title ?? "Training and validation loss per epoch", "epoch", "cross-entropy loss (nats)", logY: logY),
            runs.Select(h => h.Epochs.Count).DefaultIfEmpty(1).Max());
    }

    /// <summary>The loss of every update (mini-batch) of several runs: noise and divergence show here.</summary>
    /// <param name="histories">The runs.</param>
    /// <param name="logY">Log-scale loss axis. Default true (losses span decades).</param>
    /// <param name="title">Chart title. Default "Loss per update".</param>
    public static GenericChart StepLosses(IEnumerable<History> histories, bool logY = true, string? title = null)
    {
        var traces = ChartInput.Require(histories, nameof(histories)).Select((h, i) => Line(h.Steps.Select(s => (double)s.Step).ToArray(),
            h.Steps.Select(s => s.Loss), h.Diverged ? $"{h.Label} ({h.Divergence})" : h.Label, Palette(i))).ToList();
        return Finish(traces, title ?? "Loss per update", "update (step)", "mini-batch loss (nats)", logY: logY);
    }

    /// <summary>Combines traces under a title and axis labels; log axes on request.</summary>
    internal static GenericChart Finish(IEnumerable<GenericChart> traces, string title, string xTitle, string yTitle, bool logX = false, bool logY = false)
    {
        var chart = Plotly.NET.Chart.withTitle(Wrap(title), FSharpOption<Font>.None).Invoke(CSharpChart.Combine(traces));
        chart = CSharpStyle.WithXAxisStyle<double, double, string>(chart, TitleText: xTitle, AxisType: AxisType(logX));
        chart = CSharpStyle.WithYAxisStyle<double, double, string>(chart, TitleText: yTitle, AxisType: AxisType(logY));
        // The legend goes below the plot: run labels are long and would squeeze it from the side.
        chart = CSharpStyle.WithLegendStyle(chart, Orientation: StyleParam.Orientation.Horizontal,
            X: 0, XAnchor: StyleParam.XAnchorPosition.Left, Y: -0.2, YAnchor: StyleParam.YAnchorPosition.Top);
        return CSharpStyle.WithSize(chart, 800, 520);
    }

    /// <summary>Breaks a long title into lines of at most about 70 characters (an 800-pixel chart
    /// cuts a single line off at about 90).</summary>
    internal static string Wrap(string title, int width = 70)
    {
        if (title.Length <= width) return title;
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (string word in title.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { lines.Add(line.ToString()); line.Clear(); }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        lines.Add(line.ToString());
        return string.Join("<br>", lines);
    }

    /// <summary>Whole-number ticks on the x axis (epochs, layers): 1, 2, 5 or 10 apart, whichever gives
    /// at most about 15 ticks up to <paramref name="max"/>.</summary>
    internal static GenericChart WholeNumberX(GenericChart chart, double max)
    {
        double step = new[] { 1.0, 2, 5, 10, 20, 50, 100, 200, 500, 1000 }.FirstOrDefault(s => max / s <= 15, Math.Ceiling(max / 15));
        var axis = new Plotly.NET.LayoutObjects.LinearAxis();
        axis.SetProperty("dtick", step);
        axis.SetProperty("tick0", 0);
        return Plotly.NET.Chart.withXAxis(axis, FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
    }

    private static StyleParam.AxisType AxisType(bool log) => log ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear;

    /// <summary>A line trace with a name and colour; dashed on request.</summary>
    internal static GenericChart Line(double[] x, IEnumerable<double> y, string name, Color color, bool dash = false, bool markers = false) =>
        CSharpChart.Line<double, double, string>(x, y.Select(Clean).ToArray(), Name: name, ShowMarkers: markers,
            LineColor: color, LineDash: dash ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid);

    // Plotly cannot draw NaN or ∞; they become gaps.
    private static double Clean(double v) => double.IsFinite(v) ? v : double.NaN;

    /// <summary>The i-th colour of a colour-blind-friendly palette (Okabe-Ito).</summary>
    public static Color Palette(int i) => Color.fromHex(Colors[i % Colors.Length]);

    private static readonly string[] Colors = { "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442" };
}
