using HyperLab.Training;
using Plotly.NET;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>
    /// The value of every update (mini-batch) of several runs, unsmoothed so the noise shows, one colour per run
    /// (lessons 00, 01, 02). A diverged run ends with an ✕ where it blew up. With
    /// <see cref="ChartOptions.StepsInEpochs"/>, the x axis is training progress in epochs, so a batch of 8 and a
    /// batch of 256 line up although one makes 32× more updates (the legend then gives each run's batch size and
    /// updates per epoch). With <see cref="ChartOptions.Metric"/> = LearningRate it draws the rate each run used at
    /// every update, as recorded (this includes reduce-on-plateau's reactions; lesson 01).
    /// </summary>
    /// <param name="histories">The runs; their labels name the lines.</param>
    /// <param name="options"><see cref="ChartOptions.Metric"/> (Loss or LearningRate; default Loss),
    /// <see cref="ChartOptions.LogY"/> (default true for loss, which spans decades; false for rates),
    /// <see cref="ChartOptions.StepsInEpochs"/> (default false), <see cref="ChartOptions.Target"/> (a horizontal line),
    /// title (default "Mini-batch loss of every update" or "Learning rate used at each update").</param>
    public static GenericChart StepCurves(IEnumerable<History> histories, ChartOptions? options = null)
    {
        var runs = ChartInput.Require(histories, nameof(histories));
        var o = options ?? ChartOptions.Default;
        var metric = o.MetricOf(ChartMetric.Loss, ChartMetric.LearningRate);
        bool loss = metric == ChartMetric.Loss;
        var traces = new List<GenericChart>();
        for (int i = 0; i < runs.Count; i++)
        {
            var (h, color) = (runs[i], Palette(i));
            var x = StepX(h, o.StepsInEpochs);
            string name = loss ? RunName(h) : h.Label == h.Hyperparameters.Schedule.ToString() ? h.Label : $"{h.Hyperparameters.Schedule} ({h.Label})";
            if (o.StepsInEpochs)
                name += h.Label.Contains($"batch {h.Hyperparameters.BatchSize}", StringComparison.Ordinal) ? $" ({UpdatesPerEpoch(h)} updates/epoch)"
                    : $" (batch {h.Hyperparameters.BatchSize}, {UpdatesPerEpoch(h)} updates/epoch)";
            traces.Add(Line(x, h.Steps.Select(s => loss ? s.Loss : s.LearningRate), name, color));
            if (loss && h.Divergence is { } d)
            {
                int at = h.Steps.Count(s => s.Step <= d.Step) - 1;
                double dx = !o.StepsInEpochs ? d.Step : at >= 0 ? x[at] : 0;
                double dy = double.IsFinite(d.Loss) ? d.Loss : h.Steps.Where(s => double.IsFinite(s.Loss)).Select(s => s.Loss).DefaultIfEmpty(1).Max();
                traces.Add(Markers([dx], [dy], $"{h.Label}: {d.Reason} (step {d.Step})", color, StyleParam.MarkerSymbol.X, size: 14));
            }
        }
        double last = runs.Select(h => StepX(h, o.StepsInEpochs)).Where(x => x.Length > 0).Select(x => x[^1]).DefaultIfEmpty(1).Max();
        if (o.Target is double t) traces.Add(Reference(o.StepsInEpochs ? 0 : 1, last, t, $"target {(loss ? "loss" : "rate")} {t:0.###}"));
        bool logY = o.LogY ?? loss;
        return Finish(traces, o, loss ? "Mini-batch loss of every update, unsmoothed" : "Learning rate used at each update",
            o.StepsInEpochs ? "training progress (epochs)" : "update (step)",
            loss ? "mini-batch training loss (nats" + (logY ? ", log scale)" : ")") : "learning rate η" + (logY ? " (log scale)" : ""), logY: logY, clipOutliers: loss);
    }

    // Update number, or progress in epochs: update k of an epoch of n updates sits at epoch − 1 + k/n.
    private static double[] StepX(History h, bool inEpochs)
    {
        if (!inEpochs) return h.Steps.Select(s => (double)s.Step).ToArray();
        var first = h.Steps.GroupBy(s => s.Epoch).ToDictionary(g => g.Key, g => g.Min(s => s.Step) - 1);
        var count = h.Steps.GroupBy(s => s.Epoch).ToDictionary(g => g.Key, g => g.Count());
        return h.Steps.Select(s => s.Epoch - 1 + (double)(s.Step - first[s.Epoch]) / count[s.Epoch]).ToArray();
    }

    private static int UpdatesPerEpoch(History h) => h.Steps.GroupBy(s => s.Epoch).Select(g => g.Count()).DefaultIfEmpty(0).Max();
}
