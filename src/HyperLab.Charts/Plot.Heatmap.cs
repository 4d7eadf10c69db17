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
        return Frame(chart, o with { Title = null }, $"{o.Title ?? $"Final validation loss: {grid.RowKnob} × {grid.ColumnKnob}"}<br><sub>{Key(grid.RowKnob, grid.ColumnKnob, high)}</sub>", 720, 560);
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
        var tables = list.Select(g => (g.Name, Table: HeatTable.Of(g.Item))).ToList();
        return SideBySide(tables, low, high, o, Key(list[0].Item.RowKnob, list[0].Item.ColumnKnob, high));
    }

    internal static GenericChart SideBySide(IReadOnlyList<(string Name, HeatTable Table)> tables, double low, double high, ChartOptions o, string key)
    {
        var panels = tables.Select((t, i) => Trace(t.Table, low, high, showScale: i == tables.Count - 1, t.Name));
        var chart = CSharpChart.Grid(panels, 1, tables.Count, SubPlotTitles: tables.Select(t => t.Name).ToArray(), XGap: 0.15);
        for (int i = 0; i < tables.Count; i++)
        {
            // Each panel's axis titles go on its own subplot axes (x{i}, y{i}); set on the panel before the grid, they all
            // landed on the first panel's axes.
            var x = new Plotly.NET.LayoutObjects.LinearAxis();
            x.SetProperty("title", AxisTitleObject(o.XTitle ?? AxisTitle(tables[i].Table.ColumnKnob, tables[i].Table.Columns)));
            x.SetProperty("exponentformat", "e");
            var y = new Plotly.NET.LayoutObjects.LinearAxis();
            y.SetProperty("title", AxisTitleObject(o.YTitle ?? AxisTitle(tables[i].Table.RowKnob, tables[i].Table.Rows)));
            y.SetProperty("exponentformat", "e");
            chart = Plotly.NET.Chart.withXAxis(x, Microsoft.FSharp.Core.FSharpOption<StyleParam.SubPlotId>.Some(StyleParam.SubPlotId.NewXAxis(i + 1))).Invoke(chart);
            chart = Plotly.NET.Chart.withYAxis(y, Microsoft.FSharp.Core.FSharpOption<StyleParam.SubPlotId>.Some(StyleParam.SubPlotId.NewYAxis(i + 1))).Invoke(chart);
        }
        return Frame(chart, o with { Title = null }, $"{o.Title ?? "Final validation loss, side by side"}<br><sub>{key}</sub>",
            420 * tables.Count + 120, 560);
    }

    private static Title AxisTitleObject(string text)
    {
        var title = new Title();
        title.SetProperty("text", text);
        return title;
    }

    private static GenericChart HeatmapTrace(GridResult grid, double low, double high, bool showScale, string title, ChartOptions o)
    {
        var table = HeatTable.Of(grid);
        var chart = Trace(table, low, high, showScale, title);
        chart = CSharpStyle.WithXAxisStyle<double, double, string>(chart, TitleText: o.XTitle ?? AxisTitle(table.ColumnKnob, table.Columns));
        return CSharpStyle.WithYAxisStyle<double, double, string>(chart, TitleText: o.YTitle ?? AxisTitle(table.RowKnob, table.Rows));
    }

    /// <summary>One heatmap trace of a table: cells coloured by loss (capped at <paramref name="high"/>), the loss written
    /// in each, ◆ on each column's best and ★ on the best overall; +∞ reads "diverged", NaN (not run) is blank.</summary>
    private static GenericChart Trace(HeatTable table, double low, double high, bool showScale, string title)
    {
        var xs = table.Columns.Select(Hyperparameters.Fmt).ToArray();
        var ys = table.Rows.Select(Hyperparameters.Fmt).ToArray();
        var perColumn = table.BestRowPerColumn;
        var best = table.Best;
        var z = new List<double[]>();
        var text = new List<string[]>();
        for (int r = 0; r < table.Rows.Count; r++)
        {
            z.Add(table.Columns.Select((_, c) => Math.Min(table.Loss[r][c], high)).Select(v => double.IsFinite(v) ? v : double.NaN).ToArray());
            text.Add(table.Columns.Select((_, c) =>
            {
                double loss = table.Loss[r][c];
                if (double.IsNaN(loss)) return "";
                if (!double.IsFinite(loss)) return "diverged";
                string mark = best == (r, c) ? "★ " : perColumn[c] == r ? "◆ " : "";
                return mark + loss.ToString("0.###", CultureInfo.InvariantCulture);
            }).ToArray());
        }
        var barTitle = new Title();
        barTitle.SetProperty("text", "validation loss (nats)");
        var bar = new ColorBar();
        bar.SetProperty("title", barTitle);
        bar.SetProperty("exponentformat", "e");
        var chart = CSharpChart.Heatmap<double, string, string, string>(z, X: xs, Y: ys,
            ColorScale: StyleParam.Colorscale.Viridis, ShowScale: showScale, ColorBar: bar, Name: title);
        return GenericChart.mapTrace(FSharpFunc(trace =>
        {
            trace.SetProperty("text", text.ToArray());
            trace.SetProperty("texttemplate", "%{text}");
            trace.SetProperty("zmin", low);
            trace.SetProperty("zmax", high);
            trace.SetProperty("hovertemplate", $"{table.ColumnKnob}=%{{x}}<br>{table.RowKnob}=%{{y}}<br>validation loss %{{text}}<extra></extra>");
            return trace;
        }), chart);
    }

    /// <summary>What a heatmap draws: Loss[r][c] in nats, +∞ for a diverged run, NaN for a cell not run.</summary>
    internal sealed record HeatTable(string ColumnKnob, IReadOnlyList<double> Columns, string RowKnob, IReadOnlyList<double> Rows, double[][] Loss)
    {
        public static HeatTable Of(GridResult grid) => new(grid.ColumnKnob, grid.Columns, grid.RowKnob, grid.Rows, grid.Loss);

        private IEnumerable<(int R, int C)> Finite =>
            Rows.SelectMany((_, r) => Columns.Select((_, c) => (r, c))).Where(p => double.IsFinite(Loss[p.r][p.c]));

        public IReadOnlyList<int> BestRowPerColumn => Columns.Select((_, c) =>
            Finite.Where(p => p.C == c).Select(p => p.R).DefaultIfEmpty(-1).MinBy(r => r < 0 ? double.PositiveInfinity : Loss[r][c])).ToList();

        public (int R, int C)? Best => Finite.Any() ? Finite.MinBy(p => Loss[p.R][p.C]) : null;
    }

    internal static string Key(string rowKnob, string columnKnob, double high) =>
        $"◆ best {rowKnob} of each {columnKnob} · ★ best overall · colours capped at {high.ToString("0.##", CultureInfo.InvariantCulture)} nats";

    internal static Microsoft.FSharp.Core.FSharpFunc<Trace, Trace> FSharpFunc(Func<Trace, Trace> f) =>
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
