using HyperLab.Data;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson08;

/// <summary>One trained configuration of a <see cref="TestSetTuning"/> experiment.</summary>
/// <param name="Hyperparameters">What was trained.</param>
/// <param name="Correct">For each example of the held-out pool, whether the model got it right.</param>
public sealed record TuningTrial(Hyperparameters Hyperparameters, IReadOnlyList<bool> Correct)
{
    /// <summary>Accuracy on the pool examples at <paramref name="rows"/>.</summary>
    public double AccuracyOn(IReadOnlyList<int> rows) => rows.Count == 0 ? double.NaN : rows.Count(i => Correct[i]) / (double)rows.Count;
}

/// <summary>
/// Tuning on the test set (lesson 08): train many random configurations, pick the one with the best
/// test accuracy, and compare that accuracy with the same model's accuracy on fresh data. The
/// difference is the optimism gap: what picking on the test set adds to its score. Every model is
/// trained once; the held-out pool is then cut into test and fresh parts many times, for free.
/// </summary>
public static class TestSetTuning
{
    /// <summary>
    /// <paramref name="count"/> random configurations around <paramref name="baseline"/>: learning rate
    /// log-uniform in [1e-4, 3e-2], width 16 to 256, 1 to 3 hidden layers, dropout 0 to 0.5, weight decay
    /// log-uniform in [1e-5, 0.1]; each with its own seed. The same seed gives the same list.
    /// </summary>
    public static IReadOnlyList<Hyperparameters> RandomConfigurations(Hyperparameters baseline, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        double LogUniform(double low, double high) => Math.Exp(Math.Log(low) + random.NextDouble() * (Math.Log(high) - Math.Log(low)));
        int[] widths = [16, 32, 64, 128, 256];
        return Enumerable.Range(0, count).Select(i => baseline with
        {
            LearningRate = LogUniform(1e-4, 3e-2),
            Width = widths[random.Next(widths.Length)],
            Depth = 1 + random.Next(3),
            Dropout = Math.Round(random.NextDouble() * 0.5, 2),
            WeightDecay = LogUniform(1e-5, 0.1),
            Seed = seed * 1000 + i,
        }).ToList();
    }

    /// <summary>Trains each configuration on <paramref name="data"/>'s training set and records which
    /// examples of its <see cref="DataSplits.Test"/> set (the held-out pool) it gets right. Each fit runs with
    /// <paramref name="options"/> (e.g. a notebook's live progress; default silent).</summary>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no test set to hold out.</exception>
    public static IReadOnlyList<TuningTrial> Train(DataSplits data, IEnumerable<Hyperparameters> configurations, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(configurations);
        var pool = data.Test ?? throw new ArgumentException("The held-out pool is the splits' Test set; this DataSplits has none.", nameof(data));
        var trials = new List<TuningTrial>();
        foreach (var (hp, i) in configurations.Select((h, i) => (h, i)))
        {
            using var run = Trainer.Fit(hp, data, (options ?? new FitOptions()) with { Label = $"configuration {i + 1}: {hp}" });
            var predicted = Checkpoint.Outputs(run.Model, pool).Predicted;
            trials.Add(new TuningTrial(hp, predicted.Select((p, row) => p == pool.Labels[row]).ToList()));
        }
        return trials;
    }

    /// <summary>
    /// Cuts the pool <paramref name="splits"/> times at random into a test part of
    /// <paramref name="testSize"/> examples and a fresh part (the rest); each time picks the trial with
    /// the best test accuracy (the first on ties) and measures its optimism: test accuracy minus fresh
    /// accuracy. The first cut is the one shown in detail.
    /// </summary>
    public static OptimismGap Measure(IReadOnlyList<TuningTrial> trials, int testSize, int splits, int seed)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.Count == 0) throw new ArgumentException("Give at least one trial.", nameof(trials));
        int poolSize = trials[0].Correct.Count;
        if (testSize < 1 || testSize >= poolSize)
            throw new ArgumentOutOfRangeException(nameof(testSize), testSize, $"The test part needs at least 1 example and must leave fresh ones: 1 to {poolSize - 1}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(splits, 1);
        var random = new Random(seed);
        var picks = new List<TestSetPick>();
        for (int s = 0; s < splits; s++)
        {
            var order = Enumerable.Range(0, poolSize).OrderBy(_ => random.Next()).ToArray();
            var (test, fresh) = (order[..testSize], order[testSize..]);
            var testScores = trials.Select(t => t.AccuracyOn(test)).ToList();
            int chosen = testScores.IndexOf(testScores.Max());
            picks.Add(new TestSetPick(chosen, testScores[chosen], trials[chosen].AccuracyOn(fresh), testScores, trials.Select(t => t.AccuracyOn(fresh)).ToList()));
        }
        return new OptimismGap(picks, trials.Count, testSize, poolSize - testSize);
    }
}
