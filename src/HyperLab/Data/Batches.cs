namespace HyperLab.Data;

/// <summary>
/// Mini-batches as lists of row numbers. One epoch visits every example exactly once: a seeded
/// permutation of the rows, cut into batches of <c>batchSize</c>; the last batch holds what is left
/// and may be smaller (ragged). The permutation depends on (seed, epoch), so every epoch has a new
/// order and a rerun with the same seed replays the same orders. Shown in lesson 00's hand-written loop; the subject of lesson 02 (batch size).
/// </summary>
public static class Batches
{
    /// <summary>The row numbers of each mini-batch of one epoch.</summary>
    /// <param name="count">Number of examples; 0 gives no batches.</param>
    /// <param name="batchSize">Examples per batch, at least 1; a batch size of <paramref name="count"/> or more gives one full batch.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="epoch">The epoch number (any integer, usually 0, 1, 2, …); each gives a different order.</param>
    /// <param name="shuffle">Default <c>true</c>; <c>false</c> keeps the rows in order 0, 1, 2, … (for evaluation).</param>
    public static IEnumerable<int[]> ForEpoch(int count, int batchSize, int seed, int epoch, bool shuffle = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var order = shuffle
            ? SeededRandom.Permutation(count, SeededRandom.Create(seed, stream: 1_000_000L + epoch))
            : Enumerable.Range(0, count).ToArray();
        return Cut(order, batchSize);
    }

    /// <summary>How many batches one epoch has: <c>ceil(count / batchSize)</c>.</summary>
    public static int PerEpoch(int count, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return (int)(((long)count + batchSize - 1) / batchSize);
    }

    private static IEnumerable<int[]> Cut(int[] order, int batchSize)
    {
        for (var start = 0; start < order.Length; start += batchSize)
            yield return order[start..Math.Min(start + batchSize, order.Length)];
    }
}
