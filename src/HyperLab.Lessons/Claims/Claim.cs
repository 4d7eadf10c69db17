using System.Text.RegularExpressions;
using HyperLab.Claims;

namespace HyperLab.Lessons.Claims;

/// <summary>
/// A claim check: every claim a lesson makes is followed by one. It shows the measured evidence
/// with a tick, or stops the notebook with a <see cref="ClaimFailedException"/> that explains what
/// was expected and what was measured. Never tune a claim to one lucky seed: the course also runs
/// every lesson with other seeds.
/// </summary>
/// <remarks>
/// Every check has a stable id, the lesson's number and a running number (<c>"05.3"</c>), and a kind
/// (<see cref="ClaimKind"/>). A <see cref="ClaimKind.Claim"/> is a measured statement that could be
/// false, and the tests feed the same check an outcome without the effect and require it to fail
/// (a negative control, tagged with the id). A <see cref="ClaimKind.Demonstration"/> shows a framework
/// property or a formula checking itself: it is shown as "shown:", still stops the notebook if it does
/// not hold, and is not counted as proof.
/// </remarks>
/// <example>A notebook gets its checker from the lesson session (<c>var lesson = Notebook.Start(…)</c>), which shows
/// passed checks in the cell's output: <c>lesson.Claim.Check("05.3", "…", ushape)</c>. A plain program or a test makes
/// its own: <c>new Claim().Check(…)</c> prints to the console.</example>
public sealed class Claim
{
    private readonly Action<ClaimResult> show;

    /// <summary>A checker that prints passed checks to the console.</summary>
    public Claim() : this(r => Console.WriteLine(r)) { }

    /// <summary>A checker that shows passed checks with <paramref name="show"/> (the notebook glue passes its display).</summary>
    /// <param name="show">Where a passed check goes.</param>
    public Claim(Action<ClaimResult> show) => this.show = show ?? throw new ArgumentNullException(nameof(show));

    /// <summary>Checks a claim: a measured statement that could be false.</summary>
    /// <param name="id">Stable id, lesson and number, e.g. "05.3" (see <see cref="ClaimId"/>).</param>
    /// <param name="claim">What the lesson says, e.g. "a rate above 2/λ diverges".</param>
    /// <param name="holds">Whether the measurement supports it.</param>
    /// <param name="evidence">The numbers, e.g. "η = 1.05 · 2/λ: |w| grew from 1 to 3.2e+09 in 50 steps".</param>
    /// <param name="ifFails">What a failure probably means and what to try; shown only on failure.</param>
    /// <exception cref="ClaimFailedException">The claim did not hold.</exception>
    /// <remarks>Returns nothing, so that a check at the end of a notebook cell is shown once (by
    /// the checker's display), not a second time as the cell's value.</remarks>
    public void Check(string id, string claim, bool holds, string evidence, string? ifFails = null) =>
        Report(new ClaimResult(ClaimId.Require(id), ClaimKind.Claim, claim, holds, evidence), ifFails);

    /// <summary>Checks a claim whose judgement lives in the library: <paramref name="evidence"/>'s
    /// <see cref="IEvidence.Holds"/> decides and its <c>ToString()</c> is shown as the evidence (the form every new
    /// claim should use, so that a negative-control test can feed the same type an outcome without the effect).</summary>
    /// <param name="id">Stable id, lesson and number, e.g. "05.3".</param>
    /// <param name="claim">What the lesson says.</param>
    /// <param name="evidence">The measured outcome, e.g. a <see cref="Difference"/> or a sweep's U-shape.</param>
    /// <param name="ifFails">What a failure probably means and what to try; shown only on failure.</param>
    /// <exception cref="ClaimFailedException">The claim did not hold.</exception>
    public void Check(string id, string claim, IEvidence evidence, string? ifFails = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        Check(id, claim, evidence.Holds, evidence.ToString() ?? "", ifFails);
    }

    /// <summary>Shows a demonstration: a framework property or a formula checking itself (dropout is
    /// off in evaluation mode, a memory formula, a guard that throws). It stops the notebook if it does not
    /// hold, like a claim, but it is printed as "shown:" and is not counted as proof.</summary>
    /// <param name="id">Stable id, lesson and number, e.g. "05.7" (same numbering as the claims).</param>
    /// <param name="what">What is shown.</param>
    /// <param name="holds">Whether it came out as expected.</param>
    /// <param name="evidence">The numbers.</param>
    /// <exception cref="ClaimFailedException">It did not hold (a bug, not a finding).</exception>
    public void Demonstrate(string id, string what, bool holds, string evidence) =>
        Report(new ClaimResult(ClaimId.Require(id), ClaimKind.Demonstration, what, holds, evidence), null);

    private void Report(ClaimResult result, string? ifFails)
    {
        if (!result.Holds) throw new ClaimFailedException(result, ifFails);
        show(result);
    }
}

/// <summary>Whether a check proves something (<see cref="Claim"/>) or only shows it (<see cref="Demonstration"/>).</summary>
public enum ClaimKind
{
    /// <summary>A measured statement that could be false; it has a negative-control test.</summary>
    Claim,

    /// <summary>A framework property or a formula checking itself; shown, not counted as proof.</summary>
    Demonstration,
}

/// <summary>Claim ids: two digits of the lesson, a dot, a running number ("05.3").</summary>
public static partial class ClaimId
{
    /// <summary>The id's pattern: <c>NN.k</c>.</summary>
    [GeneratedRegex(@"^\d{2}\.\d{1,2}$")]
    public static partial Regex Pattern();

    /// <summary>Returns <paramref name="id"/> when it has the form NN.k, else throws a teaching error.</summary>
    public static string Require(string id) =>
        id is not null && Pattern().IsMatch(id) ? id
            : throw new ArgumentException($"A claim id is the lesson's two digits, a dot and a running number (e.g. \"05.3\"); got \"{id}\".", nameof(id));
}

/// <summary>The outcome of one claim check or demonstration.</summary>
/// <param name="Id">The stable id ("05.3").</param>
/// <param name="Kind">Claim or demonstration.</param>
/// <param name="Claim">The claim (or what is shown) in words.</param>
/// <param name="Holds">Whether it held.</param>
/// <param name="Evidence">The measured numbers.</param>
public sealed record ClaimResult(string Id, ClaimKind Kind, string Claim, bool Holds, string Evidence)
{
    /// <summary>"✓ claim: evidence [05.3]", "✗ …" when it failed, "✓ shown: …" for a demonstration.</summary>
    public override string ToString() =>
        $"{(Holds ? "✓" : "✗")} {(Kind == ClaimKind.Demonstration ? "shown: " : "")}{Claim}: {Evidence} [{Id}]";
}

/// <summary>A lesson's claim did not hold; the message says what was claimed and measured.</summary>
public sealed class ClaimFailedException(ClaimResult result, string? ifFails)
    : Exception($"{result}{(ifFails is null ? "" : $"\n  What this means: {ifFails}")}\n  The lesson's text claims this; the experiment above did not show it. Re-run the notebook; if it fails again, the claim or the experiment needs fixing (please report it).")
{
    /// <summary>The failed check.</summary>
    public ClaimResult Result { get; } = result;
}
