using HyperLab.Lessons.Lesson08;
using HyperLab.Training;

namespace HyperLab.Tests.Claims.Controls;

/// <summary>Negative controls of lesson 08's claims that have no control next to their measure's own tests.</summary>
public class Lesson08
{
    private static FreshScore Score(string label, double accuracy, double loss = 0.5) => new(label, 0.1, loss, accuracy);

    [Fact]
    [NegativeControl("08.3")]
    public void A_big_network_that_is_not_over_trained_shows_no_size_effect()
    {
        // Not over-trained: its final weights are its best ones, so the gap does not shrink at the best epoch.
        var notOverTrained = new SizeComparison(Score("big", 0.82), Score("small", 0.88), Score("big", 0.82), Score("small", 0.88));
        Assert.False(notOverTrained.Holds, notOverTrained.ToString());
        // Equally good everywhere: no gap to explain.
        Assert.False(new SizeComparison(Score("big", 0.87), Score("small", 0.87), Score("big", 0.88), Score("small", 0.88)).Holds);
        // The lesson's shape: behind after the whole budget, level at the best epochs.
        Assert.True(new SizeComparison(Score("big", 0.80), Score("small", 0.88), Score("big", 0.88), Score("small", 0.87)).Holds);
    }

    private static RunOutcome Outcome(double loss) =>
        new(new History("run", new Hyperparameters(), [], [new EpochRecord(1, 0.5, 0.8, loss, 0.8, 0.1, 1e-3)], StopReason.Completed, null, null, 0.1));

    [Fact]
    [NegativeControl("08.4")]
    public void A_full_batch_that_ends_as_well_as_batch_32_fails_the_batch_claim()
    {
        Assert.False(new LossGap(Outcome(0.12), Outcome(0.15)).Holds);
        Assert.True(new LossGap(Outcome(0.12), Outcome(2.1)).Holds);
    }

    private static History Curve(double rate, params double[] validation) =>
        new("run", new Hyperparameters { LearningRate = rate, Epochs = validation.Length }, [],
            validation.Select((v, i) => new EpochRecord(i + 1, 0.5, 0.8, v, 0.8, 0.1, rate)).ToList(), StopReason.Completed, null, null, 0.1);

    [Fact]
    [NegativeControl("08.5")]
    public void A_best_epoch_that_does_not_move_with_the_rate_fails()
    {
        var fast = Curve(1e-3, 1.0, 0.6, 0.5, 0.55, 0.6, 0.7);
        Assert.False(new BestEpochShift(fast, Curve(2e-4, 1.0, 0.7, 0.55, 0.6, 0.65, 0.7)).Holds);   // same epoch
        Assert.True(new BestEpochShift(fast, Curve(2e-4, 1.0, 0.9, 0.8, 0.7, 0.6, 0.55)).Holds);     // twice as late
    }
}
