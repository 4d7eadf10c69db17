using System.Globalization;

namespace HyperLab.Data;

/// <summary>
/// Small 2-D data sets whose decision boundaries can be drawn: two interleaved moons, spiral arms and
/// Gaussian blobs. Seeded: the same arguments give the same points. Classes are as equal in size as
/// <c>count</c> allows (the first classes get one more), rows are shuffled, and noise is Gaussian with
/// standard deviation <c>noise</c> (or <c>spread</c>) added to both coordinates. Used for decision-boundary pictures (lesson 04, depth) and quick tests.
/// </summary>
public static class Synthetic
{
    /// <summary>Two interleaving half circles of radius 1 ("upper" centred at (0, 0), "lower" at (1, 0.5)), as in scikit-learn's make_moons.</summary>
    /// <param name="count">Number of points, at least 2.</param>
    /// <param name="noise">Standard deviation of the Gaussian noise, ≥ 0; about 0.1 is clean, 0.3 overlaps.</param>
    /// <param name="seed">The same seed gives the same points.</param>
    public static Dataset TwoMoons(int count, double noise, int seed)
    {
        var random = Check(count, 2, noise, seed);
        return Build($"Two moons (noise {Format(noise)})", count, 2, ["upper", "lower"], random, noise, (c, i, n) =>
        {
            var t = Math.PI * (n == 1 ? 0.5 : (double)i / (n - 1)); // evenly along the arc
            return c == 0 ? (Math.Cos(t), Math.Sin(t)) : (1 - Math.Cos(t), 0.5 - Math.Sin(t));
        });
    }

    /// <summary>
    /// <paramref name="classes"/> spiral arms starting at the origin, evenly rotated (class <c>k</c> starts at angle
    /// 2πk/classes) and each turning through 4 radians as the radius grows to 1.
    /// </summary>
    /// <param name="count">Number of points, at least <paramref name="classes"/>.</param>
    /// <param name="classes">Number of arms (classes), at least 2.</param>
    /// <param name="noise">Standard deviation of the Gaussian noise, ≥ 0; about 0.02 is clean, 0.1 blurs the arms together near the centre.</param>
    /// <param name="seed">The same seed gives the same points.</param>
    public static Dataset Spirals(int count, int classes, double noise, int seed)
    {
        var random = Check(count, classes, noise, seed);
        return Build($"Spirals ({classes} arms, noise {Format(noise)})", count, classes, Names(classes), random, noise, (c, i, n) =>
        {
            var r = (i + 1.0) / n;
            var angle = 2 * Math.PI * c / classes + 4 * r;
            return (r * Math.Cos(angle), r * Math.Sin(angle));
        });
    }

    /// <summary>
    /// Round Gaussian clusters, one per class, with centres evenly spaced on a circle of radius 3 around the
    /// origin (class 0 at (3, 0)); the standard deviation <paramref name="spread"/> sets how much they overlap.
    /// </summary>
    /// <param name="count">Number of points, at least <paramref name="classes"/>.</param>
    /// <param name="classes">Number of clusters (classes), at least 2.</param>
    /// <param name="spread">Standard deviation of each cluster, ≥ 0; 0.5 separates them clearly, 2 overlaps heavily.</param>
    /// <param name="seed">The same seed gives the same points.</param>
    public static Dataset Blobs(int count, int classes, double spread, int seed)
    {
        var random = Check(count, classes, spread, seed);
        return Build($"Blobs ({classes} classes, spread {Format(spread)})", count, classes, Names(classes), random, spread, (c, _, _) =>
        {
            var angle = 2 * Math.PI * c / classes;
            return (3 * Math.Cos(angle), 3 * Math.Sin(angle));
        });
    }

    private static Random Check(int count, int classes, double noise, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, classes);
        if (!(noise >= 0) || double.IsInfinity(noise))
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "Noise must be a finite number ≥ 0.");
        return SeededRandom.Create(seed, stream: 3);
    }

    /// <summary>Places the <c>i</c>-th of <c>n</c> points of class <c>c</c> with <paramref name="place"/>, adds noise, shuffles the rows.</summary>
    private static Dataset Build(string name, int count, int classes, string[] names, Random random, double noise,
        Func<int, int, int, (double X, double Y)> place)
    {
        var order = SeededRandom.Permutation(count, random);
        var features = new float[2 * count];
        var labels = new long[count];
        var row = 0;
        for (var c = 0; c < classes; c++)
        {
            var n = count / classes + (c < count % classes ? 1 : 0);
            for (var i = 0; i < n; i++, row++)
            {
                var (x, y) = place(c, i, n);
                var at = order[row];
                features[2 * at] = (float)(x + noise * SeededRandom.Gaussian(random));
                features[2 * at + 1] = (float)(y + noise * SeededRandom.Gaussian(random));
                labels[at] = c;
            }
        }

        return new Dataset(name, features, labels, 2, names);
    }

    private static string[] Names(int classes) =>
        Enumerable.Range(0, classes).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
