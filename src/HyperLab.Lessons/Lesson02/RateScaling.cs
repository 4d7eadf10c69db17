using HyperLab.Schedules;
namespace HyperLab.Lessons.Lesson02;

/// <summary>How the learning rate follows the batch size (lesson 02).</summary>
public enum ScalingRule
{
    /// <summary>Keep the reference rate whatever the batch.</summary>
    None,
    /// <summary>Rate ∝ batch: η = η₀ · B / B₀ (Goyal et al. 2017, for SGD with momentum, with warmup).</summary>
    Linear,
    /// <summary>Rate ∝ √batch: η = η₀ · √(B / B₀), the usual rule of thumb for Adam-style optimizers.</summary>
    SquareRoot,
}

/// <summary>
/// A learning-rate scaling rule anchored at a reference (batch, rate) pair that is known to train well (lesson 02;
/// lesson 06 tests where the best rate moves with the batch). <see cref="RateFor"/> gives the rate for another batch
/// size; <see cref="Apply"/> sets it in a <see cref="Hyperparameters"/>, optionally with a linear warmup from the
/// reference rate. Make one with <see cref="Linear"/>, <see cref="SquareRoot"/> or <see cref="None"/>.
/// </summary>
/// <param name="Rule">Which rule.</param>
/// <param name="ReferenceBatch">B₀, the batch size the reference rate was tuned at (at least 1).</param>
/// <param name="ReferenceRate">η₀, the rate that works at B₀ (positive).</param>
public sealed record RateScaling(ScalingRule Rule, int ReferenceBatch, double ReferenceRate)
{
    /// <summary>B₀ (at least 1).</summary>
    public int ReferenceBatch { get; init => field = CheckBatch(value); } = CheckBatch(ReferenceBatch);

    /// <summary>η₀ (positive, finite).</summary>
    public double ReferenceRate { get; init => field = CheckRate(value); } = CheckRate(ReferenceRate);

    /// <summary>How the rate follows the batch.</summary>
    public ScalingRule Rule { get; init => field = Valid.Defined(nameof(Rule), value, ScalingRule.SquareRoot); } = Valid.Defined(nameof(Rule), Rule, ScalingRule.SquareRoot);

    private static int CheckBatch(int value) => value >= 1 ? value
        : throw new HyperparameterException(nameof(ReferenceBatch), value, "a whole number of at least 1", "the batch size your reference rate was tuned at, e.g. 64");

    private static double CheckRate(double value) => value > 0 && double.IsFinite(value) ? value
        : throw new HyperparameterException(nameof(ReferenceRate), value, "a positive, finite number", "0.05 for SGD or 1e-3 for Adam");

    /// <summary>Linear scaling: η = η₀ · B / B₀.</summary>
    public static RateScaling Linear(int referenceBatch, double referenceRate) => new(ScalingRule.Linear, referenceBatch, referenceRate);

    /// <summary>Square-root scaling: η = η₀ · √(B / B₀).</summary>
    public static RateScaling SquareRoot(int referenceBatch, double referenceRate) => new(ScalingRule.SquareRoot, referenceBatch, referenceRate);

    /// <summary>No scaling: η = η₀ for every batch (the baseline to compare with).</summary>
    public static RateScaling None(int referenceBatch, double referenceRate) => new(ScalingRule.None, referenceBatch, referenceRate);

    /// <summary>The rate this rule gives batch size <paramref name="batchSize"/> (at least 1).</summary>
    public double RateFor(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        double ratio = (double)batchSize / ReferenceBatch;
        return Rule switch
        {
            ScalingRule.Linear => ReferenceRate * ratio,
            ScalingRule.SquareRoot => ReferenceRate * Math.Sqrt(ratio),
            _ => ReferenceRate,
        };
    }

    /// <summary>
    /// <paramref name="hp"/> with the rate for its batch size. With <paramref name="warmupEpochs"/> &gt; 0 and a rate above
    /// the reference, the schedule becomes a <see cref="LinearWarmup"/> that starts at the reference rate and reaches the
    /// scaled rate after that many epochs (replacing <paramref name="hp"/>'s schedule); otherwise the schedule is kept.
    /// </summary>
    /// <param name="hp">The settings; its <see cref="Hyperparameters.BatchSize"/> picks the rate.</param>
    /// <param name="warmupEpochs">Warmup length in epochs; default 0 (no warmup).</param>
    public Hyperparameters Apply(Hyperparameters hp, double warmupEpochs = 0)
    {
        ArgumentNullException.ThrowIfNull(hp);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupEpochs);
        double rate = RateFor(hp.BatchSize);
        var scaled = hp with { LearningRate = rate };
        return warmupEpochs > 0 && rate > ReferenceRate
            ? scaled with { Schedule = new LinearWarmup(warmupEpochs, ReferenceRate / rate) }
            : scaled;
    }

    /// <summary>"linear scaling from batch 32 at lr 0.05".</summary>
    public override string ToString() => Rule switch
    {
        ScalingRule.Linear => $"linear scaling from batch {ReferenceBatch} at lr {Hyperparameters.Fmt(ReferenceRate)}",
        ScalingRule.SquareRoot => $"square-root scaling from batch {ReferenceBatch} at lr {Hyperparameters.Fmt(ReferenceRate)}",
        _ => $"no scaling: lr {Hyperparameters.Fmt(ReferenceRate)} at every batch",
    };
}
