namespace HyperLab.BatchSizes;

/// <summary>The throughput of one batch size (lesson 02): examples per second of each timed repeat.</summary>
/// <param name="BatchSize">B.</param>
/// <param name="ExamplesPerSecond">One value per repeat, in the order measured.</param>
/// <param name="EpochExamples">N, for seconds per epoch.</param>
public sealed record ThroughputPoint(int BatchSize, IReadOnlyList<double> ExamplesPerSecond, int EpochExamples)
{
    /// <summary>Median examples per second over the repeats (robust to one slow repeat).</summary>
    public double Median => Numerics.Median.Of(ExamplesPerSecond);

    /// <summary>Slowest repeat, examples per second.</summary>
    public double Slowest => ExamplesPerSecond.Min();

    /// <summary>Fastest repeat, examples per second.</summary>
    public double Fastest => ExamplesPerSecond.Max();

    /// <summary>Seconds one epoch of N examples takes at the median rate: N / median (training steps only, no evaluation).</summary>
    public double SecondsPerEpoch => EpochExamples / Median;

    /// <summary>Seconds per epoch at each repeat's rate.</summary>
    public IEnumerable<double> SecondsPerEpochByRepeat => ExamplesPerSecond.Select(r => EpochExamples / r);

    /// <summary>"B = 256: 41,200 examples/s (median of 5; 38,900 to 43,000), 0.19 s per epoch of 8,000".</summary>
    public override string ToString() =>
        $"B = {BatchSize}: {Median:N0} examples/s (median of {ExamplesPerSecond.Count}; {Slowest:N0} to {Fastest:N0}), {SecondsPerEpoch:0.###} s per epoch of {EpochExamples:N0}";
}

/// <summary>What <see cref="Throughput.Measure"/> found (lesson 02).</summary>
/// <param name="Points">One per batch size, smallest first.</param>
/// <param name="EpochExamples">N used for seconds per epoch.</param>
/// <param name="Threads">Torch CPU threads during the measurement.</param>
public sealed record ThroughputResult(IReadOnlyList<ThroughputPoint> Points, int EpochExamples, int Threads)
{
    /// <summary>The point measured at <paramref name="batchSize"/>.</summary>
    /// <exception cref="KeyNotFoundException">That batch size was not measured.</exception>
    public ThroughputPoint At(int batchSize) => Points.FirstOrDefault(p => p.BatchSize == batchSize)
        ?? throw new KeyNotFoundException($"Batch size {batchSize} was not measured; measured: {string.Join(", ", Points.Select(p => p.BatchSize))}.");

    /// <summary>How many times more examples per second batch <paramref name="larger"/> processes than batch
    /// <paramref name="smaller"/>: the ratio of their fastest repeats. On a shared machine other programs only ever
    /// slow a repeat down, so the fastest is the least disturbed (Python's timeit reports the best repeat for the same
    /// reason); a median of short repeats can be dragged down for one batch size by a busy moment.</summary>
    public double Speedup(int smaller, int larger) => At(larger).Fastest / At(smaller).Fastest;

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, Points.Select(p => p.ToString()).Prepend($"throughput on {Threads} thread(s):"));
}
