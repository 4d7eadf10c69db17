using HyperLab.Lessons.Lesson01;
using HyperLab.Tests.Finder;
using HyperLab.Tests.Training;

namespace HyperLab.Tests.Demonstrations;

public class DescentTests
{
    private static readonly QuadraticBowl Bowl = new(1, 10);

    [Theory]
    [InlineData(10.0)]
    [InlineData(4.0)]
    [InlineData(25.0)]
    public void Just_below_two_over_lambda_converges_and_just_above_diverges(double steep)
    {
        var bowl = new QuadraticBowl(1, steep);
        var below = GradientDescent.Run(bowl, 0.95 * bowl.StabilityLimit, steps: 200);
        var above = GradientDescent.Run(bowl, 1.05 * bowl.StabilityLimit, steps: 200);
        Assert.Equal(DescentOutcome.Converged, below.Outcome);
        Assert.Equal(DescentOutcome.Diverged, above.Outcome);
        Assert.True(below.Oscillates && above.Oscillates);       // both bounce across the valley
    }

    [Fact]
    public void Each_step_multiplies_each_coordinate_by_one_minus_eta_lambda()
    {
        double rate = 0.05;
        var path = GradientDescent.Run(Bowl, rate, startX: -4, startY: 1.5, steps: 3);
        for (int t = 0; t <= 3; t++)
        {
            Assert.Equal(-4 * Math.Pow(1 - rate * 1, t), path.Points[t].X, 12);
            Assert.Equal(1.5 * Math.Pow(1 - rate * 10, t), path.Points[t].Y, 12);
        }
        Assert.Equal(Math.Max(0.95, 0.5), Bowl.Contraction(rate), 12);
    }

    [Fact]
    public void Tiny_rates_crawl_and_rates_between_one_and_two_over_lambda_oscillate()
    {
        var tiny = GradientDescent.Run(Bowl, 0.002);
        Assert.Equal(DescentOutcome.Crawling, tiny.Outcome);
        Assert.False(tiny.Oscillates);
        Assert.True(tiny.LossRatio > 0.3, tiny.ToString());             // after 50 steps, much of the loss is left
        var good = GradientDescent.Run(Bowl, Bowl.BestRate);
        Assert.Equal(DescentOutcome.Converged, good.Outcome);
        var bouncy = GradientDescent.Run(Bowl, 0.19);
        Assert.True(bouncy.Oscillates);
        Assert.NotEqual(DescentOutcome.Diverged, bouncy.Outcome);
        Assert.True(bouncy.LossRatio > 100 * good.LossRatio);          // shrinking only by |1 − 1.9| = 0.9 per step
    }

    [Fact]
    public void Bad_bowls_and_rates_are_refused()
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new QuadraticBowl(0, 1));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new QuadraticBowl(2, 1));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => GradientDescent.Run(Bowl, -1));
    }

    [Fact]
    public void A_far_too_large_rate_stops_when_the_loss_overflows()
    {
        var path = GradientDescent.Run(Bowl, 50, steps: 10_000);
        Assert.Equal(DescentOutcome.Diverged, path.Outcome);
        Assert.True(path.Points.Count < 10_000);
    }
}

public class UpdateRuleTests
{
    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.01)]
    public void One_manual_step_equals_the_optimizers_step(int seed, double rate)
    {
        var hp = new Hyperparameters { Depth = 2, Width = 32, BatchSize = 32, LearningRate = rate, Seed = seed };
        var r = UpdateRule.CompareOneStep(hp, TinyData.Moons(seed: seed));
        Assert.True(r.LargestChange > 1e-4, r.ToString());                    // the step really moved the weights
        Assert.True(r.LargestDifference <= 1e-7, r.ToString());               // and both ways agree to float precision
        Assert.True(r.LossAfter < r.LossBefore, r.ToString());                // downhill on this batch
    }
}
