using HyperLab.Charts;
using Plotly.NET;
using static HyperLab.Charts.Plot;

namespace HyperLab.Lessons.Lesson04;

public static partial class Lesson04Charts
{
    /// <summary>Lesson 04: gradient norm per hidden layer (input side at layer 1) for several networks: a line falling
    /// towards layer 1 is a vanishing gradient, a flat line a balanced one. Whole-number layer ticks.</summary>
    /// <param name="measurements">One line per network (from <see cref="Lesson04.GradientNorms"/>).</param>
    /// <param name="options">Title (default "Gradient norm per hidden layer"), <see cref="ChartOptions.LogY"/> (default
    /// true: norms span decades), axis titles, size.</param>
    public static GenericChart GradientNorms(IEnumerable<LayerGradients> measurements, ChartOptions? options = null)
    {
        var list = ChartInput.Require(measurements, nameof(measurements));
        var traces = list.Select((m, i) => Line(Enumerable.Range(1, m.Norms.Count).Select(d => (double)d).ToArray(),
            m.Norms, m.Label, Palette(i), markers: true)).ToList();
        var o = options ?? ChartOptions.Default;
        bool logY = o.LogY ?? true;
        var chart = Finish(traces, o, "Gradient norm per hidden layer (layer 1 is next to the input)",
            "hidden layer (1 = next to the input)", "‖∂loss/∂W‖ (Frobenius norm" + (logY ? ", log scale)" : ")"), logY: logY);
        return WholeNumberX(chart, list.Max(m => m.Norms.Count));
    }
}
