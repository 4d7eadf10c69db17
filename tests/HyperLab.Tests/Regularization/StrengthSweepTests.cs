using HyperLab.Lessons.Lesson05;
using HyperLab.Tests.Overfitting;
using HyperLab.Training;

namespace HyperLab.Tests.Regularization;

public class StrengthSweepTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Weight_decay_shrinks_the_weights_and_raises_the_training_loss(int seed)
    {
        var data = OverfitData.Small(seed);
        var hp = OverfitData.Model(seed, epochs: 12) with { Optimizer = OptimizerKind.Adam };
        var sweep = StrengthSweep.Run(data, hp, "wd", [0, 1e-3, 1e-2, 1e-1], (h, v) => h with { WeightDecay = v });
        Assert.True(sweep.NormShrinks().Holds, sweep.NormShrinks().ToString());
        Assert.True(sweep.TrainingLossRises().Holds, sweep.TrainingLossRises().ToString());
    }

    [Fact]
    public void With_the_regularizer_switched_off_the_claimed_trends_fail()
    {
        // Every run the same (weight decay 0 throughout): nothing rises, shrinks or forms a U.
        var data = OverfitData.Small(1);
        var hp = OverfitData.Model(1, epochs: 6);
        var sweep = StrengthSweep.Run(data, hp, "wd", [1e-3, 1e-2, 1e-1], (h, _) => h with { WeightDecay = 0 });
        Assert.False(sweep.NormShrinks().Holds);
        Assert.False(sweep.TrainingLossRises().Holds);
        Assert.False(sweep.NearZeroGrows().Holds);
        Assert.False(sweep.GapShrinks().Holds);
        Assert.False(sweep.ValidationUShape().Holds);
    }

    [Fact]
    public void Dropout_is_off_at_evaluation_and_on_in_training_mode()
    {
        var data = OverfitData.Small(2);
        using var run = Trainer.Fit(OverfitData.Model(2, epochs: 2) with { Dropout = 0.5 }, data);
        var check = DropoutCheck.Of(run.Model, data.Validation);
        Assert.True(check.EvaluationRepeats, check.ToString());
        Assert.False(check.TrainingModeRepeats, check.ToString());
        using var none = Trainer.Fit(OverfitData.Model(2, epochs: 2), data);
        Assert.True(DropoutCheck.Of(none.Model, data.Validation).TrainingModeRepeats);   // no dropout: nothing random, the check sees it
    }
}
