using HyperLab.Claims;
using HyperLab.Training;

namespace HyperLab.Diagnosis;

/// <summary>
/// Lesson 00's first sanity check: a freshly initialized classifier is about equally unsure of every class, so its
/// cross-entropy loss is close to ln C. Holds when the loss lies within <see cref="Tolerance"/> × ln C of ln C.
/// A trained model (loss far below ln C) or a badly initialized one (confidently wrong, far above) fails.
/// </summary>
/// <param name="Loss">The untrained model's loss (nats).</param>
/// <param name="Classes">The number of classes C.</param>
/// <param name="Tolerance">Relative tolerance; default 0.1 (10 %).</param>
public sealed record ChanceLoss(double Loss, int Classes, double Tolerance = 0.1) : IEvidence
{
    /// <summary>ln C, the loss of a uniform guess.</summary>
    public double LnC => Math.Log(Classes);

    /// <inheritdoc/>
    public bool Holds => Classes >= 2 && double.IsFinite(Loss) && Math.Abs(Loss - LnC) < Tolerance * LnC;

    /// <summary>"loss 2.303 vs ln 10 = 2.303 (within 10 %)".</summary>
    public override string ToString() =>
        $"loss {Loss:0.###} vs ln {Classes} = {LnC:0.###} ({(Holds ? "within" : "not within")} {Tolerance:P0})";
}

/// <summary>
/// Lesson 00's second sanity check: a model that can learn at all can memorize one small batch. Holds when the
/// training loss of the last step is below <see cref="MaxShare"/> of the first step's. A run whose loss does not
/// fall (a broken loop, an inert optimizer) fails.
/// </summary>
/// <param name="First">Loss at the first step (nats).</param>
/// <param name="Last">Loss at the last step (nats).</param>
/// <param name="Steps">Steps taken.</param>
/// <param name="MaxShare">The largest share of the first loss that counts as memorized; default 0.02.</param>
public sealed record OneBatchMemorized(double First, double Last, int Steps, double MaxShare = 0.02) : IEvidence
{
    /// <summary>Reads a run on one batch.</summary>
    /// <exception cref="ArgumentException">The run made no step.</exception>
    public static OneBatchMemorized Of(History history, double maxShare = 0.02)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Steps.Count == 0) throw new ArgumentException("The run made no step: nothing to judge.", nameof(history));
        return new(history.Steps[0].Loss, history.Steps[^1].Loss, history.Steps.Count, maxShare);
    }

    /// <inheritdoc/>
    public bool Holds => double.IsFinite(Last) && Last < MaxShare * First;

    /// <summary>"training loss 2.317 at step 1 → 0.0009 at step 150 (0.0 % of the start; required below 2 %)".</summary>
    public override string ToString() =>
        $"training loss {First:0.###} at step 1 → {Last:0.0000} at step {Steps} ({Last / First:P1} of the start; required below {MaxShare:P0})";
}
