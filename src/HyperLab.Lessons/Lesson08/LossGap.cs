using System.Globalization;

namespace HyperLab.Lessons.Lesson08;

/// <summary>
/// One run ends worse than another by more than a margin, in final validation loss (lesson 08, "a bigger batch is
/// better"): e.g. the full batch against batch 32 at the same rate and number of epochs.
/// </summary>
/// <param name="Reference">The run expected to be better.</param>
/// <param name="Worse">The run expected to be worse.</param>
/// <param name="Margin">By how many nats at least. Default 0.5.</param>
public sealed record LossGap(RunOutcome Reference, RunOutcome Worse, double Margin = 0.5)
{
    /// <summary>Worse's final validation loss minus the reference's (+∞ if it diverged).</summary>
    public double Gap => Worse.Loss - Reference.Loss;

    /// <summary>The gap exceeds the margin.</summary>
    public bool Holds => Gap > Margin;

    /// <summary>"batch 32: …; batch 1348: …; gap +2.0 nats (threshold 0.5)".</summary>
    public override string ToString() =>
        $"{Reference}; {Worse}; gap {Gap.ToString("+0.###;−0.###", CultureInfo.InvariantCulture)} nats (threshold {Margin.ToString("0.##", CultureInfo.InvariantCulture)})";
}
