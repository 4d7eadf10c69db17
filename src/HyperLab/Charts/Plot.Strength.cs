using HyperLab.Regularization;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>
    /// Lesson 05: final training loss (dashed; measured after training, dropout off) and validation loss (solid)
    /// against a regularization strength, the best validation loss starred. With <paramref name="logX"/> (default true,
    /// for weight decay and L1) a strength of 0 cannot sit on the log axis: it is drawn one decade left of the smallest
    /// other strength, as open markers named "strength 0 (none)". Dropout rates use a linear axis (<c>logX: false</c>).
    /// </summary>
    /// <param name="sweep">The sweep.</param>
    /// <param name="title">Chart title. Default "Loss against {knob}".</param>
    /// <param name="logX">Log-scale strength axis. Default true.</param>
    public static GenericChart Strengths(StrengthSweep sweep, string? title = null, bool logX = true)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var traces = new List<GenericChart>();
        var zero = sweep.Points.Where(p => logX && p.Strength == 0).ToList();
        var rest = sweep.Points.Except(zero).ToList();
        var x = rest.Select(p => p.Strength).ToArray();
        traces.Add(Line(x, rest.Select(p => p.TrainLoss), "training loss (after training, dropout off)", Palette(1), dash: true, markers: true));
        traces.Add(Line(x, rest.Select(p => p.ValidationLoss), "validation loss", Palette(0), markers: true));
        if (zero.Count > 0 && rest.Count > 0)
        {
            double at = rest.Min(p => p.Strength) / 10;
            traces.Add(Markers([at, at], [zero[0].TrainLoss, zero[0].ValidationLoss], $"{sweep.Knob} 0 (none), drawn at {Hyperparameters.Fmt(at)}",
                Palette(6), StyleParam.MarkerSymbol.Diamond, size: 12));
        }
        var best = sweep.Best;
        double bestX = logX && best.Strength == 0 && rest.Count > 0 ? rest.Min(p => p.Strength) / 10 : best.Strength;
        traces.Add(Markers([bestX], [best.ValidationLoss], $"best: {sweep.Knob} {Hyperparameters.Fmt(best.Strength)}", Palette(0), StyleParam.MarkerSymbol.Star, size: 14));
        return Finish(traces, title ?? $"Loss against {sweep.Knob}", $"{sweep.Knob}{(logX ? " (log scale)" : "")}", "final cross-entropy loss (nats)", logX: logX);
    }

    /// <summary>Lesson 05: the L2 norm of the weight matrices against a regularization strength (log x; 0 drawn as in
    /// <see cref="Strengths"/>), one line per sweep.</summary>
    /// <param name="sweeps">The sweeps, e.g. weight decay and L1.</param>
    /// <param name="title">Chart title. Default "Weight norm against strength".</param>
    public static GenericChart WeightNorms(IEnumerable<StrengthSweep> sweeps, string? title = null)
    {
        var traces = new List<GenericChart>();
        int i = 0;
        foreach (var s in ChartInput.Require(sweeps, nameof(sweeps)))
        {
            var rest = s.Points.Where(p => p.Strength > 0).ToList();
            traces.Add(Line(rest.Select(p => p.Strength).ToArray(), rest.Select(p => p.Weights.L2Norm), $"{s.Knob}: ‖W‖", Palette(i), markers: true));
            if (s.Points.FirstOrDefault(p => p.Strength == 0) is { } z && rest.Count > 0)
                traces.Add(Markers([rest.Min(p => p.Strength) / 10], [z.Weights.L2Norm], $"{s.Knob} 0 (none)", Palette(i), StyleParam.MarkerSymbol.Diamond, size: 12));
            i++;
        }
        return Finish(traces, title ?? "Weight norm against strength", "strength (log scale; 0 drawn one decade left)", "‖W‖₂ of all weight matrices", logX: true);
    }

    /// <summary>General: histograms of several sets of values on one chart, as the share of values per bin (so sets of
    /// different sizes compare), bars side by side. Lesson 05 compares weight histograms after L1 and L2.</summary>
    /// <param name="histograms">Named histograms with the same bins (e.g. from <see cref="WeightStats.Histogram"/>).</param>
    /// <param name="title">Chart title. Default "Histogram".</param>
    /// <param name="xTitle">What the values are. Default "value".</param>
    /// <param name="logY">Log-scale share axis (shows the tails). Default false.</param>
    public static GenericChart Histograms(IEnumerable<(string Name, Histogram Histogram)> histograms, string? title = null, string? xTitle = null, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(histograms);
        var list = histograms.ToList();
        if (list.Count == 0) throw new ArgumentException("histograms is empty: give at least one (name, histogram) pair to draw.", nameof(histograms));
        if (list.FindIndex(h => h.Histogram is null) is int hole and >= 0)
            throw new ArgumentException($"histograms[{hole}] has no histogram: every pair to draw must have one.", nameof(histograms));
        var traces = list.Select((h, i) => CSharpChart.Column<double, double, string>(
            h.Histogram.Shares.ToArray(), h.Histogram.Centers.ToArray(), Name: h.Name, MarkerColor: Palette(i))).ToList();
        return Finish(traces, title ?? "Histogram", xTitle ?? "value", "share of values per bin" + (logY ? " (log scale)" : ""), logY: logY);
    }
}
