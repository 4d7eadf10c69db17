using HyperLab.Numerics;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>Histograms of several sets of values on one chart, as the share of values per bin (so sets of different
    /// sizes compare), bars side by side. Lesson 05 compares the weights after L1 and L2.</summary>
    /// <param name="histograms">Named histograms with the same bins (from <see cref="Histogram.Of"/>, e.g. of a model's weights).</param>
    /// <param name="options">Title (default "Histogram"), <see cref="ChartOptions.XTitle"/> (what the values are; default
    /// "value"), <see cref="ChartOptions.LogY"/> (log share axis, shows the tails; default false), size.</param>
    public static GenericChart Histograms(IEnumerable<(string Name, Histogram Histogram)> histograms, ChartOptions? options = null)
    {
        var list = ChartInput.RequireNamed(histograms, nameof(histograms), "histogram");
        var traces = list.Select((h, i) => CSharpChart.Column<double, double, string>(
            h.Item.Shares.ToArray(), h.Item.Centers.ToArray(), Name: h.Name, MarkerColor: Palette(i))).ToList();
        var o = options ?? ChartOptions.Default;
        bool logY = o.LogY ?? false;
        return Finish(traces, o, "Histogram", "value", Scaled("share of values per bin", logY), logY: logY);
    }
}
