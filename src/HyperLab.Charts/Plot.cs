using Microsoft.FSharp.Core;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;
using CSharpStyle = Plotly.NET.CSharp.GenericChartExtensions;

namespace HyperLab.Charts;

/// <summary>
/// The course's charts (Plotly.NET), named by what they draw: <see cref="EpochCurves(IEnumerable{Training.History}, ChartOptions?)"/>,
/// <see cref="StepCurves"/>, <see cref="SweepCurve{T}(IEnumerable{Sweeps.SweepResult{T}}, ChartOptions?)"/>,
/// <see cref="Heatmap(Sweeps.GridResult, ChartOptions?)"/>, <see cref="ParallelCoordinates"/>, and a few charts of
/// measurements that look like nothing else (the range test, descent paths, gradient noise, throughput, memory...).
/// Each takes histories or results and one <see cref="ChartOptions"/> (title, axis titles, log axes, metric, series,
/// a reference line, size), fixes the numbers to <see cref="double"/>, and returns a <see cref="GenericChart"/> with
/// a title and labelled axes that the learner can still restyle (e.g. <c>.WithSize(900, 500)</c>). Null or empty
/// input is refused with an <see cref="ArgumentException"/> naming the parameter.
/// </summary>
public static partial class Plot
{
    /// <summary>Combines traces under a title and axis labels (the options' own when set), with log axes on request, the
    /// legend below the plot and the options' size (default 800 × 520).</summary>
    /// <remarks>With <paramref name="clipOutliers"/> (comparison charts: epoch, step and sweep curves) and a linear y axis,
    /// a few points far above the rest (a single spike) no longer set the y range: see <see cref="RobustRange"/>; the y
    /// axis title then says how many points lie above the range. <see cref="ChartOptions.ClipOutliers"/> = false turns it off.</remarks>
    internal static GenericChart Finish(IEnumerable<GenericChart> traces, ChartOptions o, string title, string xTitle, string yTitle,
        bool logX = false, bool logY = false, bool clipOutliers = false)
    {
        int width = o.Width ?? 800;
        var combined = CSharpChart.Combine(traces);
        var clip = clipOutliers && o.ClipOutliers && !logY ? RobustRange(YValues(combined)) : null;
        var chart = Plotly.NET.Chart.withTitle(Wrap(o.Title ?? title, TitleWidth(width)), FSharpOption<Font>.None).Invoke(combined);
        chart = CSharpStyle.WithXAxisStyle<double, double, string>(chart, TitleText: o.XTitle ?? xTitle, AxisType: AxisType(logX));
        chart = clip is { } c
            ? CSharpStyle.WithYAxisStyle<double, double, string>(chart, TitleText: $"{o.YTitle ?? yTitle}<br><sub>{c.Note}</sub>", AxisType: AxisType(logY), MinMax: Tuple.Create(c.Low, c.High))
            : CSharpStyle.WithYAxisStyle<double, double, string>(chart, TitleText: o.YTitle ?? yTitle, AxisType: AxisType(logY));
        chart = ExponentTicks(chart);
        // The legend goes below the plot: run labels are long and would squeeze it from the side.
        chart = CSharpStyle.WithLegendStyle(chart, Orientation: StyleParam.Orientation.Horizontal,
            X: 0, XAnchor: StyleParam.XAnchorPosition.Left, Y: -0.2, YAnchor: StyleParam.YAnchorPosition.Top);
        return CSharpStyle.WithSize(chart, width, o.Height ?? 520);
    }

    /// <summary>Sets a title (wrapped to the chart's width) and the size on a chart that has its own axes (heatmaps,
    /// parallel coordinates, images).</summary>
    /// <remarks>The x and y axes get exponent tick labels as in <see cref="Finish"/>; pass <paramref name="cartesian"/> = false
    /// for a chart without them (parallel coordinates), which labels its own axes.</remarks>
    internal static GenericChart Frame(GenericChart chart, ChartOptions o, string title, int width, int height, bool cartesian = true)
    {
        int w = o.Width ?? width;
        chart = Plotly.NET.Chart.withTitle(Wrap(o.Title ?? title, TitleWidth(w)), FSharpOption<Font>.None).Invoke(chart);
        if (cartesian) chart = ExponentTicks(chart);
        return CSharpStyle.WithSize(chart, w, o.Height ?? height);
    }

    // About 11.4 pixels per character of the title font: 70 characters at 800 pixels.
    private static int TitleWidth(int pixels) => Math.Max(30, (int)(pixels / 11.4));

    /// <summary>Breaks a long title into lines of at most about <paramref name="width"/> characters (default 70: an
    /// 800-pixel chart cuts a single line off at about 90). Existing "&lt;br&gt;" breaks are kept.</summary>
    internal static string Wrap(string title, int width = 70) =>
        string.Join("<br>", title.Split("<br>").Select(part => WrapLine(part, width)));

