using HyperLab.Training;

namespace HyperLab.Diagnosis;

/// <summary>
/// How much of its starting loss a run removed (lesson 01): the first step's training loss against
/// the last epoch's mean training loss. A rate that is too low removes little; a good one most.
/// </summary>
/// <param name="First">Training loss of the first update (nats).</param>
/// <param name="Last">Mean training loss of the last epoch (nats).</param>
/// <param name="Updates">Updates the run made.</param>
public sealed record LossDrop(double First, double Last, int Updates)
{
    /// <summary>Measures a finished run (at least one step and one epoch).</summary>
    public static LossDrop Of(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Steps.Count == 0 || history.LastEpoch is null)
            throw new ArgumentException("The run made no update or finished no epoch: nothing to compare.", nameof(history));
        return new(history.Steps[0].Loss, history.LastEpoch.TrainLoss, history.Steps.Count);
    }

    /// <summary>Share of the starting loss removed: 1 − Last/First (0 = none, 1 = all).</summary>
    public double Share => 1 - Last / First;

    /// <summary>Lesson 01's "too low": less than <paramref name="maxShare"/> (default 10 %) of the starting loss removed.</summary>
    public bool BarelyMoved(double maxShare = 0.1) => Share < maxShare;

    /// <summary>Lesson 01's "good": more than <paramref name="minShare"/> (default 60 %) of the starting loss removed and
    /// no block of steps rising by more than <paramref name="maxRise"/> (default 5 %) over the one before
    /// (<paramref name="largestRise"/> from <see cref="SymptomReader.Measure"/>).</summary>
    public Claims.Verdict FellSmoothly(double largestRise, double minShare = 0.6, double maxRise = 0.05) =>
        new(Share > minShare && largestRise < maxRise,
            $"{this}; largest rise between blocks {largestRise:P1} (required: more than {minShare:P0} lower, no rise above {maxRise:P0})");

    /// <summary>"training loss 2.305 at step 1, 2.281 in the last epoch: 1% lower after 380 updates".</summary>
    public override string ToString() =>
        $"training loss {First:0.###} at step 1, {Last:0.###} in the last epoch: {Share:P0} lower after {Updates} updates";
}
