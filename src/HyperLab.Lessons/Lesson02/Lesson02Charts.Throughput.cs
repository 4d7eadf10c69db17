using HyperLab.Charts;
using Plotly.NET;
using static HyperLab.Charts.Plot;

namespace HyperLab.Lessons.Lesson02;

public static partial class Lesson02Charts
{
    /// <summary>Lesson 02: training speed against batch size on log-log axes: every timed repeat as a circle (the spread
    /// on a shared machine) and the median as a line. <see cref="ChartOptions.Metric"/> chooses examples per second
    /// (default) or seconds per epoch of N examples (training steps only).</summary>
    /// <param name="throughput">A measurement from <see cref="Lesson02.Throughput"/>.</param>
    /// <param name="options"><see cref="ChartOptions.Metric"/> (ExamplesPerSecond or SecondsPerEpoch; default
    /// ExamplesPerSecond), title (default "Training throughput against batch size (… threads)" or "Seconds per epoch of N
    /// examples against batch size"), axis titles, size.</param>
    public static GenericChart Throughput(ThroughputResult throughput, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(throughput);
        var o = options ?? ChartOptions.Default;
        bool perSecond = o.MetricOf(ChartMetric.ExamplesPerSecond, ChartMetric.SecondsPerEpoch) == ChartMetric.ExamplesPerSecond;
        var points = throughput.Points;
        var dots = points.SelectMany(p => (perSecond ? p.ExamplesPerSecond : p.SecondsPerEpochByRepeat).Select(v => (X: (double)p.BatchSize, Y: v))).ToList();
        string what = perSecond ? "examples per second" : "seconds per epoch";
        var traces = new List<GenericChart>
        {
            Markers(dots.Select(d => d.X).ToArray(), dots.Select(d => d.Y).ToArray(), $"each repeat ({points[0].ExamplesPerSecond.Count} per batch size)", Palette(5), StyleParam.MarkerSymbol.Circle, size: 7),
            Line(points.Select(p => (double)p.BatchSize).ToArray(), points.Select(p => perSecond ? p.Median : p.SecondsPerEpoch), $"median {what}", Palette(0), markers: true),
        };
        return Finish(traces, o, perSecond ? $"Training throughput against batch size ({throughput.Threads} thread(s))"
                : $"Seconds per epoch of {throughput.EpochExamples:N0} examples against batch size",
            "batch size (examples, log scale)", $"{what} (log scale)", logX: true, logY: true);
    }
}
