using HyperLab.Charts;
using Plotly.NET;
using static HyperLab.Charts.Plot;

namespace HyperLab.Lessons.Lesson05;

/// <summary>Lesson 05's charts of its own result types (final loss against a regularization strength), drawn with the chart primitives
/// of <see cref="Plot"/> and one <see cref="ChartOptions"/>.</summary>
public static partial class Lesson05Charts
{
    /// <summary>
    /// Lesson 05: final training loss (dashed; measured after training, dropout off) and validation loss (solid) against a
    /// regularization strength, the best validation loss starred. On a log axis (the default for weight decay and L1,
    /// whose strengths span decades) a strength of 0 cannot sit on the axis: it is drawn one decade left of the smallest
    /// other strength, as diamonds named "{knob} 0 (none)". Dropout rates get a linear axis by default.
    /// </summary>
    /// <param name="sweep">The sweep.</param>
    /// <param name="options">As for <c>Plot.SweepCurve</c>; default
    /// title "Final loss against {knob}".</param>
    public static GenericChart SweepCurve(StrengthSweep sweep, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var o = options ?? ChartOptions.Default;
        var metric = o.MetricOf(ChartMetric.Loss, ChartMetric.Accuracy);
        var line = new SweepLine("", sweep.Points.Select(p => new SweepAt(p.Strength,
            [metric == ChartMetric.Loss ? (p.TrainLoss, p.ValidationLoss) : Final(p.History, metric)])).ToList());
        return DrawSweep([line], sweep.Knob, o, metric, o.LogX ?? SpansDecade(sweep.Strengths), "training loss (after training, dropout off)", wholeX: false);
    }
}
