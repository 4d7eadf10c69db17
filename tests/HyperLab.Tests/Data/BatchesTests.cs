using HyperLab.Data;

namespace HyperLab.Tests.Data;

public class BatchesTests
{
    [Theory]
    [InlineData(10_000, 100, 100, 100)]
    [InlineData(10_000, 1, 10_000, 1)]
    [InlineData(10_000, 10_000, 1, 10_000)]
    [InlineData(10_000, 20_000, 1, 10_000)]
    [InlineData(10, 3, 4, 1)]
    [InlineData(1_000, 128, 8, 104)]
    [InlineData(0, 5, 0, 0)]
    public void An_epoch_has_the_right_batches_and_covers_every_example_once(int count, int batchSize, int expectedBatches, int expectedLast)
    {
        var batches = Batches.ForEpoch(count, batchSize, seed: 1, epoch: 0).ToList();

        Assert.Equal(expectedBatches, batches.Count);
        Assert.Equal(expectedBatches, Batches.PerEpoch(count, batchSize));
        if (expectedBatches > 0)
        {
            Assert.All(batches.SkipLast(1), b => Assert.Equal(batchSize, b.Length));
            Assert.Equal(expectedLast, batches[^1].Length);
        }

        Assert.Equal(Enumerable.Range(0, count), batches.SelectMany(b => b).Order());
    }

    [Fact]
    public void Each_epoch_has_a_new_order_and_the_same_seed_and_epoch_repeat_it()
    {
        int[] Order(int seed, int epoch) => Batches.ForEpoch(1_000, 32, seed, epoch).SelectMany(b => b).ToArray();

        Assert.Equal(Order(7, 3), Order(7, 3));
        Assert.NotEqual(Order(7, 0), Order(7, 1));
        Assert.NotEqual(Order(7, 1), Order(7, 2));
        Assert.NotEqual(Order(7, 0), Order(8, 0));
        Assert.NotEqual(Enumerable.Range(0, 1_000), Order(7, 0)); // actually shuffled
        Assert.Equal(Enumerable.Range(0, 1_000), Order(7, 0).Order());
    }

    [Fact]
    public void Without_shuffle_the_order_is_kept()
    {
        var batches = Batches.ForEpoch(10, 4, seed: 1, epoch: 5, shuffle: false).ToList();
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]], batches);
    }

    [Fact]
    public void Bad_arguments_are_refused_at_once()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Batches.ForEpoch(10, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batches.ForEpoch(-1, 5, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batches.PerEpoch(10, 0));
    }
}
