using HyperLab.Charts;
using Plotly.NET;
using static HyperLab.Charts.Plot;

namespace HyperLab.Lessons.Lesson02;

public static partial class Lesson02Charts
{
    /// <summary>Lessons 02 and 06: estimated memory per training step against batch size (from <see cref="MemoryEstimate"/>):
    /// total (solid) and activations alone (dashed), one colour per network shape; log-log axes.</summary>
    /// <param name="estimates">Estimates at several batch sizes (and, for lesson 06, several depths).</param>
    /// <param name="options">Title (default "Memory per training step against batch size (estimate)"), axis titles, size.</param>
    public static GenericChart Memory(IEnumerable<MemoryEstimate> estimates, ChartOptions? options = null)
    {
        var traces = new List<GenericChart>();
        int i = 0;
        foreach (var g in ChartInput.Require(estimates, nameof(estimates)).GroupBy(e => (e.Depth, e.Width)).OrderBy(g => g.Key.Depth))
        {
            var rows = g.OrderBy(e => e.BatchSize).ToList();
            var x = rows.Select(e => (double)e.BatchSize).ToArray();
            string shape = $"depth {g.Key.Depth}, width {g.Key.Width}";
            traces.Add(Line(x, rows.Select(e => e.TotalBytes / 1e6), $"{shape}: total", Palette(i), markers: true));
            traces.Add(Line(x, rows.Select(e => e.ActivationBytes / 1e6), $"{shape}: activations", Palette(i), dash: true));
            i++;
        }
        return Finish(traces, options ?? ChartOptions.Default, "Memory per training step against batch size (estimate)",
            "batch size (examples, log scale)", "memory (MB, log scale)", logX: true, logY: true);
    }
}
