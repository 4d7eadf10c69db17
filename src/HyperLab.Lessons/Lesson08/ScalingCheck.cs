using HyperLab.Data;
using HyperLab.Lessons.Lesson02;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson08;

/// <summary>
/// "Batch size does not matter if I scale the learning rate" (lesson 08): a reference batch, a moderate
/// and a large batch, each trained with the reference rate (plain) and with the scaled rate (lesson 02's
/// <see cref="RateScaling"/>, with warmup), everything else equal. Diverged runs count as infinitely bad.
/// </summary>
/// <param name="Reference">The reference batch at the reference rate.</param>
/// <param name="PlainModerate">Moderate batch, reference rate.</param>
/// <param name="ScaledModerate">Moderate batch, scaled rate.</param>
/// <param name="PlainLarge">Large batch, reference rate.</param>
/// <param name="ScaledLarge">Large batch, scaled rate.</param>
public sealed record ScalingCheck(RunOutcome Reference, RunOutcome PlainModerate, RunOutcome ScaledModerate, RunOutcome PlainLarge, RunOutcome ScaledLarge)
{
    /// <summary>Trains the five runs.</summary>
    /// <param name="reference">The reference: its batch size and rate train well.</param>
    /// <param name="data">Training and validation data.</param>
    /// <param name="rule">How to scale, e.g. <c>RateScaling.Linear</c> from the reference.</param>
    /// <param name="moderateBatch">A batch a few times the reference.</param>
    /// <param name="largeBatch">A very large batch, e.g. the whole training set.</param>
    /// <param name="warmupEpochs">Warmup for the scaled runs; default 1 (as lesson 02).</param>
    /// <param name="options">How to run each fit (e.g. a notebook's live progress, <c>lesson.Options</c>); its label is set per run. Default: silent.</param>
    public static ScalingCheck Run(Hyperparameters reference, DataSplits data, RateScaling rule, int moderateBatch, int largeBatch, double warmupEpochs = 1, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(rule);
        RunOutcome Fit(Hyperparameters hp, string label)
        {
            using var run = Trainer.Fit(hp, data, (options ?? new FitOptions()) with { Label = label });
            return new RunOutcome(run.History);
        }
        RunOutcome Plain(int b) => Fit(reference with { BatchSize = b }, $"batch {b}, lr {Hyperparameters.Fmt(reference.LearningRate)}");
        RunOutcome Scaled(int b) => Fit(rule.Apply(reference with { BatchSize = b }, warmupEpochs), $"batch {b}, scaled lr {Hyperparameters.Fmt(rule.RateFor(b))}");
        return new ScalingCheck(Plain(reference.BatchSize), Plain(moderateBatch), Scaled(moderateBatch), Plain(largeBatch), Scaled(largeBatch));
    }

    /// <summary>Final validation loss above the reference's (nats; +∞ for a diverged run).</summary>
    public double GapOf(RunOutcome run) => run.Loss - Reference.Loss;

    /// <summary>Scaling closes at least half of the moderate batch's gap to the reference.</summary>
    public bool HelpsAtModerate => GapOf(ScaledModerate) < 0.5 * GapOf(PlainModerate);

    /// <summary>At the large batch the scaled run still ends clearly behind the reference: a gap of more than
    /// 0.1 nats and more than 3× the scaled moderate batch's gap (or it diverges).</summary>
    public bool BreaksAtLarge => GapOf(ScaledLarge) > Math.Max(0.1, 3 * GapOf(ScaledModerate));

    /// <summary>The histories, for a chart: plain runs then scaled runs.</summary>
    public IEnumerable<RunOutcome> All => [Reference, PlainModerate, ScaledModerate, PlainLarge, ScaledLarge];

    /// <inheritdoc/>
    public override string ToString()
    {
        static string G(double g) => double.IsPositiveInfinity(g) ? "diverged" : $"{g:+0.###;-0.###} nats";
        return $"gap to the reference ({Reference}): moderate batch plain {G(GapOf(PlainModerate))}, scaled {G(GapOf(ScaledModerate))}; " +
               $"large batch plain {G(GapOf(PlainLarge))}, scaled {G(GapOf(ScaledLarge))}";
    }
}
