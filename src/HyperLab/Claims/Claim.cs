namespace HyperLab.Claims;

/// <summary>
/// A claim check: every claim a lesson makes is followed by one. It shows the measured evidence
/// with a tick, or stops the notebook with a <see cref="ClaimFailedException"/> that explains what
/// was expected and what was measured. Never tune a claim to one lucky seed: the course also runs
/// every lesson with other seeds.
/// </summary>
public static class Claim
{
    /// <summary>Where passed claims are shown. Default: the console. The notebook glue replaces it
    /// with a rich display.</summary>
    public static Action<ClaimResult> Show { get; set; } = r => Console.WriteLine(r);

    /// <summary>Checks a claim.</summary>
    /// <param name="claim">What the lesson says, e.g. "a rate above 2/λ diverges".</param>
    /// <param name="holds">Whether the measurement supports it.</param>
    /// <param name="evidence">The numbers, e.g. "η = 1.05 · 2/λ: |w| grew from 1 to 3.2e+09 in 50 steps".</param>
    /// <param name="ifFails">What a failure probably means and what to try; shown only on failure.</param>
    /// <exception cref="ClaimFailedException">The claim did not hold.</exception>
    /// <remarks>Returns nothing, so that a check at the end of a notebook cell is shown once (by
    /// <see cref="Show"/>), not a second time as the cell's value.</remarks>
    public static void Check(string claim, bool holds, string evidence, string? ifFails = null)
    {
        var result = new ClaimResult(claim, holds, evidence);
        if (!holds) throw new ClaimFailedException(result, ifFails);
        Show(result);
    }
}

/// <summary>The outcome of one claim check.</summary>
/// <param name="Claim">The claim in words.</param>
/// <param name="Holds">Whether it held.</param>
/// <param name="Evidence">The measured numbers.</param>
public sealed record ClaimResult(string Claim, bool Holds, string Evidence)
{
    /// <summary>"✓ claim: evidence" or "✗ claim: evidence".</summary>
    public override string ToString() => $"{(Holds ? "✓" : "✗")} {Claim}: {Evidence}";
}

/// <summary>A lesson's claim did not hold; the message says what was claimed and measured.</summary>
public sealed class ClaimFailedException(ClaimResult result, string? ifFails)
    : Exception($"{result}{(ifFails is null ? "" : $"\n  What this means: {ifFails}")}\n  The lesson's text claims this; the experiment above did not show it. Re-run the notebook; if it fails again, the claim or the experiment needs fixing (please report it).")
{
    /// <summary>The failed check.</summary>
    public ClaimResult Result { get; } = result;
}
