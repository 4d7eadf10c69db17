using HyperLab.Charts;
using Plotly.NET;
using static HyperLab.Charts.Plot;
using CSharpStyle = Plotly.NET.CSharp.GenericChartExtensions;

namespace HyperLab.Lessons.Lesson01;

/// <summary>Lesson 01's charts of its own result types (the bowl's descent paths), drawn with the chart primitives
/// of <see cref="Plot"/> and one <see cref="ChartOptions"/>.</summary>
public static partial class Lesson01Charts
{
    /// <summary>Gradient descent on a quadratic bowl (lesson 01: crawl, converge, oscillate, diverge): the bowl's contour
    /// lines and each path's points. The view is fixed to the bowl around the start, so a diverging path does not
    /// stretch it.</summary>
    /// <param name="paths">Walks from <see cref="GradientDescent.Run"/>, on the same bowl.</param>
    /// <param name="options">Title (default "Gradient descent on the {bowl}"), axis titles, size.</param>
    public static GenericChart DescentPaths(IEnumerable<DescentPath> paths, ChartOptions? options = null)
    {
        var list = ChartInput.Require(paths, nameof(paths));
        var bowl = list[0].Bowl;
        var (x0, y0) = list[0].Points[0];
        double loss0 = bowl.Loss(x0, y0);
        var traces = new List<GenericChart>();
        foreach (var level in new[] { 0.02, 0.1, 0.3, 0.6, 1.0, 1.6 })
        {
            double c = level * loss0;
            var t = Enumerable.Range(0, 101).Select(k => 2 * Math.PI * k / 100).ToArray();
            traces.Add(CSharpStyle.WithTraceInfo(Line(t.Select(a => Math.Sqrt(2 * c / bowl.Shallow) * Math.Cos(a)).ToArray(), t.Select(a => Math.Sqrt(2 * c / bowl.Steep) * Math.Sin(a)),
                $"loss = {c:G3}", Color.fromHex("#CCCCCC")), ShowLegend: false));
        }
        for (int i = 0; i < list.Count; i++)
            traces.Add(Line(list[i].Points.Select(p => p.X).ToArray(), list[i].Points.Select(p => p.Y), list[i].ToString(), Palette(i + 1), markers: true));
        double rx = Math.Abs(x0) * 1.25, ry = Math.Sqrt(2 * 1.6 * loss0 / bowl.Steep) * 1.1;
        var chart = Finish(traces, options ?? ChartOptions.Default, $"Gradient descent on the {bowl}", "w₁ (gentle direction)", "w₂ (steep direction)");
        chart = CSharpStyle.WithXAxisStyle<double, double, string>(chart, MinMax: Tuple.Create(-rx, rx));
        return CSharpStyle.WithYAxisStyle<double, double, string>(chart, MinMax: Tuple.Create(-ry, ry));
    }
}
