using HyperLab.Lessons.Exercises;
using HyperLab.Lessons.Lesson08;

namespace HyperLab.Tests.Claims;

/// <summary>Each of lesson 08's nine predictions: an empty answer and a wrong one are "not yet", the right one is right.</summary>
public class Lesson08AnswersTests
{
    [Fact]
    public void Every_prediction_is_not_yet_when_empty_or_wrong_and_right_when_right()
    {
        Assert.False(Lesson08Answers.TrainingRaisesTheRate(null));
        Assert.False(Lesson08Answers.TrainingRaisesTheRate(true));
        Assert.True(Lesson08Answers.TrainingRaisesTheRate(false));

        Assert.False(Lesson08Answers.BetterOnFreshData(null));
        Assert.False(Lesson08Answers.BetterOnFreshData(1));
        Assert.True(Lesson08Answers.BetterOnFreshData(2));

        Assert.False(Lesson08Answers.BiggerWins(null));
        Assert.False(Lesson08Answers.BiggerWins(true));
        Assert.True(Lesson08Answers.BiggerWins(false));

        Assert.False(Lesson08Answers.BestEpochAtLowerRate(null));
        Assert.False(Lesson08Answers.BestEpochAtLowerRate("earlier"));
        Assert.False(Lesson08Answers.BestEpochAtLowerRate("same"));
        Assert.True(Lesson08Answers.BestEpochAtLowerRate("later"));

        Assert.False(Lesson08Answers.MinimumIsBest(null));
        Assert.False(Lesson08Answers.MinimumIsBest(true));
        Assert.True(Lesson08Answers.MinimumIsBest(false));

        Assert.False(Lesson08Answers.OptimismGap(null));
        Assert.False(Lesson08Answers.OptimismGap(0));
        Assert.True(Lesson08Answers.OptimismGap(1.5));

        Assert.False(Lesson08Answers.SameBothTimes(null));
        Assert.False(Lesson08Answers.SameBothTimes(false));
        Assert.True(Lesson08Answers.SameBothTimes(true));

        Assert.False(Lesson08Answers.ScalingSavesTheFullBatch(null));
        Assert.False(Lesson08Answers.ScalingSavesTheFullBatch(true));
        Assert.True(Lesson08Answers.ScalingSavesTheFullBatch(false));

        Assert.False(Lesson08Answers.LowerTrainingLossWins(null));
        Assert.False(Lesson08Answers.LowerTrainingLossWins(true));
        Assert.True(Lesson08Answers.LowerTrainingLossWins(false));
    }
}
