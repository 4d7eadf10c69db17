using HyperLab.Data;
using HyperLab.Models;
using HyperLab.Numerics;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson04;

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
    /// <param name="options">How to run each fit (e.g. a notebook's live progress); its label is set per depth. Default: silent.</param>
    public static DepthCost Measure(DataSplits data, Hyperparameters baseline, IEnumerable<int> depths, int epochs = 4, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(baseline);
        if (epochs < 2) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "At least 2 epochs: the first is a warm-up.");
        var points = new List<DepthCostPoint>();
        foreach (int depth in depths)
        {
            using var run = Trainer.Fit(baseline with { Depth = depth, Epochs = epochs }, data, (options ?? new FitOptions()) with { Label = $"depth {depth} (timing)" });
            var times = run.History.Epochs.Skip(1).Select(e => e.Seconds).Order().ToList();
            points.Add(new DepthCostPoint(depth, run.Model.TotalParameters, times[times.Count / 2]));
        }
        return new DepthCost(points);
    }

    /// <summary>Like <see cref="Measure(DataSplits, Hyperparameters, IEnumerable{int}, int, FitOptions?)"/>, but robust to a busy machine
    /// (where wall-clock and whole-process timings varied with the load, not the depth): the fits run on one intra-op thread (<see cref="Platform.IntraOpThreads.Pin"/>: no helper thread
    /// waits for a core another program holds) and each epoch is timed in that thread's processor seconds
    /// (<see cref="Platform.ThreadCpuClock"/>, which does not run while the thread waits for a core) rather than
    /// wall-clock seconds; the depths are timed in <paramref name="rounds"/>
    /// interleaved rounds (forward, then backward, …), so what load remains spreads over every depth; and each depth's
    /// time is the median of all its timed epochs over all rounds. <see cref="DepthCostPoint.SecondsPerEpoch"/> then holds
    /// processor seconds of the training thread.</summary>
    /// <param name="data">Training data (validation is measured too, as in every epoch).</param>
    /// <param name="baseline">Everything except the depth.</param>
    /// <param name="depths">Depths to measure, at least two.</param>
    /// <param name="epochs">Epochs per fit, at least 2 (the first of each fit is a warm-up and is not timed).</param>
    /// <param name="rounds">Interleaved rounds, at least 1; lesson 04 uses 3.</param>
    /// <param name="options">How to run each fit (e.g. a notebook's live progress); its label is set per fit. Default: silent.</param>
    public static DepthCost Measure(DataSplits data, Hyperparameters baseline, IEnumerable<int> depths, int epochs, int rounds, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(depths);
        if (epochs < 2) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "At least 2 epochs: the first is a warm-up.");
        if (rounds < 1) throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "At least 1 round; lesson 04 uses 3.");
        var order = depths.ToList();
        var times = order.ToDictionary(d => d, _ => new List<double>());
        var parameters = new Dictionary<int, long>();
        using var single = Platform.IntraOpThreads.Pin(1);
        for (int round = 0; round < rounds; round++)
        {
            foreach (int depth in round % 2 == 0 ? order : Enumerable.Reverse(order))
            {
                var clock = new EpochCpuTimes();
                var given = options ?? new FitOptions();
                using var run = Trainer.Fit(baseline with { Depth = depth, Epochs = epochs }, data,
                    given with { Label = $"depth {depth} (timing, round {round + 1})", Callbacks = [.. given.Callbacks, clock] });
                times[depth].AddRange(clock.Seconds.Skip(1));
                parameters[depth] = run.Model.TotalParameters;
            }
        }
        return new DepthCost(order.Select(d => new DepthCostPoint(d, parameters[d], Median.Of(times[d]))).ToList());
    }

    /// <summary>Parameters of an <see cref="Mlp"/> computed from its shape, without building it
    /// (<see cref="Mlp.CountParameters"/>).</summary>
    public static long ParametersOf(int inputs, int classes, Hyperparameters hp) => Mlp.CountParameters(inputs, classes, hp);
}
