using System.Globalization;
using HyperLab.Sweeps;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;
using CSharpStyle = Plotly.NET.CSharp.GenericChartExtensions;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>
    /// Lesson 06: the final validation loss of every run of a two-knob <see cref="Grid"/> as coloured cells, the loss
    /// written in each cell, the best cell of each column marked ◆ and the best of the whole grid ★. The axes are the
    /// grid's values in order (log-spaced grids say "log scale"), labelled with the values. Colours are in nats, darker
    /// is lower; they stop at the worst finite cell, at most 3 × the best, so that one bad run does not wash out
    /// the rest (the written numbers are exact); diverged runs are blank and say "diverged".
    /// </summary>
    /// <param name="grid">The grid's runs.</param>
    /// <param name="options">Title (default "Final validation loss: {row} × {column}"), axis titles, size (default 720 × 560).</param>
    public static GenericChart Heatmap(GridResult grid, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var o = options ?? ChartOptions.Default;
        var (low, high) = ColorRange(new[] { grid });
        var chart = HeatmapTrace(grid, low, high, showScale: true, "", o);
        return Frame(chart, o with { Title = null }, $"{o.Title ?? $"Final validation loss: {grid.RowKnob} × {grid.ColumnKnob}"}<br><sub>{Key(grid, high)}</sub>", 720, 560);
    }

    /// <summary>
    /// Lesson 06: several grids over the same knobs side by side on one colour scale (nats), e.g. Adam + L2 against
    /// AdamW, each drawn as by <see cref="Heatmap(GridResult, ChartOptions?)"/> under its subtitle.
    /// </summary>
    /// <param name="grids">The grids with a subtitle each, e.g. ("Adam + L2", adamGrid).</param>
    /// <param name="options">Title (default "Final validation loss, side by side"), size (default 420 per grid + 120 × 520).</param>
    public static GenericChart Heatmap(IEnumerable<(string Subtitle, GridResult Grid)> grids, ChartOptions? options = null)
    {
        var list = ChartInput.RequireNamed(grids, nameof(grids), "grid");
        var o = options ?? ChartOptions.Default;
        var (low, high) = ColorRange(list.Select(g => g.Item));
        var panels = list.Select((g, i) => HeatmapTrace(g.Item, low, high, showScale: i == list.Count - 1, g.Name, ChartOptions.Default));
        var chart = CSharpChart.Grid(panels, 1, list.Count, SubPlotTitles: list.Select(g => g.Name).ToArray(), XGap: 0.15);
        return Frame(chart, o with { Title = null }, $"{o.Title ?? "Final validation loss, side by side"}<br><sub>{Key(list[0].Item, high)}</sub>",
            420 * list.Count + 120, 520);
    }

    private static GenericChart HeatmapTrace(GridResult grid, double low, double high, bool showScale, string title, ChartOptions o)
    {
        var xs = grid.Columns.Select(Hyperparameters.Fmt).ToArray();
        var ys = grid.Rows.Select(Hyperparameters.Fmt).ToArray();
        var best = grid.Best;
        var perColumn = grid.BestPerColumn;
        var z = new List<double[]>();
        var text = new List<string[]>();
        for (int r = 0; r < grid.Rows.Count; r++)
        {
            z.Add(grid.Columns.Select((_, c) => Math.Min(grid.Cell(c, r).Loss, high)).Select(v => double.IsFinite(v) ? v : double.NaN).ToArray());
            text.Add(grid.Columns.Select((_, c) =>
            {
                var cell = grid.Cell(c, r);
                if (!double.IsFinite(cell.Loss)) return "diverged";
                string mark = cell.Column == best.Column && cell.Row == best.Row ? "★ " : perColumn[c] is { } b && b.Row == cell.Row ? "◆ " : "";
                return mark + cell.Loss.ToString("0.###", CultureInfo.InvariantCulture);
            }).ToArray());
        }
        var barTitle = new Title();
        barTitle.SetProperty("text", "validation loss (nats)");
        var bar = new ColorBar();
        bar.SetProperty("title", barTitle);
        var chart = CSharpChart.Heatmap<double, string, string, string>(z, X: xs, Y: ys,
            ColorScale: StyleParam.Colorscale.Viridis, ShowScale: showScale, ColorBar: bar, Name: title);
        chart = GenericChart.mapTrace(FSharpFunc(trace =>
        {
            trace.SetProperty("text", text.ToArray());
            trace.SetProperty("texttemplate", "%{text}");
            trace.SetProperty("zmin", low);
            trace.SetProperty("zmax", high);
            trace.SetProperty("hovertemplate", $"{grid.ColumnKnob}=%{{x}}<br>{grid.RowKnob}=%{{y}}<br>validation loss %{{text}}<extra></extra>");
            return trace;
        }), chart);
        chart = CSharpStyle.WithXAxisStyle<double, double, string>(chart, TitleText: o.XTitle ?? AxisTitle(grid.ColumnKnob, grid.Columns));
        return CSharpStyle.WithYAxisStyle<double, double, string>(chart, TitleText: o.YTitle ?? AxisTitle(grid.RowKnob, grid.Rows));
    }

    private static string Key(GridResult grid, double high) =>
        $"◆ best {grid.RowKnob} of each {grid.ColumnKnob} · ★ best overall · colours capped at {high.ToString("0.##", CultureInfo.InvariantCulture)} nats";

    private static Microsoft.FSharp.Core.FSharpFunc<Trace, Trace> FSharpFunc(Func<Trace, Trace> f) =>
        Microsoft.FSharp.Core.FSharpFunc<Trace, Trace>.FromConverter(new Converter<Trace, Trace>(f));

    /// <summary>"learning rate (log scale)" when the values are evenly spaced in log, else the knob's name.</summary>
    private static string AxisTitle(string knob, IReadOnlyList<double> values)
    {
        string name = KnobName(knob);
        bool log = values.Count > 2 && values.All(v => v > 0) &&
            values.Zip(values.Skip(1), (a, b) => Math.Log(b / a)).Distinct(new NearlyEqual()).Count() == 1 && values[1] / values[0] > 1.5;
        return Scaled(name, log);
    }

    private static (double Low, double High) ColorRange(IEnumerable<GridResult> grids)
    {
        var finite = grids.SelectMany(g => g.Cells).Select(c => c.Loss).Where(double.IsFinite).ToList();
        if (finite.Count == 0) return (0, 1);
        double low = finite.Min();
        double high = Math.Min(finite.Max(), 3 * low);
        return (low, Math.Max(high, low * 1.0001 + 1e-9));
    }

    private sealed class NearlyEqual : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) < 1e-6 * Math.Max(1, Math.Abs(a));
        public int GetHashCode(double v) => 0;
    }
}
