using HyperLab.Models;
using HyperLab.Tests.Overfitting;
using HyperLab.Training;

namespace HyperLab.Tests.Checkpoints;

public sealed class CheckpointTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hyperlab-checkpoint-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_saved_model_reloads_to_identical_predictions(int seed)
    {
        var data = OverfitData.Small(seed);
        var hp = OverfitData.Model(seed, epochs: 3);
        using var run = Trainer.Fit(hp, data);
        string path = Checkpoint.Save(run.Model, Path.Combine(folder, "sub", "model.bin"));
        Assert.True(File.Exists(path));

        using var reloaded = Checkpoint.LoadMlp(path, data.Train.FeatureCount, data.Train.ClassCount, hp with { Seed = seed + 100 });
        var before = Checkpoint.Outputs(run.Model, data.Validation);
        var after = Checkpoint.Outputs(reloaded, data.Validation);
        Assert.Equal(0, before.LargestDifference(after));
        Assert.Equal(before.Count, before.SamePredictions(after));
        Assert.Equal(before.Loss, after.Loss);
    }

    [Fact]
    public void A_fresh_model_differs_before_loading_so_the_comparison_can_fail()
    {
        var data = OverfitData.Small(1);
        var hp = OverfitData.Model(1, epochs: 2);
        using var run = Trainer.Fit(hp, data);
        using var fresh = Mlp.Create(data.Train.FeatureCount, data.Train.ClassCount, hp with { Seed = 99 });
        Assert.True(Checkpoint.Outputs(run.Model, data.Validation).LargestDifference(Checkpoint.Outputs(fresh, data.Validation)) > 0.01);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Early_stopping_saves_the_best_epoch_which_reloads_to_the_restored_models_predictions(int seed)
    {
        var data = OverfitData.Small(seed);
        var hp = OverfitData.Model(seed, epochs: 60);
        string path = Path.Combine(folder, "best.bin");
        var rule = new HyperLab.Training.EarlyStopping(Patience: 3, CheckpointPath: path);
        using var run = Trainer.Fit(hp, data, new FitOptions { EarlyStopping = rule });
        Assert.Equal(StopReason.EarlyStopped, run.History.StopReason);

        using var reloaded = Checkpoint.LoadMlp(path, data.Train.FeatureCount, data.Train.ClassCount, hp);
        var restored = Checkpoint.Outputs(run.Model, data.Validation);
        var fromDisk = Checkpoint.Outputs(reloaded, data.Validation);
        Assert.Equal(0, restored.LargestDifference(fromDisk));
        Assert.Equal(run.History.BestEpoch!.ValidationLoss, fromDisk.Loss);
        Assert.Contains("best weights saved to", rule.Explain(run.History).ToString());
    }

    [Fact]
    public void Loading_into_a_model_of_another_shape_says_so()
    {
        var data = OverfitData.Small(0);
        var hp = OverfitData.Model(0, epochs: 1);
        using var model = Mlp.Create(data.Train.FeatureCount, data.Train.ClassCount, hp);
        string path = Checkpoint.Save(model, Path.Combine(folder, "m.bin"));
        using var other = Mlp.Create(data.Train.FeatureCount, data.Train.ClassCount, hp with { Width = 64 });
        var e = Assert.Throws<InvalidOperationException>(() => Checkpoint.Load(other, path));
        Assert.Contains("same", e.Message);
        Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(other, Path.Combine(folder, "missing.bin")));
    }

    [Fact]
    public void Outputs_leave_the_models_mode_alone_and_match_the_trainers_measurement()
    {
        var data = OverfitData.Small(4);
        using var run = Trainer.Fit(OverfitData.Model(4, epochs: 2) with { Dropout = 0.3 }, data);
        run.Model.train();
        var outputs = Checkpoint.Outputs(run.Model, data.Validation);
        Assert.True(run.Model.training);
        Assert.Equal(run.History.Epochs[^1].ValidationLoss, outputs.Loss);
        Assert.Equal(data.Validation.Count * data.Train.ClassCount, outputs.Logits.Length);
        Assert.Equal(outputs.Accuracy, outputs.Predicted.Where((p, i) => p == data.Validation.Labels[i]).Count() / (double)outputs.Count, 12);
    }
}
