using HyperLab.Models;
using HyperLab.Training;

namespace HyperLab.Tests.Training;

public class ParameterChangeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void One_AdamW_step_changes_every_tensor_but_not_by_ten_steps_worth(int seed)
    {
        var data = TinyData.Moons(seed: seed);
        var hp = new Hyperparameters { Depth = 2, Width = 16, LearningRate = 1e-3, BatchSize = 32, Epochs = 1, Seed = seed };
        using var model = Mlp.Create(data.Train.FeatureCount, data.Train.ClassCount, hp);
        using var before = WeightSnapshot.Capture(model);
        Trainer.Fit(model, hp, data, new FitOptions { MaxSteps = 1 });
        var change = ParameterChange.Of(before, model, hp.LearningRate);
        Assert.True(change.Smallest > 0);                     // "every tensor changed" holds after one step...
        Assert.False(change.EveryTensorMovedBeyond(10));       // ...but the real check does not
    }
}
