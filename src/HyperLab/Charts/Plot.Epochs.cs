using HyperLab.Training;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>
    /// Lesson 03: training (dashed) and validation (solid) loss per epoch of one run, with the validation
    /// minimum marked by a star and a dotted line, and, when early stopping ended the run, the stop marked by
    /// a dash-dot line (the epochs between the two are the patience that was used up).
    /// </summary>
    /// <param name="history">The run.</param>
    /// <param name="title">Chart title. Default "Loss per epoch: {label}".</param>
    /// <param name="logY">Log-scale loss axis. Default false.</param>
    public static GenericChart Epochs(History history, string? title = null, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(history);
        var traces = new List<GenericChart>();
        var (low, high) = Range(new[] { history }, showTraining: true);
        AddRun(traces, history, Palette(0), history.Label, showTraining: true);
        if (history.BestEpoch is { } best)
            traces.Add(VerticalLine(best.Epoch, low, high, history.RestoredEpoch == best.Epoch ? $"best epoch {best.Epoch} (restored)" : $"best epoch {best.Epoch}",
                Palette(2), StyleParam.DrawingStyle.Dot));
        if (history.StopReason == StopReason.EarlyStopped)
            traces.Add(VerticalLine(history.Epochs.Count, low, high, $"early stop after epoch {history.Epochs.Count}", Palette(1), StyleParam.DrawingStyle.DashDot));
        return WholeNumberX(Finish(traces, title ?? $"Loss per epoch: {history.Label}", "epoch (full passes over the training set)", "cross-entropy loss (nats)", logY: logY),
            history.Epochs.Count);
    }

    /// <summary>
    /// Lesson 03: several runs on one chart, e.g. different epoch budgets, learning rates or regularization
    /// strengths: validation loss (solid) and, optionally, training loss (dashed) per epoch, each run's
    /// validation minimum starred. With <paramref name="target"/>, a horizontal line at that loss and a circle
    /// where each run first reaches it (a faster run reaches it in fewer epochs).
    /// </summary>
    /// <param name="histories">The runs; their labels name the lines.</param>
    /// <param name="showTraining">Also draw training loss, dashed. Default true.</param>
    /// <param name="target">A validation loss to reach; null (default) draws none.</param>
    /// <param name="title">Chart title. Default "Loss per epoch".</param>
    /// <param name="logY">Log-scale loss axis. Default false.</param>
    public static GenericChart Epochs(IEnumerable<History> histories, bool showTraining = true, double? target = null, string? title = null, bool logY = false)
    {
        var runs = ChartInput.Require(histories, nameof(histories));
        var traces = new List<GenericChart>();
        for (int i = 0; i < runs.Count; i++)
        {
            AddRun(traces, runs[i], Palette(i), runs[i].Label, showTraining);
            if (target is double t && runs[i].FirstEpochReaching(t) is int hit)
                traces.Add(Marker(hit, runs[i].Epochs[hit - 1].ValidationLoss, $"{runs[i].Label} · reaches {t:0.###} at epoch {hit}", Palette(i), "circle-open"));
        }
        if (target is double level && runs.Any(r => r.Epochs.Count > 0))
        {
            double last = runs.Max(r => r.Epochs.Count);
            traces.Add(CSharpChart.Line<double, double, string>(new[] { 1.0, last }, new[] { level, level }, Name: $"target validation loss {level:0.###}",
                LineColor: Color.fromHex("#555555"), LineDash: StyleParam.DrawingStyle.Dot));
        }
        return WholeNumberX(Finish(traces, title ?? "Loss per epoch", "epoch (full passes over the training set)", "cross-entropy loss (nats)", logY: logY),
            runs.Select(h => h.Epochs.Count).DefaultIfEmpty(1).Max());
    }

    /// <summary>The first epoch whose validation loss is at or below <paramref name="target"/> (null if none);
    /// the same as <see cref="History.FirstEpochReaching"/>, which lesson 03 now calls.</summary>
    public static int? FirstEpochReaching(History history, double target)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.FirstEpochReaching(target);
    }

    private static void AddRun(List<GenericChart> traces, History h, Color color, string label, bool showTraining)
    {
        var x = h.Epochs.Select(e => (double)e.Epoch).ToArray();
        if (showTraining) traces.Add(Line(x, h.Epochs.Select(e => e.TrainLoss), $"{label} · training", color, dash: true));
        traces.Add(Line(x, h.Epochs.Select(e => e.ValidationLoss), $"{label} · validation", color));
        if (h.BestEpoch is { } best)
            traces.Add(Marker(best.Epoch, best.ValidationLoss, $"{label} · lowest validation {best.ValidationLoss:0.###} at epoch {best.Epoch}", color, "star"));
    }

    private static GenericChart Marker(double x, double y, string name, Color color, string symbol)
    {
        var marker = new Plotly.NET.TraceObjects.Marker();
        marker.SetProperty("size", 13);
        marker.SetProperty("symbol", symbol);
        marker.SetProperty("color", color);
        return CSharpChart.Point<double, double, string>(new[] { x }, new[] { y }, Name: name, Marker: marker);
    }

    private static GenericChart VerticalLine(double x, double low, double high, string name, Color color, StyleParam.DrawingStyle dash) =>
        CSharpChart.Line<double, double, string>(new[] { x, x }, new[] { low, high }, Name: name, LineColor: color, LineDash: dash);

    private static (double Low, double High) Range(IEnumerable<History> runs, bool showTraining)
    {
        var values = runs.SelectMany(h => h.Epochs.SelectMany(e => showTraining ? new[] { e.TrainLoss, e.ValidationLoss } : new[] { e.ValidationLoss }))
            .Where(double.IsFinite).ToList();
        return values.Count == 0 ? (0, 1) : (values.Min(), values.Max());
    }
}
