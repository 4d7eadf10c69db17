namespace HyperLab.Tests.Claims;

/// <summary>
/// Marks a test as the negative control of one or more lesson claims: it feeds the claim's own check an
/// outcome without the effect (a flat sweep, a shuffled history, an inert knob) and asserts that the
/// check fails. <see cref="ClaimRegistryTests"/> requires one for every <c>Claim.Check</c> id in notebooks/.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class NegativeControlAttribute(params string[] claimIds) : Attribute
{
    /// <summary>The claim ids ("05.3") this test is the negative control of.</summary>
    public IReadOnlyList<string> ClaimIds { get; } = claimIds;
}
