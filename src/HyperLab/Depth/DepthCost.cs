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

    /// <summary>Lesson 04's claim that time per epoch grows roughly linearly with depth: the time line rises, explains at
    /// least 80% of the variation (R²), and the deepest network takes at least twice the shallowest's time. False on flat
    /// or patternless timings.</summary>
    public bool TimeGrowsLinearly => Points.Count >= 2 && TimeFit is { Slope: > 0, RSquared: >= 0.8 }
        && Points[^1].SecondsPerEpoch >= 2 * Points[0].SecondsPerEpoch;

    /// <summary>The evidence for <see cref="TimeGrowsLinearly"/>, e.g. "a straight line explains 99% of the variation;
    /// about 18.0 ms more per epoch for each extra layer; depth 16 takes 5.2× as long as depth 1".</summary>
    public string TimeEvidence =>
        $"a straight line explains {TimeFit.RSquared:P0} of the variation; about {TimeFit.Slope * 1000:0.0} ms more per epoch for each extra layer; " +
        $"depth {Points[^1].Depth} takes {Points[^1].SecondsPerEpoch / Points[0].SecondsPerEpoch:0.0}× as long as depth {Points[0].Depth}";

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

    /// <summary>Like <see cref="Measure(DataSplits, Hyperparameters, IEnumerable{int}, int)"/>, but robust to a busy machine
    /// (issue 9): each epoch is timed in processor seconds (user + system time of this process, which other programs on
    /// the machine barely change) rather than wall-clock seconds; the depths are timed in <paramref name="rounds"/>
    /// interleaved rounds (forward, then backward, …), so what load remains spreads over every depth; and each depth's
    /// time is the median of all its timed epochs over all rounds. <see cref="DepthCostPoint.SecondsPerEpoch"/> then holds
    /// processor seconds.</summary>
    /// <param name="data">Training data (validation is measured too, as in every epoch).</param>
    /// <param name="baseline">Everything except the depth.</param>
    /// <param name="depths">Depths to measure, at least two.</param>
    /// <param name="epochs">Epochs per fit, at least 2 (the first of each fit is a warm-up and is not timed).</param>
    /// <param name="rounds">Interleaved rounds, at least 1; lesson 04 uses 3.</param>
    public static DepthCost Measure(DataSplits data, Hyperparameters baseline, IEnumerable<int> depths, int epochs, int rounds)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(depths);
        if (epochs < 2) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "At least 2 epochs: the first is a warm-up.");
        if (rounds < 1) throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "At least 1 round; lesson 04 uses 3.");
        var order = depths.ToList();
        var times = order.ToDictionary(d => d, _ => new List<double>());
        var parameters = new Dictionary<int, long>();
        for (int round = 0; round < rounds; round++)
        {
            foreach (int depth in round % 2 == 0 ? order : Enumerable.Reverse(order))
            {
                var clock = new EpochCpuTimes(Trainer.DefaultObserver);
                using var run = Trainer.Fit(baseline with { Depth = depth, Epochs = epochs }, data,
                    new FitOptions { Label = $"depth {depth} (timing, round {round + 1})", Observer = clock });
                times[depth].AddRange(clock.Seconds.Skip(1));
                parameters[depth] = run.Model.TotalParameters;
            }
        }
        return new DepthCost(order.Select(d => new DepthCostPoint(d, parameters[d], Median(times[d]))).ToList());
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /// <summary>Parameters of an <see cref="Mlp"/> computed from its shape, without building it:
    /// (inputs+1)·width + (depth−1)·(width+1)·width + (width+1)·classes, or (inputs+1)·classes at depth 0
    /// (normalization adds 2·width per layer).</summary>
    public static long ParametersOf(int inputs, int classes, Hyperparameters hp)
    {
        ArgumentNullException.ThrowIfNull(hp);
        if (hp.Depth == 0) return (long)(inputs + 1) * classes;
        long w = hp.Width, norm = hp.Normalization == Normalization.None ? 0 : 2 * w;
        return (inputs + 1) * w + (hp.Depth - 1) * (w + 1) * w + (w + 1) * classes + hp.Depth * norm;
    }
}

/// <summary>A straight line y = Intercept + Slope·x fitted by least squares, and how well it fits (lesson 04).</summary>
/// <param name="Slope">Change of y per unit of x.</param>
/// <param name="Intercept">y at x = 0.</param>
/// <param name="RSquared">Share of y's variance the line explains (1 = exactly on the line).</param>
public sealed record LineFit(double Slope, double Intercept, double RSquared)
{
    /// <summary>Fits the line (at least two distinct x values).</summary>
    public static LineFit Of(IEnumerable<double> xs, IEnumerable<double> ys)
    {
        var x = xs.ToArray();
        var y = ys.ToArray();
        if (x.Length != y.Length || x.Length < 2) throw new ArgumentException("Need at least two (x, y) pairs of equal count.");
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); syy += (y[i] - my) * (y[i] - my); }
        if (sxx == 0) throw new ArgumentException("The x values are all equal.");
        double slope = sxy / sxx;
        double r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new LineFit(slope, my - slope * mx, r2);
    }

    /// <summary>"y = 16,640·x + 110,000 (R² 1.000)".</summary>
    public override string ToString() => $"y = {Slope:G4}·x + {Intercept:G4} (R² {RSquared:0.000})";
}
