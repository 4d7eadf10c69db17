using HyperLab.Training;
using Plotly.NET;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>
    /// One run per epoch (lessons 00, 03, 04, 07, 08): training loss (dashed) and validation loss (solid), the lowest
    /// validation loss starred, a dotted line at the best epoch (marked "restored" when early stopping restored it)
    /// and, when early stopping ended the run, a dash-dot line at the stop. Whole-number epoch ticks.
    /// </summary>
    /// <param name="history">The run.</param>
    /// <param name="options">Title (default "Loss per epoch: {label}"), <see cref="ChartOptions.Metric"/> (Loss or
    /// Accuracy; default Loss), <see cref="ChartOptions.Series"/>, <see cref="ChartOptions.Target"/>,
    /// <see cref="ChartOptions.MarkBest"/> (default true), <see cref="ChartOptions.LogY"/> (default false).</param>
    public static GenericChart EpochCurves(History history, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        return EpochCurves(new[] { history }, options);
    }

    /// <summary>
    /// Several runs per epoch on one chart, one colour each (lessons 01, 03-08: epoch budgets, rates, depths,
    /// regularization): training (dashed) and validation (solid) loss, each run's lowest validation loss starred. With
    /// <see cref="ChartOptions.Target"/>, a dotted line at that loss and a circle where each run first reaches it (a
    /// faster run reaches it in fewer epochs). A single run also gets its best epoch and early stop as vertical lines.
    /// Whole-number epoch ticks.
    /// </summary>
    /// <param name="histories">The runs; their labels name the lines.</param>
    /// <param name="options">Title (default "Loss per epoch"), <see cref="ChartOptions.Metric"/> (Loss or Accuracy;
    /// default Loss), <see cref="ChartOptions.Series"/> (default training and validation), <see cref="ChartOptions.Target"/>
    /// (default none), <see cref="ChartOptions.MarkBest"/> (default true), <see cref="ChartOptions.LogY"/> (default false).</param>
    public static GenericChart EpochCurves(IEnumerable<History> histories, ChartOptions? options = null)
    {
        var runs = ChartInput.Require(histories, nameof(histories));
        var o = options ?? ChartOptions.Default;
        var metric = o.MetricOf(ChartMetric.Loss, ChartMetric.Accuracy);
        var series = o.SeriesOr(ChartSeries.TrainingAndValidation);
        var traces = new List<GenericChart>();
        for (int i = 0; i < runs.Count; i++)
            traces.AddRange(EpochTraces(runs[i], metric, series, Palette(i), runs.Count == 1 ? "" : $"{RunName(runs[i])} · ", o));
        if (runs.Count == 1 && o.MarkBest) traces.AddRange(BestAndStop(runs[0], metric, series));
        AddTarget(traces, runs, metric, o);
        string what = metric == ChartMetric.Loss ? "loss" : "accuracy";
        string title = runs.Count == 1 ? $"{Capital(what)} per epoch: {RunName(runs[0])}" : series == ChartSeries.Validation ? $"Validation {what} per epoch" : $"{Capital(what)} per epoch";
        bool logY = o.LogY ?? false;
        return EpochFrame(traces, runs, o, title, Scaled(MetricTitle(metric), logY), logY);
    }

    /// <summary>
    /// Two sets of runs that differ in one change, on one chart (lessons 02 and 08: without and with learning-rate
    /// scaling): each run's validation curve (or training, with <see cref="ChartOptions.Series"/> = Training), the
    /// reference runs dashed and the changed runs solid, the i-th run of each set in the same colour (so order them
    /// alike, e.g. by batch size). A run given in both sets is drawn once, solid. A diverged run's line stops where it
    /// diverged and its legend says so. Whole-number epoch ticks.
    /// </summary>
    /// <param name="reference">The runs before the change (dashed).</param>
    /// <param name="changed">The runs with the change (solid).</param>
    /// <param name="options">Title (default "Validation loss per epoch, before (dashed) and after (solid) the change"),
    /// <see cref="ChartOptions.Metric"/> (Loss or Accuracy), <see cref="ChartOptions.Series"/> (Validation or Training;
    /// default Validation), <see cref="ChartOptions.Target"/>, <see cref="ChartOptions.LogY"/> (default false).</param>
    public static GenericChart EpochCurves(IEnumerable<History> reference, IEnumerable<History> changed, ChartOptions? options = null)
    {
        var before = ChartInput.Require(reference, nameof(reference));
        var after = ChartInput.Require(changed, nameof(changed));
        var o = options ?? ChartOptions.Default;
        var metric = o.MetricOf(ChartMetric.Loss, ChartMetric.Accuracy);
        bool training = o.SeriesOr(ChartSeries.Validation) == ChartSeries.Training;
        var traces = new List<GenericChart>();
        void Draw(History h, int colour, bool dash) =>
            traces.Add(Line(Epochs(h), h.Epochs.Select(e => EpochValue(e, metric, training)), RunName(h), Palette(colour), dash, markers: true));
        for (int i = 0; i < before.Count; i++)
            if (!after.Contains(before[i])) Draw(before[i], i, dash: true);
        for (int i = 0; i < after.Count; i++)
            Draw(after[i], before.IndexOf(after[i]) is int k and >= 0 ? k : i, dash: false);
        var all = before.Concat(after).ToList();
        AddTarget(traces, all, metric, o);
        string what = $"{(training ? "training" : "validation")} {(metric == ChartMetric.Loss ? "loss" : "accuracy")}";
        bool logY = o.LogY ?? false;
        return EpochFrame(traces, all, o, $"{Capital(what)} per epoch, before (dashed) and after (solid) the change",
            Scaled((training ? "training " : "validation ") + MetricTitle(metric), logY), logY);
    }

    private static GenericChart EpochFrame(List<GenericChart> traces, List<History> runs, ChartOptions o, string title, string yTitle, bool logY) =>
        WholeNumberX(Finish(traces, o, title, "epoch (full passes over the training set)", yTitle, logY: logY, clipOutliers: true),
            runs.Select(h => h.Epochs.Count).DefaultIfEmpty(1).Max());

    private static IEnumerable<GenericChart> EpochTraces(History h, ChartMetric metric, ChartSeries series, Color color, string prefix, ChartOptions o)
    {
        var x = Epochs(h);
        if (series != ChartSeries.Validation) yield return Line(x, h.Epochs.Select(e => EpochValue(e, metric, training: true)), $"{prefix}training", color, dash: true);
        if (series != ChartSeries.Training) yield return Line(x, h.Epochs.Select(e => EpochValue(e, metric, training: false)), $"{prefix}validation", color);
        if (o.MarkBest && series != ChartSeries.Training && h.BestEpoch is { } best)
            yield return Markers([best.Epoch], [EpochValue(best, metric, training: false)],
                $"{prefix}lowest validation loss {best.ValidationLoss:0.###} at epoch {best.Epoch}", color, StyleParam.MarkerSymbol.Star, size: 13);
    }

    // One run: its best epoch (dotted, unless it is the last) and an early stop (dash-dot) as vertical lines over the drawn range.
    private static IEnumerable<GenericChart> BestAndStop(History h, ChartMetric metric, ChartSeries series)
    {
        var values = h.Epochs.SelectMany(e => new[] { series != ChartSeries.Validation ? EpochValue(e, metric, true) : double.NaN, series != ChartSeries.Training ? EpochValue(e, metric, false) : double.NaN })
            .Where(double.IsFinite).ToList();
        if (values.Count == 0) yield break;
        double[] span = [values.Min(), values.Max()];
        if (h.BestEpoch is { } best && (best.Epoch < h.Epochs.Count || h.RestoredEpoch == best.Epoch))   // the last epoch needs no line
            yield return Line([best.Epoch, best.Epoch], span, h.RestoredEpoch == best.Epoch ? $"best epoch {best.Epoch} (restored)" : $"best epoch {best.Epoch}",
                Palette(2), StyleParam.DrawingStyle.Dot);
        if (h.StopReason == StopReason.EarlyStopped)
            yield return Line([h.Epochs.Count, h.Epochs.Count], span, $"early stop after epoch {h.Epochs.Count}", Palette(1), StyleParam.DrawingStyle.DashDot);
    }

    // The target line, and for loss where each run first reaches it (History.FirstEpochReaching).
    private static void AddTarget(List<GenericChart> traces, List<History> runs, ChartMetric metric, ChartOptions o)
    {
        if (o.Target is not double t || runs.All(r => r.Epochs.Count == 0)) return;
        for (int i = 0; i < runs.Count && metric == ChartMetric.Loss; i++)
            if (runs[i].FirstEpochReaching(t) is int hit)
                traces.Add(Markers([hit], [runs[i].Epochs[hit - 1].ValidationLoss], $"{RunName(runs[i])} · reaches {t:0.###} at epoch {hit}", Palette(i),
                    OpenCircle, size: 13));
        traces.Add(Reference(1, runs.Max(r => r.Epochs.Count), t, $"target validation {(metric == ChartMetric.Loss ? "loss" : "accuracy")} {t:0.###}"));
    }

    private static double[] Epochs(History h) => h.Epochs.Select(e => (double)e.Epoch).ToArray();

    private static double EpochValue(EpochRecord e, ChartMetric metric, bool training) => metric == ChartMetric.Accuracy
        ? training ? e.TrainAccuracy : e.ValidationAccuracy
        : training ? e.TrainLoss : e.ValidationLoss;

    private static string MetricTitle(ChartMetric metric) => metric == ChartMetric.Accuracy ? "accuracy (share correct)" : "cross-entropy loss (nats)";

    /// <summary>The run's label, with "(diverged)" when it diverged.</summary>
    private static string RunName(History h) => h.Diverged ? $"{h.Label} (diverged)" : h.Label;

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
