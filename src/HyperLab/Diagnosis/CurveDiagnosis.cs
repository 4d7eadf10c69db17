namespace HyperLab.Diagnosis;

/// <summary>
/// A diagnosis read from training curves: what was found, the numbers that led to it, and what to
/// try next. Shared by the course's diagnosis helpers: the learning-rate <see cref="SymptomReader"/>
/// (lesson 01) derives <see cref="SymptomDiagnosis"/> from it; later lessons derive their own (e.g.
/// underfitting/overfitting) the same way, so a notebook can show any of them alike.
/// </summary>
/// <param name="Finding">The finding in a few words, e.g. "learning rate too high".</param>
/// <param name="Evidence">The measured numbers behind it, e.g. "loss became NaN at step 41".</param>
/// <param name="Action">What to try, e.g. "cut the rate 3-10×: try 3e-3 to 1e-3".</param>
/// <param name="Healthy">True when nothing needs fixing.</param>
public record CurveDiagnosis(string Finding, string Evidence, string Action, bool Healthy)
{
    /// <summary>"✗ learning rate too high: loss became NaN at step 41 → cut the rate 3-10×".</summary>
    public override string ToString() => $"{(Healthy ? "✓" : "✗")} {Finding}: {Evidence} → {Action}";
}
