using HyperLab.Lessons.Lesson04;
using HyperLab.Tests.Diagnosis;

namespace HyperLab.Tests.NetworkDepth;

public class ShallowVsDeepTests
{
    private static DepthResult Row(int depth, double loss) =>
        new(depth, [FitCurves.Make([0.1], [loss]), FitCurves.Make([0.1], [loss])]);

    [Fact]
    public void Holds_when_shallow_has_the_lower_loss_and_fails_when_deep_does()
    {
        var shallowWins = ShallowVsDeep.Of([Row(1, 0.10), Row(2, 0.12), Row(8, 0.20)]);
        Assert.True(shallowWins.ShallowAsGood);
        Assert.Equal(1, shallowWins.Shallow.Depth);
        var deepWins = ShallowVsDeep.Of([Row(1, 0.30), Row(3, 0.25), Row(8, 0.20), Row(12, 0.22)]);
        Assert.False(deepWins.ShallowAsGood);
        Assert.Contains("depth 8 0.2", deepWins.ToString());
    }

    [Fact]
    public void Accuracy_must_be_within_the_tolerance()
    {
        var lowAccuracy = new ShallowVsDeep(Row(1, 0.1), Row(8, 0.2), ShallowAccuracy: 0.90, DeepAccuracy: 0.95, AccuracyTolerance: 0.01);
        Assert.False(lowAccuracy.ShallowAsGood);
        Assert.True((lowAccuracy with { ShallowAccuracy = 0.945 }).ShallowAsGood);
    }

    /// <summary>Lesson 04's claim with early stopping: deep (8+) no better than shallow (1-3), loss within 10%.</summary>
    private static bool DeepNoBetter(ShallowVsDeep c) =>
        c.Shallow.MeanValidationLoss <= 1.1 * c.Deep.MeanValidationLoss && c.ShallowAccuracy >= c.DeepAccuracy - 0.01;

    [Fact]
    public void Lesson_04s_no_better_check_fails_when_depth_clearly_helps()
    {
        Assert.True(DeepNoBetter(ShallowVsDeep.Of([Row(2, 0.057), Row(12, 0.054)])));    // seed 7's numbers: within noise
        Assert.False(DeepNoBetter(ShallowVsDeep.Of([Row(2, 0.080), Row(12, 0.060)])));   // deep 25% lower: depth helps
    }
}
