using HyperLab.Data;
using HyperLab.Models;
using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Tests.Training;

/// <summary>Parameters in one contiguous buffer (<see cref="FlatParameters"/>) train to the same numbers
/// as parameters in separate tensors.</summary>
public class FlatParametersTests
{
    private static float[] Weights(nn.Module model)
    {
        using var scope = NewDisposeScope();
        return model.parameters().SelectMany(p => p.detach().flatten().data<float>().ToArray()).ToArray();
    }

    private static TrainingResult Fit(Hyperparameters hp, DataSplits data, bool flat)
    {
        var model = Mlp.Create(data.Train.FeatureCount, data.Train.ClassCount, hp);
        return new TrainingResult(model, Trainer.Fit(model, hp, data, new FitOptions { FlatParameters = flat }));
    }

    private static (History History, float[] Weights) Train(Hyperparameters hp, bool flat)
    {
        var data = TinyData.Moons(seed: hp.Seed);
        using var run = Fit(hp, data, flat);
        return (run.History, Weights(run.Model));
    }

    [Theory]
    [InlineData(0, OptimizerKind.AdamW)]
    [InlineData(1, OptimizerKind.AdamW)]
    [InlineData(2, OptimizerKind.AdamW)]
    [InlineData(7, OptimizerKind.AdamW)]
    [InlineData(0, OptimizerKind.Adam)]
    [InlineData(1, OptimizerKind.Momentum)]
    [InlineData(2, OptimizerKind.Sgd)]
    public void The_same_seed_gives_the_same_losses_and_weights_with_and_without_the_flat_buffer(int seed, OptimizerKind optimizer)
    {
        // Odd widths, so tensors end mid-vector and slices start at odd offsets; weight decay on.
        var hp = new Hyperparameters { Optimizer = optimizer, LearningRate = 1e-2, WeightDecay = 1e-2, Epochs = 3, Width = 13, Depth = 2, BatchSize = 32, Seed = seed };
        var (separate, separateWeights) = Train(hp, flat: false);
        var (flat, flatWeights) = Train(hp, flat: true);
        Assert.Equal(separate.Steps.Select(s => s.Loss), flat.Steps.Select(s => s.Loss));
        Assert.Equal(separate.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss)), flat.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss)));
        Assert.Equal(separateWeights, flatWeights);
        // And training did move the weights (a flat buffer whose gradients were not bound would not).
        using var initial = Mlp.Create(2, 2, hp);
        Assert.NotEqual(Weights(initial), flatWeights);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 6)]
    public void By_default_Fit_trains_the_parameters_in_one_buffer(bool useDefault, int expectedStorages)
    {
        var hp = new Hyperparameters { Epochs = 1, Width = 8, Depth = 2, Seed = 0 };
        var data = TinyData.Moons(seed: 0);
        var options = new FitOptions();
        using var model = Mlp.Create(data.Train.FeatureCount, data.Train.ClassCount, hp);
        Trainer.Fit(model, hp, data, useDefault ? options : options with { FlatParameters = false });
        // Three linear layers: six tensors, which share one storage when they were trained flat.
        var storages = model.parameters().Select(p => p.storage<float>().data_ptr()).Distinct().Count();
        Assert.Equal(expectedStorages, storages);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Binding_keeps_every_value_and_name_and_the_parameter_count(int seed)
    {
        var hp = new Hyperparameters { Width = 7, Depth = 3, Seed = seed };
        using var model = Mlp.Create(5, 3, hp);
        var before = Weights(model);
        var names = model.named_parameters().Select(p => p.name).ToList();
        using var flat = FlatParameters.Bind(model)!;
        Assert.Equal(before, Weights(model));
        Assert.Equal(names, model.named_parameters().Select(p => p.name));
        Assert.Equal(Mlp.CountParameters(5, 3, hp), flat.Count);
        Assert.Equal(Mlp.CountParameters(5, 3, hp), model.TotalParameters);
        // The parameters are views of the buffer: writing the buffer writes the model.
        using (no_grad()) flat.Values.fill_(0.5f);
        Assert.All(Weights(model), w => Assert.Equal(0.5f, w));
    }

    [Fact]
    public void Module_zero_grad_unbinds_the_gradients_and_Rebind_binds_them_again()
    {
        using var model = Mlp.Create(5, 3, new Hyperparameters { Width = 7 });
        using var flat = FlatParameters.Bind(model)!;
        Assert.True(flat.IsBound);
        model.zero_grad();                       // sets every .grad to null
        Assert.False(flat.IsBound);
        flat.Rebind();
        Assert.True(flat.IsBound);
        using var scope = NewDisposeScope();
        nn.functional.cross_entropy(model.call(randn(4, 5)), tensor(new long[] { 0, 1, 2, 0 })).backward();
        Assert.True(flat.Gradients.abs().sum().item<float>() > 0);   // backward wrote into the flat buffer
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_checkpoint_of_a_flat_trained_model_loads_by_name_into_separate_and_flat_models(int seed)
    {
        var hp = new Hyperparameters { LearningRate = 1e-2, Epochs = 2, Width = 13, Depth = 2, BatchSize = 32, Seed = seed };
        var data = TinyData.Moons(seed: seed);
        string path = Path.Combine(Path.GetTempPath(), $"flat-{Guid.NewGuid():N}.ckpt");
        try
        {
            using var run = Fit(hp, data, flat: true);
            Checkpoint.Save(run.Model, path);
            var trained = Weights(run.Model);

            using var separate = Checkpoint.LoadMlp(path, 2, 2, hp with { Seed = seed + 100 });
            Assert.Equal(trained, Weights(separate));

            using var bound = Mlp.Create(2, 2, hp with { Seed = seed + 100 });
            using var flat = FlatParameters.Bind(bound)!;
            Checkpoint.Load(bound, path);
            Assert.Equal(trained, Weights(bound));
            using var scope = NewDisposeScope();
            Assert.Equal(trained, flat.Values.detach().data<float>().ToArray());   // loading wrote into the buffer
        }
        finally
        {
            File.Delete(path);
        }
    }
}
