namespace HyperLab.Data;

/// <summary>
/// Seeded random numbers for the data code: the same seed gives the same numbers on every machine
/// and every run. <see cref="Random"/> created with a seed uses a fixed, documented algorithm;
/// shuffles and Gaussian draws are written out here rather than taken from library methods whose
/// algorithm could change between .NET versions.
/// </summary>
internal static class SeededRandom
{
    /// <summary>A generator for (seed, stream): different streams of one seed are independent
    /// (the epoch number is the stream of <see cref="Batches.ForEpoch"/>).</summary>
    public static Random Create(int seed, long stream = 0) => new(Mix(seed, stream));

    /// <summary>A 32-bit seed from (seed, stream) by SplitMix64 mixing, so neighbouring inputs give unrelated seeds.
    /// (Not <see cref="HashCode"/>: that is randomized per process.)</summary>
    public static int Mix(int seed, long stream)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) ^ (ulong)stream;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }

    /// <summary>A random permutation of 0..count-1 (Fisher–Yates).</summary>
    public static int[] Permutation(int count, Random random)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
            order[i] = i;
        Shuffle(order, random);
        return order;
    }

    /// <summary>Shuffles in place (Fisher–Yates, from the end).</summary>
    public static void Shuffle(int[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble(); // in (0, 1], so the log is finite
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
