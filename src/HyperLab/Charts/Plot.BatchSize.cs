using HyperLab.BatchSizes;
using HyperLab.Training;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace HyperLab.Charts;

/// <summary>Lesson 02's charts: batch size against noise, speed, memory and final loss.</summary>
public static partial class Plot
{
    /// <summary>Every update's mini-batch loss, unsmoothed so the noise shows, for runs with different batch sizes.
    /// The x axis is training progress in epochs (update k of an epoch of n updates sits at epoch − 1 + k/n), so a
    /// batch of 8 and a batch of 256 line up although one makes 32× more updates.</summary>
    /// <param name="histories">The runs; legends say their batch size and updates per epoch.</param>
    /// <param name="logY">Log-scale loss axis. Default false.</param>
    /// <param name="title">Chart title. Default "Loss of every update, unsmoothed".</param>
    public static GenericChart BatchStepLosses(IEnumerable<History> histories, bool logY = false, string? title = null)
    {
        var traces = ChartInput.Require(histories, nameof(histories)).Select((h, i) =>
        {
            var perEpoch = h.Steps.GroupBy(s => s.Epoch).ToDictionary(g => g.Key, g => g.Min(s => s.Step) - 1);
            var stepsIn = h.Steps.GroupBy(s => s.Epoch).ToDictionary(g => g.Key, g => g.Count());
            var x = h.Steps.Select(s => s.Epoch - 1 + (double)(s.Step - perEpoch[s.Epoch]) / stepsIn[s.Epoch]).ToArray();
            int updates = stepsIn.Count == 0 ? 0 : stepsIn.Values.Max();
            return Line(x, h.Steps.Select(s => s.Loss), $"{h.Label} (batch {h.Hyperparameters.BatchSize}, {updates} updates/epoch)", Palette(i));
        }).ToList();
        return Finish(traces, title ?? "Loss of every update, unsmoothed", "training progress (epochs)", "mini-batch loss (nats)", logY: logY);
    }

    /// <summary>Gradient noise E‖g_B − g‖² against batch size on log-log axes: the measured points (± one standard
    /// error as the band between the dotted lines), the fitted line with its slope, and a reference line of slope −1
    /// through the first point.</summary>
    /// <param name="noise">A measurement from <see cref="GradientNoise"/>.</param>
    /// <param name="title">Chart title. Default "Gradient noise against batch size (fitted slope …)".</param>
    public static GenericChart GradientNoise(GradientNoiseResult noise, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(noise);
        var points = noise.Points.Where(p => p.MeanSquaredDistance > 0).ToList();
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
        return Finish(traces, title ?? $"Gradient noise against batch size (fitted slope {fit.Slope:0.00}, N = {noise.Examples:N0})",
            "batch size B (examples, log scale)", "E‖g_B − g‖² (squared gradient length, log scale)", logX: true, logY: true);
    }

    /// <summary>Examples per second against batch size: every timed repeat as a dot (the spread on a shared machine) and
    /// the median as a line; log-log axes.</summary>
    /// <param name="throughput">A measurement from <see cref="BatchSizes.Throughput"/>.</param>
    /// <param name="title">Chart title. Default "Training throughput against batch size (… threads)".</param>
    public static GenericChart Throughput(ThroughputResult throughput, string? title = null) =>
        Spread(throughput ?? throw new ArgumentNullException(nameof(throughput)), p => p.ExamplesPerSecond, p => p.Median, "examples per second",
            title ?? $"Training throughput against batch size ({throughput.Threads} thread(s))", "examples per second (log scale)");

    /// <summary>Seconds per epoch (N / examples per second, training steps only) against batch size: every repeat as a
    /// dot and the median as a line; log-log axes.</summary>
    /// <param name="throughput">A measurement from <see cref="BatchSizes.Throughput"/>.</param>
    /// <param name="title">Chart title. Default "Seconds per epoch of N examples against batch size".</param>
    public static GenericChart SecondsPerEpoch(ThroughputResult throughput, string? title = null) =>
        Spread(throughput ?? throw new ArgumentNullException(nameof(throughput)), p => p.SecondsPerEpochByRepeat, p => p.SecondsPerEpoch, "seconds per epoch",
            title ?? $"Seconds per epoch of {throughput.EpochExamples:N0} examples against batch size", "seconds per epoch (log scale)");

