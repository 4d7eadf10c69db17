using HyperLab.Lessons.Lesson02;
using HyperLab.Schedules;

namespace HyperLab.Tests.BatchSizes;

public class RateScalingTests
{
    [Theory]
    [InlineData(32, 0.1)]
    [InlineData(512, 1.6)]
    [InlineData(8, 0.025)]
    [InlineData(256, 0.8)]
    public void Linear_rule_is_proportional_to_batch(int batch, double expected) =>
        Assert.Equal(expected, RateScaling.Linear(32, 0.1).RateFor(batch), 12);

    [Theory]
    [InlineData(32, 1e-3)]
    [InlineData(512, 4e-3)]
    [InlineData(128, 2e-3)]
    [InlineData(8, 5e-4)]
    public void Square_root_rule_is_proportional_to_root_of_batch(int batch, double expected) =>
        Assert.Equal(expected, RateScaling.SquareRoot(32, 1e-3).RateFor(batch), 12);

    [Fact]
    public void No_scaling_keeps_the_reference_rate()
    {
        var rule = RateScaling.None(32, 0.01);
        Assert.Equal(0.01, rule.RateFor(1));
        Assert.Equal(0.01, rule.RateFor(4096));
    }

    [Fact]
    public void Apply_sets_rate_and_warmup_from_the_reference_rate()
    {
        var hp = new Hyperparameters { BatchSize = 512, LearningRate = 0.5 };
        var scaled = RateScaling.Linear(32, 0.01).Apply(hp, warmupEpochs: 1);
        Assert.Equal(0.16, scaled.LearningRate, 12);
        var warmup = Assert.IsType<LinearWarmup>(scaled.Schedule);
        Assert.Equal(1, warmup.Epochs);
        Assert.Equal(0.01 / 0.16, warmup.StartFactor, 12);
        Assert.Equal(hp with { LearningRate = scaled.LearningRate, Schedule = scaled.Schedule }, scaled);
    }

    [Fact]
    public void Apply_without_warmup_or_to_a_smaller_batch_keeps_the_schedule()
    {
        var hp = new Hyperparameters { BatchSize = 512 };
        Assert.Same(Schedule.Constant, RateScaling.Linear(32, 0.01).Apply(hp).Schedule);
        var small = RateScaling.Linear(32, 0.01).Apply(hp with { BatchSize = 8 }, warmupEpochs: 2);
        Assert.Equal(0.0025, small.LearningRate, 12);
        Assert.Same(Schedule.Constant, small.Schedule);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => RateScaling.Linear(0, 0.1));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => RateScaling.Linear(32, 0));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => RateScaling.Linear(32, double.NaN));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => RateScaling.Linear(32, 0.1).RateFor(0));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => RateScaling.Linear(32, 0.1).Apply(new Hyperparameters(), -1));
    }
}
