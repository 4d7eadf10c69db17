using HyperLab.Charts;
using Plotly.NET;
using static HyperLab.Charts.Plot;

namespace HyperLab.Lessons.Lesson04;

/// <summary>Lesson 04's charts of its own result types (depth's cost, gradient norms per layer and final loss against depth), drawn with the chart primitives
/// of <see cref="Plot"/> and one <see cref="ChartOptions"/>.</summary>
public static partial class Lesson04Charts
{
    /// <summary>Lesson 04: parameters (thousands) and median processor time per epoch (milliseconds) against depth, each
    /// with its least-squares line dashed; whole-number depth ticks.</summary>
    /// <param name="cost">The measurements (from <c>DepthCost.Measure</c>).</param>
    /// <param name="options">Title (default "What depth costs: parameters and time per epoch"), axis titles, size.</param>
    public static GenericChart DepthCost(DepthCost cost, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var x = cost.Points.Select(p => (double)p.Depth).ToArray();
        var (pf, tf) = (cost.ParameterFit, cost.TimeFit);
        var traces = new List<GenericChart>
        {
            Line(x, cost.Points.Select(p => p.Parameters / 1000.0), "parameters (thousands)", Palette(0), markers: true),
            Line(x, x.Select(d => (pf.Intercept + pf.Slope * d) / 1000.0), $"straight line, R² {pf.RSquared:0.000}", Palette(0), dash: true),
            Line(x, cost.Points.Select(p => p.SecondsPerEpoch * 1000), "milliseconds per epoch", Palette(1), markers: true),
            Line(x, x.Select(d => (tf.Intercept + tf.Slope * d) * 1000), $"straight line, R² {tf.RSquared:0.000}", Palette(1), dash: true),
        };
        var chart = Finish(traces, options ?? ChartOptions.Default, "What depth costs: parameters and time per epoch", "depth (hidden layers)",
            "parameters (thousands) · time per epoch (ms)");
        return WholeNumberX(chart, x.DefaultIfEmpty(1).Max());
    }
}
