namespace HyperLab.Tuning;

/// <summary>
/// The Halton sequence (lesson 07): quasi-random points in the unit cube that fill it evenly.
/// Coordinate d of point i is the radical inverse of i in the d-th prime base: write i in that
/// base and mirror its digits behind the point (base 2: 1 → 0.1, 2 → 0.01, 3 → 0.11, ...). Every
/// coordinate of the first n points takes n different values spread over [0, 1), unlike a grid,
/// which repeats the same few values in each coordinate.
/// </summary>
public static class Halton
{
    private static readonly int[] Primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];

    /// <summary>Largest number of dimensions supported (12).</summary>
    public static int MaxDimensions => Primes.Length;

    /// <summary>The radical inverse of <paramref name="index"/> in <paramref name="radix"/>, in [0, 1).</summary>
    public static double RadicalInverse(long index, int radix)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(radix, 2);
        double result = 0, scale = 1.0 / radix;
        for (long i = index; i > 0; i /= radix, scale /= radix) result += (i % radix) * scale;
        return result;
    }

    /// <summary><paramref name="count"/> points in [0, 1)^<paramref name="dimensions"/>, starting at
    /// index <paramref name="start"/> (default 1: index 0 is the corner (0, …, 0)). A
    /// <paramref name="shift"/> per dimension (a Cranley-Patterson rotation: add and wrap around)
    /// gives a different, equally even set for each seed; default none.</summary>
    public static double[][] Points(int count, int dimensions, int start = 1, IReadOnlyList<double>? shift = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 0);
        if (dimensions < 1 || dimensions > Primes.Length)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"The Halton sequence here supports 1 to {Primes.Length} dimensions.");
        if (shift is not null && shift.Count != dimensions)
            throw new ArgumentException($"The shift needs one value per dimension ({dimensions}), got {shift.Count}.", nameof(shift));
        var points = new double[count][];
        for (int i = 0; i < count; i++)
        {
            points[i] = new double[dimensions];
            for (int d = 0; d < dimensions; d++)
            {
                double u = RadicalInverse(start + i, Primes[d]) + (shift?[d] ?? 0);
                points[i][d] = u - Math.Floor(u);
            }
        }
        return points;
    }

    /// <summary>A random shift for <see cref="Points"/>, one value in [0, 1) per dimension, from <paramref name="seed"/>.</summary>
    public static double[] Shift(int dimensions, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, dimensions).Select(_ => random.NextDouble()).ToArray();
    }

    /// <summary>The star discrepancy of <paramref name="points"/> in two dimensions, estimated on a
    /// grid of test boxes [0, a) × [0, b): the largest gap between the share of points in a box and
    /// its area. Lower means more even; a grid and random points score worse than Halton.</summary>
    public static double StarDiscrepancy2D(IReadOnlyList<double[]> points, int resolution = 64)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) return 1;
        double worst = 0;
        for (int i = 1; i <= resolution; i++)
            for (int j = 1; j <= resolution; j++)
            {
                double a = (double)i / resolution, b = (double)j / resolution;
                int inside = points.Count(p => p[0] < a && p[1] < b);
                int closed = points.Count(p => p[0] <= a && p[1] <= b);
                worst = Math.Max(worst, Math.Max(Math.Abs((double)inside / points.Count - a * b), Math.Abs((double)closed / points.Count - a * b)));
            }
        return worst;
    }
}
