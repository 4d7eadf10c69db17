namespace HyperLab.Claims;

/// <summary>
/// A measured outcome that a claim check judges: <see cref="Holds"/> says whether it supports the claim and
/// <see cref="object.ToString"/> carries the numbers in words, including, when it does not hold, which
/// requirement was missed. Pass one to <c>Claim.Check(id, claim, evidence)</c> (in the lessons): the
/// judgement then lives in the library, where a negative-control test can feed the same type an outcome
/// without the effect and require it to fail.
/// </summary>
public interface IEvidence
{
    /// <summary>Whether the outcome supports the claim.</summary>
    bool Holds { get; }
}

/// <summary>Combines evidence: <see cref="All"/> holds when every part does.</summary>
public static class Evidence
{
    /// <summary>Every part must hold; the evidence lists every part's, the missed ones marked "not met".</summary>
    public static AllOf All(params IEvidence[] parts) => new(parts);
}

/// <summary>Several pieces of evidence that must all hold (see <see cref="Evidence.All"/>).</summary>
/// <param name="Parts">The pieces, each with its own evidence.</param>
public sealed record AllOf(IReadOnlyList<IEvidence> Parts) : IEvidence
{
    /// <inheritdoc/>
    public bool Holds => Parts.Count > 0 && Parts.All(p => p.Holds);

    /// <summary>The parts' evidence joined by "; ", a missed part followed by "(not met)".</summary>
    public override string ToString() => string.Join("; ", Parts.Select(p => p.Holds ? p.ToString() : $"{p} (not met)"));
}

/// <summary>Evidence given as a verdict and its words: for a library predicate that already returns a
/// boolean (<c>new Verdict(change.EveryTensorMovedBeyond(10), change.ToString())</c>).</summary>
/// <param name="Holds">The library predicate's verdict.</param>
/// <param name="Text">The evidence in words.</param>
public sealed record Verdict(bool Holds, string Text) : IEvidence
{
    /// <inheritdoc/>
    public override string ToString() => Text;
}
