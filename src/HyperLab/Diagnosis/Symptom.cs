namespace HyperLab.Diagnosis;

/// <summary>The rows of lesson 01's symptom table, plus "healthy".</summary>
public enum Symptom
{
    /// <summary>The loss falls smoothly and validation still improves at the end: nothing to fix.</summary>
    Healthy,
    /// <summary>Loss becomes NaN, explodes, or jumps wildly without making progress: the rate is too high.</summary>
    TooHigh,
    /// <summary>Loss decreases, but painfully slowly: the rate is too low.</summary>
    TooLow,
    /// <summary>Loss improves at first, then turns unstable: fine early, too high later.</summary>
    UnstableLater,
    /// <summary>Validation improves, then stalls: the rate is not fine enough for the final convergence.</summary>
    Stalled,
    /// <summary>Too little was recorded to read anything (no training step).</summary>
    Unreadable,
}

/// <summary>One row of the symptom table, for display (lesson 01).</summary>
/// <param name="Symptom">The row.</param>
/// <param name="WhatYouSee">The symptom in the curves.</param>
/// <param name="LikelyIssue">What it usually means.</param>
/// <param name="Action">What to do.</param>
public sealed record SymptomRow(Symptom Symptom, string WhatYouSee, string LikelyIssue, string Action);

/// <summary>
/// The thresholds of <see cref="SymptomReader"/>, each with its default and its reason. All are
/// ratios of losses, so they do not depend on the number of classes.
/// </summary>
public sealed record SymptomThresholds
{
    /// <summary>Fraction of the first step's loss that the (block-averaged) training loss must have
    /// shed for the run to count as "having improved". Default 0.3: an untrained 10-class network starts
    /// near ln 10 ≈ 2.3, so it must have reached about 1.6.</summary>
    public double Progress { get; init; } = 0.3;

    /// <summary>A rise of the block-averaged training loss above its earlier low by this fraction or more
    /// counts as instability. Default 0.25: in healthy runs, ten-block averages rise by at most ~15% (mini-batch noise).</summary>
    public double Rise { get; init; } = 0.25;

    /// <summary>A single step's loss above this multiple of the first step's loss is a wild jump: an
    /// untrained network's loss is the worst a sane run sees. Default 1.5.</summary>
    public double Jump { get; init; } = 1.5;

    /// <summary>"Painfully slow": the second half of the run removed at least this fraction of what the
    /// first half removed, i.e. the curve is still falling almost in a straight line instead of leveling
    /// off. Default 0.4 (healthy runs measured 0.05-0.2).</summary>
    public double SlowRatio { get; init; } = 0.4;

    /// <summary>"Barely moves": less than this fraction of the first loss was removed. Default 0.05.</summary>
    public double BarelyMoves { get; init; } = 0.05;

    /// <summary>Validation has stalled when its best epoch is at least two epochs before the end and the
    /// final validation loss is at least this fraction above the best. Default 0.03 (3%).</summary>
    public double StallExcess { get; init; } = 0.03;

    /// <summary>…or when the mean validation loss of the last third of the epochs (K = max(2, ⌈epochs/3⌉),
    /// needs 2K epochs) is not at least this fraction below the mean of the K epochs before. Default 0.02 (2%):
    /// healthy runs measured 7-18% lower, stalled ones 3% lower to 2% higher.</summary>
    public double StallGain { get; init; } = 0.02;
}
