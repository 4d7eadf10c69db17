namespace HyperLab.Diagnosis;

/// <summary>The numbers <see cref="SymptomReader"/> measured on a history (lesson 01).</summary>
/// <param name="FirstLoss">Loss of the first training step (an untrained network: about ln C).</param>
/// <param name="LowestLoss">Lowest of the ten block averages of the step losses.</param>
/// <param name="EndLoss">Last block average.</param>
/// <param name="Progress">1 − LowestLoss / FirstLoss: the share of the starting loss removed at best.</param>
/// <param name="LargestRise">Largest rise of a block average above an earlier one (0.3 = 30%).</param>
/// <param name="LargestJump">Largest single step loss divided by the first step's loss.</param>
/// <param name="SlowRatio">Loss removed in the second half of the run ÷ loss removed in the first half.</param>
/// <param name="BestEpoch">Epoch with the lowest validation loss (0 if no epoch finished).</param>
/// <param name="BestValidation">That validation loss (NaN if none).</param>
/// <param name="FinalValidation">The last epoch's validation loss (NaN if none).</param>
public sealed record SymptomMeasures(double FirstLoss, double LowestLoss, double EndLoss, double Progress, double LargestRise,
    double LargestJump, double SlowRatio, int BestEpoch, double BestValidation, double FinalValidation);

/// <summary>A learning-rate diagnosis (lesson 01): the row of the symptom table, in words, with the
/// evidence and the action, plus the raw <see cref="Measures"/>.</summary>
/// <param name="Symptom">The row of the table (or healthy).</param>
/// <param name="Finding">The row in words.</param>
/// <param name="Evidence">The numbers that led to it.</param>
/// <param name="Action">What to try, with concrete rates.</param>
/// <param name="Measures">Everything measured.</param>
public sealed record SymptomDiagnosis(Symptom Symptom, string Finding, string Evidence, string Action, SymptomMeasures Measures)
    : CurveDiagnosis(Finding, Evidence, Action, Symptom == Symptom.Healthy)
{
    /// <summary>Lesson 01's check of the reader: whether it put the run in the row of <paramref name="expected"/>; the evidence
    /// is the reading, with both symptoms named when they differ.</summary>
    public Claims.Verdict Is(Symptom expected) =>
        new(Symptom == expected, $"{Finding}: {Evidence}. Suggested: {Action}" + (Symptom == expected ? "" : $" (read as {Symptom}, expected {expected})"));
}
