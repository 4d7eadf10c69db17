using HyperLab.NetworkDepth;
using Plotly.NET;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>Lesson 04: gradient norm per hidden layer (input side at layer 1) for several networks, on a log axis:
    /// a line falling towards layer 1 is a vanishing gradient, a flat line a balanced one.</summary>
    /// <param name="measurements">One line per network.</param>
    /// <param name="title">Chart title. Default "Gradient norm per hidden layer".</param>
    public static GenericChart GradientNorms(IEnumerable<LayerGradients> measurements, string? title = null)
    {
        var traces = ChartInput.Require(measurements, nameof(measurements)).Select((m, i) => Line(Enumerable.Range(1, m.Norms.Count).Select(d => (double)d).ToArray(),
            m.Norms, m.Label, Palette(i), markers: true)).ToList();
        return Finish(traces, title ?? "Gradient norm per hidden layer (layer 1 is next to the input)",
            "hidden layer (1 = next to the input)", "‖∂loss/∂W‖ (Frobenius norm, log scale)", logY: true);
    }

    /// <summary>Lesson 04: parameters (thousands) and median seconds per epoch (milliseconds) against depth, each with its
    /// least-squares line dotted.</summary>
    /// <param name="cost">The measurements.</param>
    /// <param name="title">Chart title. Default "What depth costs".</param>
    public static GenericChart DepthCost(DepthCost cost, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var x = cost.Points.Select(p => (double)p.Depth).ToArray();
        var (pf, tf) = (cost.ParameterFit, cost.TimeFit);
        var traces = new List<GenericChart>
        {
            Line(x, cost.Points.Select(p => p.Parameters / 1000.0), "parameters (thousands)", Palette(0), markers: true),
            Line(x, x.Select(d => (pf.Intercept + pf.Slope * d) / 1000.0), $"straight line, R² {pf.RSquared:0.000}", Palette(0), dash: true),
            Line(x, cost.Points.Select(p => p.SecondsPerEpoch * 1000), "milliseconds per epoch", Palette(1), markers: true),
            Line(x, x.Select(d => (tf.Intercept + tf.Slope * d) * 1000), $"straight line, R² {tf.RSquared:0.000}", Palette(1), dash: true),
        };
        return Finish(traces, title ?? "What depth costs: parameters and time per epoch", "depth (hidden layers)",
            "parameters (thousands) · time per epoch (ms)");
    }

    /// <summary>Lesson 04: mean final validation loss (solid) and training loss (dashed) against depth, one point per depth
    /// averaged over seeds, with each seed's validation loss as faint markers.</summary>
    /// <param name="results">One result per depth.</param>
    /// <param name="title">Chart title. Default "Loss against depth (mean over seeds)".</param>
    public static GenericChart Depths(IEnumerable<DepthResult> results, string? title = null)
    {
        var r = ChartInput.Require(results, nameof(results));
        var x = r.Select(p => (double)p.Depth).ToArray();
        var traces = new List<GenericChart>
        {
            Line(x, r.Select(p => p.MeanValidationLoss), "validation loss, mean over seeds", Palette(0), markers: true),
            Line(x, r.Select(p => p.MeanTrainLoss), "training loss, mean over seeds", Palette(0), dash: true, markers: true),
        };
        int seeds = r.Max(p => p.Runs.Count);
        for (int s = 0; s < seeds; s++)
            traces.Add(Plotly.NET.CSharp.Chart.Point<double, double, string>(
                r.Where(p => p.Runs.Count > s).Select(p => (double)p.Depth).ToArray(),
                r.Where(p => p.Runs.Count > s).Select(p => p.Runs[s].FinalValidationLoss).ToArray(),
                Name: $"validation loss, seed {r[0].Runs[Math.Min(s, r[0].Runs.Count - 1)].Hyperparameters.Seed}", MarkerColor: Palette(s + 2)));
        return Finish(traces, title ?? "Loss against depth (mean over seeds)", "depth (hidden layers)", "final cross-entropy loss (nats)");
    }
}
