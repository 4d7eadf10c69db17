using HyperLab.Lessons.Lesson05;
using HyperLab.Tests.Overfitting;
using HyperLab.Training;

namespace HyperLab.Tests.Regularization;

/// <summary>The trainer's L1 path (Hyperparameters.L1 adds λ·Σ|w| over the weight matrices to the objective).</summary>
public class L1PathTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void L1_makes_the_weights_sparser_and_smaller_than_no_L1_on_the_same_seed(int seed)
    {
        var data = OverfitData.Small(seed);
        var hp = OverfitData.Model(seed, epochs: 10);
        using var plain = Trainer.Fit(hp, data);
        using var sparse = Trainer.Fit(hp with { L1 = 3e-4 }, data);
        var (a, b) = (WeightStats.Of(plain.Model), WeightStats.Of(sparse.Model));
        Assert.True(b.NearZeroShare > 2 * a.NearZeroShare + 0.01, $"no L1: {a}; L1 3e-4: {b}");
        Assert.True(b.L2Norm < a.L2Norm, $"no L1: {a}; L1 3e-4: {b}");
    }

    [Fact]
    public void The_L1_penalty_is_not_recorded_as_training_loss()
    {
        // The first step's recorded loss is the cross-entropy of the initial weights, the same with or without L1.
        var data = OverfitData.Small(0);
        var hp = OverfitData.Model(0, epochs: 1);
        using var plain = Trainer.Fit(hp, data);
        using var sparse = Trainer.Fit(hp with { L1 = 1e-2 }, data);
        Assert.Equal(plain.History.Steps[0].Loss, sparse.History.Steps[0].Loss);
        Assert.NotEqual(plain.History.Steps[^1].Loss, sparse.History.Steps[^1].Loss);
    }
}
