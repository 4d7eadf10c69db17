using HyperLab.Lessons.Lesson02;
using HyperLab.Training;

namespace HyperLab.Tests.BatchSizes;

public class StepNoiseTests
{
    private static History WithLosses(params double[] losses) => new("scripted", new Hyperparameters(),
        losses.Select((l, i) => new StepRecord(i + 1, 1, l, 1e-3)).ToList(), Array.Empty<EpochRecord>(), StopReason.Completed, null, null, 0);

    [Fact]
    public void Is_the_rms_of_consecutive_differences()
    {
        // Differences +1, −3, +1: √((1 + 9 + 1) / 3).
        Assert.Equal(Math.Sqrt(11.0 / 3), StepNoise.Of(WithLosses(2, 3, 0, 1)), 12);
        Assert.Equal(0, StepNoise.Of(WithLosses(1, 1, 1)));
        Assert.Equal(1, StepNoise.Of(WithLosses(5, 2, 3, 4), fromStep: 2), 12);
        Assert.True(double.IsNaN(StepNoise.Of(WithLosses(1))));
    }
}
