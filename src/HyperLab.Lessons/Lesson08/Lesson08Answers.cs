namespace HyperLab.Lessons.Lesson08;

/// <summary>
/// The expected answers to lesson 08's nine predictions, kept out of the notebook so that reading a cell does not give
/// the answer away. Each check returns false for an empty (null) answer, so feedback can ask the learner to fill it in.
/// </summary>
public static class Lesson08Answers
{
    /// <summary>Section 1: does training raise a rate that is too low? (No: backpropagation never touches it.)</summary>
    public static bool TrainingRaisesTheRate(bool? answer) => answer == false;

    /// <summary>Section 2: 1 (lowest training loss) or 2 (lowest validation loss): which does better on fresh data?</summary>
    public static bool BetterOnFreshData(int? pick) => pick == 2;

    /// <summary>Section 3: are the bigger network and the bigger batch better? (Not by themselves.)</summary>
    public static bool BiggerWins(bool? answer) => answer == false;

    /// <summary>Section 4: "earlier", "same" or "later": where is the best epoch at a 5× lower rate?</summary>
    public static bool BestEpochAtLowerRate(string? answer) => string.Equals(answer?.Trim(), "later", StringComparison.OrdinalIgnoreCase);

    /// <summary>Section 5: does training at the finder's minimum match the valley? (No.)</summary>
    public static bool MinimumIsBest(bool? answer) => answer == false;

    /// <summary>Section 6: the optimism gap in accuracy points: any positive prediction is right (it is optimistic).</summary>
    public static bool OptimismGap(double? points) => points is > 0;

    /// <summary>Section 7: are two evaluations of a dropout network identical? (Yes: dropout is off at evaluation.)</summary>
    public static bool SameBothTimes(bool? answer) => answer == true;

    /// <summary>Section 8: does rescaling the rate rescue the full batch? (No.)</summary>
    public static bool ScalingSavesTheFullBatch(bool? answer) => answer == false;

    /// <summary>Section 9: is the model with the lower training loss the better one? (No.)</summary>
    public static bool LowerTrainingLossWins(bool? answer) => answer == false;
}