    private static GenericChart Spread(ThroughputResult r, Func<ThroughputPoint, IEnumerable<double>> repeats, Func<ThroughputPoint, double> median,
        string what, string title, string yTitle)
    {
        var dots = r.Points.SelectMany(p => repeats(p).Select(v => ((double)p.BatchSize, v))).ToList();
        var traces = new List<GenericChart>
        {
            CSharpChart.Point<double, double, string>(dots.Select(d => d.Item1), dots.Select(d => d.v), Name: $"each repeat ({r.Points[0].ExamplesPerSecond.Count} per batch size)", MarkerColor: Palette(5)),
            Line(r.Points.Select(p => (double)p.BatchSize).ToArray(), r.Points.Select(median), $"median {what}", Palette(0), markers: true),
        };
        return Finish(traces, title, "batch size (examples, log scale)", yTitle, logX: true, logY: true);
    }

    /// <summary>Final validation loss (solid) and final training loss (dashed, the epoch's mean) against batch size, for runs
    /// that differ in batch size (and seed): each run a dot, the mean over runs of one batch size a line; log batch axis.</summary>
    /// <param name="histories">The runs, grouped by <see cref="Hyperparameters.BatchSize"/>; diverged runs are left out.</param>
    /// <param name="title">Chart title. Default "Final loss against batch size at a fixed rate and epoch budget".</param>
    public static GenericChart Generalization(IEnumerable<History> histories, string? title = null)
    {
        var runs = ChartInput.Require(histories, nameof(histories)).Where(h => !h.Diverged && h.LastEpoch is not null).ToList();
        var groups = runs.GroupBy(h => h.Hyperparameters.BatchSize).OrderBy(g => g.Key).ToList();
        var x = groups.Select(g => (double)g.Key).ToArray();
        var traces = new List<GenericChart>
        {
            CSharpChart.Point<double, double, string>(runs.Select(h => (double)h.Hyperparameters.BatchSize), runs.Select(h => h.FinalValidationLoss), Name: "validation loss, each run", MarkerColor: Palette(5)),
            Line(x, groups.Select(g => g.Average(h => h.FinalValidationLoss)), "validation loss, mean over runs", Palette(0), markers: true),
            Line(x, groups.Select(g => g.Average(h => h.LastEpoch!.TrainLoss)), "training loss (last epoch), mean over runs", Palette(1), dash: true, markers: true),
        };
        return Finish(traces, title ?? "Final loss against batch size at a fixed rate and epoch budget", "batch size (examples, log scale)", "cross-entropy loss (nats)", logX: true);
    }

    /// <summary>Validation loss per epoch with and without a learning-rate scaling rule: one colour per batch size,
    /// dashed without scaling, solid with it. A diverged run's line stops where it diverged.</summary>
    /// <param name="unscaled">Runs at the reference rate.</param>
    /// <param name="scaled">Runs at the rate the rule gives their batch size.</param>
    /// <param name="title">Chart title. Default "Validation loss per epoch, with and without rate scaling".</param>
    public static GenericChart ScalingCurves(IEnumerable<History> unscaled, IEnumerable<History> scaled, string? title = null)
    {
        var all = ChartInput.Require(unscaled, nameof(unscaled)).Select(h => (h, dash: true)).Concat(ChartInput.Require(scaled, nameof(scaled)).Select(h => (h, dash: false))).ToList();
        var batches = all.Select(r => r.h.Hyperparameters.BatchSize).Distinct().Order().ToList();
        var traces = all.Select(r => Line(r.h.Epochs.Select(e => (double)e.Epoch).ToArray(), r.h.Epochs.Select(e => e.ValidationLoss),
            $"{r.h.Label}{(r.h.Diverged ? " (diverged)" : "")}", Palette(batches.IndexOf(r.h.Hyperparameters.BatchSize)), dash: r.dash, markers: true)).ToList();
        return Finish(traces, title ?? "Validation loss per epoch, with (solid) and without (dashed) rate scaling", "epoch", "validation loss (nats)");
    }

    /// <summary>Estimated memory per training step against batch size (from <see cref="MemoryEstimate"/>): total (solid)
    /// and activations alone (dashed), one colour per network shape; log-log axes.</summary>
    /// <param name="estimates">Estimates at several batch sizes (and, for lesson 06, several depths).</param>
    /// <param name="title">Chart title. Default "Memory per training step against batch size".</param>
    public static GenericChart Memory(IEnumerable<MemoryEstimate> estimates, string? title = null)
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
        return Finish(traces, title ?? "Memory per training step against batch size (estimate)", "batch size (examples, log scale)", "memory (MB, log scale)", logX: true, logY: true);
    }
}