    private static string WrapLine(string title, int width)
    {
        if (title.Length <= width || title.StartsWith("<sub>", StringComparison.Ordinal)) return title;   // a subtitle is small
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

    /// <summary>Tick labels with plain exponents on both axes: 1e-5 rather than Plotly's SI suffixes ("10µ", "1f"),
    /// which read as units on a rate or a gradient norm.</summary>
    internal static GenericChart ExponentTicks(GenericChart chart)
    {
        foreach (bool x in new[] { true, false })
        {
            var axis = new Plotly.NET.LayoutObjects.LinearAxis();
            axis.SetProperty("exponentformat", "e");
            chart = x ? Plotly.NET.Chart.withXAxis(axis, FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart)
                      : Plotly.NET.Chart.withYAxis(axis, FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
        }
        return chart;
    }

    /// <summary>A y range that a single spike does not decide: from the lowest value to the lowest + 3 × (95th percentile −
    /// lowest) (3 × the 95th percentile for values from 0), padded by 5 %. Null when nothing lies above it (the chart keeps
    /// Plotly's own range) or with fewer than 5 finite values.</summary>
    public static OutlierClip? RobustRange(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).Order().ToList();
        if (v.Count < 5) return null;
        double min = v[0], p95 = v[(int)Math.Ceiling(0.95 * v.Count) - 1];
        double high = min + 3 * (p95 - min);
        if (!(high > min)) return null;
        int above = v.Count(x => x > high);
        if (above == 0) return null;
        double pad = 0.05 * (high - min);
        return new OutlierClip(min - pad, high + pad, above, v[^1]);
    }

    /// <summary>Every finite y value of a chart's traces, read from its JSON.</summary>
    internal static IEnumerable<double> YValues(GenericChart chart)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(GenericChart.toJson(chart));
        var values = new List<double>();
        foreach (var trace in doc.RootElement.GetProperty("data").EnumerateArray())
            if (trace.TryGetProperty("y", out var y) && y.ValueKind == System.Text.Json.JsonValueKind.Array)
                values.AddRange(y.EnumerateArray().Where(e => e.ValueKind == System.Text.Json.JsonValueKind.Number).Select(e => e.GetDouble()));
        return values;
    }

    private static StyleParam.AxisType AxisType(bool log) => log ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear;

    /// <summary>An axis title that says "log scale" when <paramref name="log"/>: "loss (nats)" becomes "loss (nats, log scale)",
    /// "learning rate η" becomes "learning rate η (log scale)".</summary>
    private static string Scaled(string title, bool log, string note = "log scale") =>
        !log ? title : title.EndsWith(')') ? $"{title[..^1]}, {note})" : $"{title} ({note})";

    /// <summary>A line trace with a name and colour; dashed on request.</summary>
    internal static GenericChart Line(double[] x, IEnumerable<double> y, string name, Color color, bool dash = false, bool markers = false) =>
        Line(x, y, name, color, dash ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid, markers);

    /// <summary>A line trace with a name, colour and drawing style (solid, dash, dot, dash-dot).</summary>
    internal static GenericChart Line(double[] x, IEnumerable<double> y, string name, Color color, StyleParam.DrawingStyle style, bool markers = false) =>
        CSharpChart.Line<double, double, string>(x, y.Select(Clean).ToArray(), Name: name, ShowMarkers: markers, LineColor: color, LineDash: style);

    /// <summary>The one way the charts draw markers without a line: points of one symbol, size and colour (stars for the
    /// best, ✕ for a divergence, circles for each run, open circles where a target is reached).</summary>
    internal static GenericChart Markers(double[] x, double[] y, string name, Color color, StyleParam.MarkerSymbol symbol, int size = 10) =>
        CSharpChart.Point<double, double, string>(x, y.Select(Clean).ToArray(), Name: name, Marker: MarkerStyle(color, symbol, size));

    /// <summary>Markers at category positions (e.g. one knob's name per column), styled as above.</summary>
    internal static GenericChart Markers(string[] x, double[] y, string name, Color color, StyleParam.MarkerSymbol symbol, int size = 10) =>
        CSharpChart.Point<string, double, string>(x, y.Select(Clean).ToArray(), Name: name, Marker: MarkerStyle(color, symbol, size));

    private static Plotly.NET.TraceObjects.Marker MarkerStyle(Color color, StyleParam.MarkerSymbol symbol, int size)
    {
        var marker = new Plotly.NET.TraceObjects.Marker();
        marker.SetProperty("size", size);
        marker.SetProperty("symbol", symbol.Convert());
        marker.SetProperty("color", color);
        return marker;
    }

    /// <summary>An open circle (a ring), for "each run" and "reaches the target" markers.</summary>
    private static readonly StyleParam.MarkerSymbol OpenCircle = StyleParam.MarkerSymbol.NewModified(StyleParam.MarkerSymbol.Circle, StyleParam.SymbolStyle.Open);

    /// <summary>A dotted horizontal reference line from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static GenericChart Reference(double from, double to, double y, string name) =>
        Line([from, to], [y, y], name, Color.fromHex("#555555"), StyleParam.DrawingStyle.Dot);

    // Plotly cannot draw NaN or ∞; they become gaps.
    private static double Clean(double v) => double.IsFinite(v) ? v : double.NaN;

    /// <summary>The i-th colour of a colour-blind-friendly palette (Okabe-Ito), for restyling a chart to match the course's.</summary>
    public static Color Palette(int i) => Color.fromHex(Colors[i % Colors.Length]);

    private static readonly string[] Colors = { "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442" };

    private static FSharpOption<T> None<T>() => FSharpOption<T>.None;

    private static FSharpOption<T> Some<T>(T value) => FSharpOption<T>.Some(value);
}

/// <summary>A clipped y range (see <c>Plot.RobustRange</c>): its ends, how many points lie above it and the largest.</summary>
/// <param name="Low">Lower end of the drawn range.</param>
/// <param name="High">Upper end of the drawn range.</param>
/// <param name="Above">How many points lie above it (not drawn).</param>
/// <param name="Largest">The largest value.</param>
public sealed record OutlierClip(double Low, double High, int Above, double Largest)
{
    /// <summary>"1 point above the range (up to 12.1): a single spike is not allowed to flatten the comparison".</summary>
    public string Note => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Above} point{(Above == 1 ? "" : "s")} above the range (up to {Largest:0.###}) not drawn, so that {(Above == 1 ? "one spike does" : "a few spikes do")} not flatten the rest");
}
