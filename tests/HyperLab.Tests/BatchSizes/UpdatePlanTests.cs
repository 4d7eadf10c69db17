using HyperLab.Data;
using HyperLab.Lessons.Lesson02;

namespace HyperLab.Tests.BatchSizes;

public class UpdatePlanTests
{
    [Theory]
    [InlineData(10_000, 100, 100)]
    [InlineData(10_000, 1, 10_000)]
    [InlineData(10_000, 10_000, 1)]
    [InlineData(10_000, 64, 157)]
    [InlineData(1_000, 64, 16)]
    [InlineData(5, 64, 1)]
    [InlineData(0, 8, 0)]
    public void Updates_per_epoch_is_ceiling_of_examples_over_batch(int n, int b, int expected)
    {
        var plan = new UpdatePlan(n, b);
        Assert.Equal(expected, plan.UpdatesPerEpoch);
        Assert.Equal(expected, Batches.ForEpoch(n, b, seed: 3, epoch: 1).Count());
    }

    [Fact]
    public void Ragged_last_batch_counts_as_an_update()
    {
        var plan = new UpdatePlan(1_000, 64);
        Assert.True(plan.IsRagged);
        Assert.Equal(15, plan.FullBatches);
        Assert.Equal(40, plan.LastBatchSize);
        Assert.Equal(16, plan.UpdatesPerEpoch);
        var batches = Batches.ForEpoch(1_000, 64, seed: 0, epoch: 1).ToList();
        Assert.Equal(40, batches[^1].Length);
        Assert.Contains("15 full + a last batch of 40", plan.ToString());
    }

    [Fact]
    public void Even_split_is_not_ragged()
    {
        var plan = new UpdatePlan(10_000, 100);
        Assert.False(plan.IsRagged);
        Assert.Equal(100, plan.LastBatchSize);
        Assert.Equal(100, plan.FullBatches);
    }

    [Fact]
    public void Batch_larger_than_data_gives_one_small_batch()
    {
        var plan = new UpdatePlan(5, 64);
        Assert.Equal(1, plan.UpdatesPerEpoch);
        Assert.Equal(0, plan.FullBatches);
        Assert.Equal(5, plan.LastBatchSize);
        Assert.True(plan.IsRagged);
    }

    [Fact]
    public void Totals_scale_with_epochs()
    {
        var plan = new UpdatePlan(1_000, 64);
        Assert.Equal(160, plan.Updates(10));
        Assert.Equal(10_000, plan.ExamplesSeen(10));
        Assert.Equal(0, plan.Updates(0));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new UpdatePlan(-1, 8));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new UpdatePlan(10, 0));
    }
}
