using HyperLab.Charts;
using Plotly.NET;
using static HyperLab.Charts.Plot;

namespace HyperLab.Lessons.Lesson02;

/// <summary>Lesson 02's charts of its own result types (gradient noise, throughput and memory against batch size), drawn with the chart primitives
/// of <see cref="Plot"/> and one <see cref="ChartOptions"/>.</summary>
public static partial class Lesson02Charts
{
    /// <summary>Lesson 02: gradient noise E‖g_B − g‖² against batch size on log-log axes: the measured points (± one
    /// standard error as the band between the dashed lines), the fitted line with its slope, and a reference line of
    /// slope −1 through the first point.</summary>
    /// <param name="noise">A measurement from <see cref="Lesson02.GradientNoise"/>.</param>
    /// <param name="options">Title (default "Gradient noise against batch size (fitted slope …, N = …)"), axis titles, size.</param>
    public static GenericChart GradientNoise(GradientNoiseResult noise, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(noise);
        var points = noise.Points.Where(p => p.MeanSquaredDistance > 0).ToList();
        if (points.Count == 0) throw new ArgumentException("No batch size with a positive gradient noise to draw.", nameof(noise));
        var x = points.Select(p => (double)p.BatchSize).ToArray();
        var fit = noise.Fit;
        var first = points[0];
        var traces = new List<GenericChart>
        {
            Line(x, points.Select(p => p.MeanSquaredDistance), "measured: mean of ‖g_B − g‖² over the draws", Palette(0), markers: true),
            Line(x, points.Select(p => p.MeanSquaredDistance + p.StandardError), "± one standard error", Palette(5), dash: true),
            Line(x, points.Select(p => Math.Max(p.MeanSquaredDistance - p.StandardError, p.MeanSquaredDistance / 10)), "± one standard error ", Palette(5), dash: true),
            Line(x, x.Select(fit.Predict), $"fitted line: slope {fit.Slope:0.00}", Palette(1)),
            Line(x, x.Select(b => first.MeanSquaredDistance * first.BatchSize / b), "reference: ∝ 1/B (slope −1)", Palette(6), dash: true),
        };
        return Finish(traces, options ?? ChartOptions.Default, $"Gradient noise against batch size (fitted slope {fit.Slope:0.00}, N = {noise.Examples:N0})",
            "batch size B (examples, log scale)", "E‖g_B − g‖² (squared gradient length, log scale)", logX: true, logY: true);
    }
}
