using HyperLab.Diagnosis;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson05;

/// <summary>
/// Does a run read as the verdict the lesson expects (lesson 05: too weak, balanced, too strong)? The diagnosis is
/// lesson 03's <see cref="FitDiagnosis"/>; the evidence says the verdict in words (never a ✗ inside a ✓ line).
/// </summary>
/// <param name="Run">The run.</param>
/// <param name="Expected">The verdict the lesson expects.</param>
/// <param name="Diagnosis">What <see cref="FitDiagnosis"/> read.</param>
public sealed record VerdictCheck(History Run, FitVerdict Expected, FitReport Diagnosis)
{
    /// <summary>Diagnoses <paramref name="run"/> with the default settings.</summary>
    public static VerdictCheck Of(History run, FitVerdict expected)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new VerdictCheck(run, expected, FitDiagnosis.Of(run));
    }

    /// <summary>The diagnosis is the expected verdict.</summary>
    public bool Holds => Diagnosis.Verdict == Expected;

    /// <summary>"read as underfitting (too few epochs): evidence".</summary>
    public override string ToString() => $"read as {FitReport.Name(Diagnosis.Verdict)} ({Diagnosis.Finding}): {Diagnosis.Evidence}";
}
