using HyperLab.Numerics;
using HyperLab.Data;
using HyperLab.Models;
using HyperLab.Training;

namespace HyperLab.Depth;

/// <summary>What one depth costs (lesson 04).</summary>
/// <param name="Depth">Hidden layers.</param>
/// <param name="Parameters">Weights and biases of the network.</param>
/// <param name="SecondsPerEpoch">Median seconds of the timed epochs (the first, warm-up epoch is left out).</param>
public sealed record DepthCostPoint(int Depth, long Parameters, double SecondsPerEpoch);

/// <summary>Parameters and seconds per epoch against depth, with straight-line fits (lesson 04).</summary>
/// <param name="Points">One point per depth, in the order measured.</param>
public sealed record DepthCost(IReadOnlyList<DepthCostPoint> Points)
{
    /// <summary>Least-squares line of parameters against depth.</summary>
    public LineFit ParameterFit => LineFit.Of(Points.Select(p => (double)p.Depth), Points.Select(p => (double)p.Parameters));

    /// <summary>Least-squares line of seconds per epoch against depth.</summary>
    public LineFit TimeFit => LineFit.Of(Points.Select(p => (double)p.Depth), Points.Select(p => p.SecondsPerEpoch));

    /// <summary>Trains <paramref name="baseline"/> at each depth for <paramref name="epochs"/> epochs (the first is a warm-up)
    /// and records its parameters and median seconds per epoch.</summary>
    /// <param name="data">Training data (validation is measured too, as in every epoch).</param>
    /// <param name="baseline">Everything except the depth.</param>
    /// <param name="depths">Depths to measure.</param>
    /// <param name="epochs">Epochs per depth, at least 2. Default 4.</param>
    public static DepthCost Measure(DataSplits data, Hyperparameters baseline, IEnumerable<int> depths, int epochs = 4)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(baseline);
        if (epochs < 2) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "At least 2 epochs: the first is a warm-up.");
        var points = new List<DepthCostPoint>();
        foreach (int depth in depths)
        {
            using var run = Trainer.Fit(baseline with { Depth = depth, Epochs = epochs }, data, new FitOptions { Label = $"depth {depth} (timing)" });
            var times = run.History.Epochs.Skip(1).Select(e => e.Seconds).Order().ToList();
            points.Add(new DepthCostPoint(depth, run.Model.TotalParameters, times[times.Count / 2]));
        }
        return new DepthCost(points);
    }

    /// <summary>Parameters of an <see cref="Mlp"/> computed from its shape, without building it
    /// (<see cref="Mlp.CountParameters"/>).</summary>
    public static long ParametersOf(int inputs, int classes, Hyperparameters hp) => Mlp.CountParameters(inputs, classes, hp);
}
