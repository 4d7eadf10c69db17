using HyperLab.Charts;
using Plotly.NET;
using static HyperLab.Charts.Plot;

namespace HyperLab.Lessons.Lesson04;

public static partial class Lesson04Charts
{
    /// <summary>
    /// Lesson 04: final validation loss (solid) and training loss (dashed) against depth, the mean over each depth's runs
    /// (seeds) as a line and every run's validation loss as a circle; linear depth axis with whole-number ticks.
    /// </summary>
    /// <param name="results">One result per depth (from <see cref="DepthComparison.Run(Data.DataSplits, Hyperparameters, IEnumerable{int}, IReadOnlyList{int})"/>).</param>
    /// <param name="options">As for <c>Plot.SweepCurve</c>; default
    /// title "Final loss against depth (mean over runs)".</param>
    public static GenericChart SweepCurve(IEnumerable<DepthResult> results, ChartOptions? options = null)
    {
        var list = ChartInput.Require(results, nameof(results));
        var o = options ?? ChartOptions.Default;
        var metric = o.MetricOf(ChartMetric.Loss, ChartMetric.Accuracy);
        var line = new SweepLine("", list.Select(r => new SweepAt(r.Depth, r.Runs.Select(h => Final(h, metric)).ToList())).ToList());
        return DrawSweep([line], "depth", o, metric, o.LogX ?? false, "training loss (last epoch)", wholeX: true);
    }
}
