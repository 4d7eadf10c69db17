using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Tests.Training;

public class TrainerTests
{
    private static readonly Hyperparameters Small = new() { Depth = 2, Width = 32, Epochs = 5, BatchSize = 32, LearningRate = 1e-2 };

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Same_seed_gives_identical_histories(int seed)
    {
        var data = TinyData.Moons();
        var hp = Small with { Seed = seed, Dropout = 0.2 };
        using var a = Trainer.Fit(hp, data);
        using var b = Trainer.Fit(hp, data);
        Assert.Equal(a.History.Steps.Select(s => s.Loss), b.History.Steps.Select(s => s.Loss));
        Assert.Equal(a.History.Epochs.Select(e => e.ValidationLoss), b.History.Epochs.Select(e => e.ValidationLoss));
    }

    [Fact]
    public void Different_seeds_give_different_histories()
    {
        var data = TinyData.Moons();
        using var a = Trainer.Fit(Small with { Seed = 1 }, data);
        using var b = Trainer.Fit(Small with { Seed = 2 }, data);
        Assert.NotEqual(a.History.Steps.Select(s => s.Loss), b.History.Steps.Select(s => s.Loss));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Training_lowers_the_loss(int seed)
    {
        using var run = Trainer.Fit(Small with { Seed = seed, Epochs = 10 }, TinyData.Moons(seed: seed));
        var h = run.History;
        Assert.Equal(StopReason.Completed, h.StopReason);
        Assert.True(h.Epochs[^1].ValidationLoss < h.Epochs[0].ValidationLoss * 0.8, h.ToString());
        Assert.True(h.FinalValidationAccuracy > 0.85, h.ToString());
    }

    [Fact]
    public void Steps_and_epochs_are_counted_as_documented()
    {
        var data = TinyData.Moons(400);   // 300 training rows
        using var run = Trainer.Fit(Small with { BatchSize = 64, Epochs = 3 }, data);
        Assert.Equal(3 * (int)Math.Ceiling(300 / 64.0), run.History.Steps.Count);
        Assert.Equal(new[] { 1, 2, 3 }, run.History.Epochs.Select(e => e.Epoch));
        Assert.All(run.History.Steps, s => Assert.Equal(1e-2, s.LearningRate, 12));
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd, 50.0)]
    [InlineData(OptimizerKind.Adam, 10.0)]
    public void A_far_too_high_rate_is_reported_as_diverged_not_thrown(OptimizerKind optimizer, double rate)
    {
        var hp = Small with { Optimizer = optimizer, LearningRate = rate, Epochs = 20 };
        using var run = Trainer.Fit(hp, TinyData.Moons());
        Assert.True(run.History.Diverged, run.History.ToString());
        Assert.Equal(StopReason.Diverged, run.History.StopReason);
        Assert.Equal(run.History.Steps.Count, run.History.Divergence!.Step);
        Assert.True(run.History.Epochs.Count < 20);
    }

    [Fact]
    public void Divergence_rule_flags_nan_infinity_and_explosion_only()
    {
        Assert.Null(Trainer.CheckDivergence(5, 2.0, 2.3, 10));
        Assert.Contains("NaN", Trainer.CheckDivergence(5, double.NaN, 2.3, 10)!.Reason);
        Assert.Contains("infinite", Trainer.CheckDivergence(5, double.PositiveInfinity, 2.3, 10)!.Reason);
        Assert.NotNull(Trainer.CheckDivergence(5, 23.1, 2.3, 10));
        Assert.Null(Trainer.CheckDivergence(5, 22.9, 2.3, 10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Early_stopping_restores_the_best_epochs_weights_exactly(int seed)
    {
        // A big model on few, noisy examples overfits: validation loss turns up, so early stopping triggers.
        var data = TinyData.Moons(120, seed);
        data = data with { Train = data.Train.WithLabelNoise(0.3, seed) };
        var hp = new Hyperparameters { Depth = 3, Width = 256, Epochs = 200, BatchSize = 16, LearningRate = 3e-3, Seed = seed };
        var rule = new EarlyStopping(Patience: 4);
        using var run = Trainer.Fit(hp, data, new FitOptions { EarlyStopping = rule });
        var h = run.History;
        Assert.Equal(StopReason.EarlyStopped, h.StopReason);
        var best = h.BestEpoch!;
        Assert.Equal(best.Epoch + rule.Patience, h.Epochs.Count);     // stopped exactly `patience` epochs after the best
        Assert.Equal(best.Epoch, h.RestoredEpoch);

        using var scope = NewDisposeScope();
        var (x, y) = data.Validation.ToTensors();
        var (loss, accuracy) = Evaluation.Measure(run.Model, x, y);
        Assert.Equal(best.ValidationLoss, loss, 12);
        Assert.Equal(best.ValidationAccuracy, accuracy, 12);
    }

    [Fact]
    public void Early_stopping_rule_is_reusable_across_fits()
    {
        var rule = new EarlyStopping(Patience: 2);
        var first = rule.Start();
        Assert.False(first.Observe(Epoch(1, 1.0)).Stop);
        Assert.False(first.Observe(Epoch(2, 1.1)).Stop);
        Assert.True(first.Observe(Epoch(3, 1.2)).Stop);
        var second = rule.Start();
        Assert.Equal((true, false), second.Observe(Epoch(1, 5.0)));
        Assert.Equal(0, second.Wait);
    }

    [Fact]
    public void Min_delta_ignores_tiny_improvements()
    {
        var t = new EarlyStopping(Patience: 2, MinDelta: 0.1).Start();
        t.Observe(Epoch(1, 1.0));
        Assert.False(t.Observe(Epoch(2, 0.95)).IsBest);
        Assert.True(t.Observe(Epoch(3, 0.95)).Stop);
        Assert.Equal(1, t.BestEpoch);
    }

    private static EpochRecord Epoch(int n, double valLoss) => new(n, 0, 0, valLoss, 0, 0, 0);
}
