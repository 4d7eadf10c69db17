using HyperLab.Data;
using HyperLab.Models;
using HyperLab.Platform;
using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Lessons.Lesson02;

/// <summary>How <see cref="Throughput.Measure"/> times (lesson 02). Every field has a default; a value out of its range
/// is refused when it is set, with a <see cref="HyperparameterException"/>.</summary>
public sealed record ThroughputOptions
{
    /// <summary>Timed repeats per batch size; the median is reported, the spread shown. Default 5.</summary>
    public int Repeats { get; init => field = Valid.Int(nameof(Repeats), value, 1, 1_000, "5"); } = 5;

    /// <summary>Untimed training steps per batch size before timing starts (first calls allocate memory and pick kernels). Default 3.</summary>
    public int WarmupSteps { get; init => field = Valid.Int(nameof(WarmupSteps), value, 0, 1_000, "3"); } = 3;

    /// <summary>Each repeat times ceil(this / B) training steps (at least <see cref="MinSteps"/>), so every batch size processes about as many examples. Default 2048.</summary>
    public int ExamplesPerRepeat { get; init => field = Valid.Int(nameof(ExamplesPerRepeat), value, 1, 10_000_000, "2048"); } = 2048;

    /// <summary>Fewest steps in one timed repeat. Default 2.</summary>
    public int MinSteps { get; init => field = Valid.Int(nameof(MinSteps), value, 1, 1_000, "2"); } = 2;

    /// <summary>The epoch size N used for seconds per epoch (N / examples per second). Default null: the data set's size.</summary>
    public int? EpochExamples { get; init => field = value is null ? null : Valid.Int(nameof(EpochExamples), value.Value, 1, int.MaxValue, "null (the data set's size)"); }
}

/// <summary>
/// Hardware efficiency of batch sizes (lesson 02): examples per second and seconds per epoch of real training
/// steps (mini-batch gather, forward, cross-entropy, backward, optimizer update: the training loop's steps 1-3,
/// without its bookkeeping). After a warm-up per batch size, the repeats are interleaved: repeat 1 of every
/// batch size, then repeat 2, …, each round in a rotated order, so a slow moment on a shared machine hits all
/// batch sizes alike instead of one. Report the median; the spread of the repeats shows how noisy the machine was.
/// Built to hold on a busy machine (wall-clock timings there varied with the load, not the batch size): the steps run on one intra-op thread (<see cref="IntraOpThreads.Pin"/>,
/// so no helper thread waits for a core another program holds) and are timed with that thread's own processor clock
/// (<see cref="ThreadCpuClock"/>), which does not run while the thread waits for a core: examples per second of
/// processor time, the same on a quiet and on a busy machine up to cache effects.
/// </summary>
public static class Throughput
{
    /// <summary>Times training steps of a fresh <see cref="Mlp"/> built from <paramref name="hp"/> (its depth, width, optimizer, rate and seed; its batch size is ignored).</summary>
    /// <param name="hp">The model and optimizer to time.</param>
    /// <param name="data">Examples to draw mini-batches from (cycled in a seeded order).</param>
    /// <param name="batchSizes">Batch sizes to compare, each in [1, N].</param>
    /// <param name="options">Repeats, warm-up and work per repeat; default <see cref="ThroughputOptions"/>'s defaults.</param>
    public static ThroughputResult Measure(Hyperparameters hp, Dataset data, IEnumerable<int> batchSizes, ThroughputOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hp);
        ArgumentNullException.ThrowIfNull(data);
        options ??= new ThroughputOptions();
        var sizes = batchSizes.Distinct().Order().ToArray();
        if (sizes.Length == 0 || sizes[0] < 1 || sizes[^1] > data.Count)
            throw new ArgumentOutOfRangeException(nameof(batchSizes), $"Give batch sizes in [1, {data.Count}] (the number of examples).");

        using var single = IntraOpThreads.Pin(1);
        using var scope = NewDisposeScope();
        using var model = Mlp.Create(data.FeatureCount, data.ClassCount, hp);
        using var optimizer = Optimizers.Create(model.parameters(), hp);
        var (x, y) = data.ToTensors();
        var order = SeededRandom.Permutation(data.Count, SeededRandom.Create(hp.Seed, stream: 3_000_000));
        int cursor = 0;
        int[] NextBatch(int b)
        {
            var rows = new int[b];
            for (int i = 0; i < b; i++, cursor = (cursor + 1) % order.Length) rows[i] = order[cursor];
            return rows;
        }
        var step = new TrainStep(model, optimizer, x, y);
        void Step(int b) => step.Take(NextBatch(b));

        model.train();
        foreach (int b in sizes)
            for (int i = 0; i < options.WarmupSteps; i++) Step(b);

        var rates = sizes.ToDictionary(b => b, _ => new List<double>());
        for (int r = 0; r < options.Repeats; r++)
        {
            for (int k = 0; k < sizes.Length; k++)
            {
                int b = sizes[(k + r) % sizes.Length];
                int steps = Math.Max(options.MinSteps, (options.ExamplesPerRepeat + b - 1) / b);
                var start = ThreadCpuClock.Now();
                for (int s = 0; s < steps; s++) Step(b);
                double seconds = (ThreadCpuClock.Now() - start).TotalSeconds;
                rates[b].Add((double)steps * b / Math.Max(seconds, 1e-6));
            }
        }
        int epoch = options.EpochExamples ?? data.Count;
        return new ThroughputResult(sizes.Select(b => new ThroughputPoint(b, rates[b], epoch)).ToList(), epoch, get_num_threads());
    }
}
