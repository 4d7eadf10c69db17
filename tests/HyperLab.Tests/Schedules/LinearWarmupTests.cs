using HyperLab.Schedules;
using HyperLab.Tests.Training;
using HyperLab.Training;

namespace HyperLab.Tests.Schedules;

public class LinearWarmupTests
{
    [Fact]
    public void Rate_climbs_linearly_then_holds_the_peak()
    {
        var rates = new LinearWarmup(epochs: 2, startFactor: 0.2).Rates(peakRate: 0.8, stepsPerEpoch: 2, epochs: 4);
        // W = 4 updates: 0.8 × (0.2 + 0.8 × (k − 1) / 4) for k = 1..4, then 0.8.
        var expected = new[] { 0.16, 0.32, 0.48, 0.64, 0.8, 0.8, 0.8, 0.8 };
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], rates[i], 9);
    }

    [Fact]
    public void Trainer_records_the_warmup_rates()
    {
        var data = TinyData.Moons(200, seed: 1);   // 150 training rows
        var hp = new Hyperparameters { BatchSize = 50, Epochs = 3, Optimizer = OptimizerKind.Momentum, LearningRate = 0.09, Schedule = new LinearWarmup(1, 1.0 / 3), Seed = 1 };
        using var run = Trainer.Fit(hp, data);
        var rates = run.History.Steps.Select(s => s.LearningRate).ToArray();
        Assert.Equal(9, rates.Length);
        Assert.Equal(new[] { 0.03, 0.05, 0.07, 0.09, 0.09 }, rates.Take(5).Select(r => Math.Round(r, 9)));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<HyperparameterException>(() => new LinearWarmup(0));
        Assert.Throws<HyperparameterException>(() => new LinearWarmup(1, 0));
        Assert.Throws<HyperparameterException>(() => new LinearWarmup(1, 1.5));
        Assert.Equal(1, new LinearWarmup(0.01).WarmupSteps(10));
    }
}
