namespace HyperLab.Lessons.Lesson02;

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

    /// <summary>Whether batch <paramref name="larger"/> processes at least <paramref name="atLeast"/> times the examples per
    /// second of batch <paramref name="smaller"/> (claims 02.6 and 02.10), with the evidence.</summary>
    public SpeedupCheck Faster(int smaller, int larger, double atLeast) => new(smaller, larger, Speedup(smaller, larger), atLeast);

    /// <summary>Whether the step <paramref name="largeFrom"/> → <paramref name="largeTo"/> gains less speed than
    /// <paramref name="smallFrom"/> → <paramref name="smallTo"/> (claim 02.7), with the evidence.</summary>
    public GainFlattening Flattens(int smallFrom, int smallTo, int largeFrom, int largeTo) =>
        new((smallFrom, smallTo), Speedup(smallFrom, smallTo), (largeFrom, largeTo), Speedup(largeFrom, largeTo));

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, Points.Select(p => p.ToString()).Prepend($"throughput on {Threads} thread(s), per second of the timing thread's processor time:"));
}

/// <summary>Lesson 02's "a larger batch processes examples faster" (claims 02.6 and 02.10): the ratio of the fastest
/// repeats of two batch sizes against a required factor.</summary>
/// <param name="Smaller">The smaller batch.</param>
/// <param name="Larger">The larger batch.</param>
/// <param name="Ratio">Examples per second at <paramref name="Larger"/> over those at <paramref name="Smaller"/> (fastest repeats).</param>
/// <param name="Required">The factor the claim requires.</param>
public sealed record SpeedupCheck(int Smaller, int Larger, double Ratio, double Required)
{
    /// <summary>The larger batch is at least <see cref="Required"/> times as fast. False when it is not faster.</summary>
    public bool Holds => Ratio >= Required;

    /// <summary>"batch 256 processed 3.1× the examples per second of batch 8 (fastest repeats; required: at least 2×)".</summary>
    public override string ToString() =>
        $"batch {Larger:N0} processed {Ratio:0.0}× the examples per second of batch {Smaller:N0} (fastest repeats; required: at least {Required:0.##}×)";
}

/// <summary>Lesson 02's "the gain flattens" (claim 02.7): multiplying a large batch by some factor gains less speed than
/// multiplying a small batch by the same factor.</summary>
/// <param name="SmallStep">The small batch sizes compared (from, to).</param>
/// <param name="SmallGain">Speed-up of that step.</param>
/// <param name="LargeStep">The large batch sizes compared (from, to).</param>
/// <param name="LargeGain">Speed-up of that step.</param>
public sealed record GainFlattening((int From, int To) SmallStep, double SmallGain, (int From, int To) LargeStep, double LargeGain)
{
    /// <summary>The large step gains less than the small one. False when the gain keeps up or grows.</summary>
    public bool Holds => LargeGain < SmallGain;

    /// <summary>"8 → 32 gave 2.9× the examples per second, 512 → 2,048 gave 1.0×".</summary>
    public override string ToString() =>
        $"{SmallStep.From:N0} → {SmallStep.To:N0} gave {SmallGain:0.0}× the examples per second, {LargeStep.From:N0} → {LargeStep.To:N0} gave {LargeGain:0.0}×";
}
