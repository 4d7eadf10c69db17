using System.Globalization;

namespace HyperLab.Data;

/// <summary>
/// An immutable, in-memory classification data set: one row of <see cref="FeatureCount"/> floats
/// per example (row-major) and one integer class label per example. Pure managed arrays, no
/// tensors, so it can be split, sampled and inspected without touching native memory.
/// Introduced in lesson 00; every lesson trains on one.
/// </summary>
/// <remarks>
/// The arrays passed to the constructor are used as given, not copied (Fashion-MNIST's training
/// images are 188 MB), and <see cref="Features"/> and <see cref="Labels"/> return those same
/// arrays so that tensors can be made from them quickly. Treat them as read-only: every method
/// that "changes" a data set returns a new one and leaves this one as it was, which makes it safe
/// to share one loaded data set between lessons and threads.
/// </remarks>
public sealed class Dataset
{
    private readonly string[] classNames;
    private readonly int[]? imageShape;

    /// <summary>Creates a data set and checks that its parts fit together.</summary>
    /// <param name="name">A short name for logs and chart titles, e.g. "Fashion-MNIST train".</param>
    /// <param name="features">Row-major features: example <c>i</c> is <c>features[i*featureCount .. (i+1)*featureCount)</c>. Not copied.</param>
    /// <param name="labels">One class index per example, each in <c>[0, classNames.Count)</c>. Not copied.</param>
    /// <param name="featureCount">Features per example; at least 1.</param>
    /// <param name="classNames">One name per class, in label order; at least one class.</param>
    /// <param name="imageShape">For images, the shape of one example as (channels, height, width), whose product must be
    /// <paramref name="featureCount"/>; default <c>null</c> (a table).</param>
    /// <exception cref="ArgumentException">The lengths don't fit, or a label is out of range.</exception>
    /// <exception cref="BadDataException">There are no examples (an empty set used to train to a NaN loss).</exception>
    public Dataset(string name, float[] features, long[] labels, int featureCount, IReadOnlyList<string> classNames, int[]? imageShape = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        if (classNames.Count == 0)
            throw new ArgumentException("A data set needs at least one class name.", nameof(classNames));
        if (labels.Length == 0)
            throw new BadDataException(name, "it has no examples (0 rows)",
                "check the file, filter or split that made it; a data set needs at least one row", value: 0, parameter: nameof(labels));
        if ((long)labels.Length * featureCount != features.Length)
            throw new ArgumentException(
                $"{features.Length:N0} feature values don't make {labels.Length:N0} rows of {featureCount} features " +
                $"(expected {(long)labels.Length * featureCount:N0}).", nameof(features));
        if (imageShape is not null && (imageShape.Length == 0 || imageShape.Any(d => d < 1) || imageShape.Aggregate(1L, (p, d) => p * d) != featureCount))
            throw new ArgumentException(
                $"Image shape [{string.Join(", ", imageShape)}] does not hold {featureCount} features.", nameof(imageShape));
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classNames.Count)
                throw new ArgumentException(
                    $"Label {labels[i]} of example {i} is outside [0, {classNames.Count}) for the classes {string.Join(", ", classNames)}.",
                    nameof(labels));
        }

        Name = name;
        Features = features;
        Labels = labels;
        FeatureCount = featureCount;
        this.classNames = classNames.ToArray();
        this.imageShape = imageShape?.ToArray();
    }

    /// <summary>A short name for logs and chart titles, e.g. "Fashion-MNIST train".</summary>
    public string Name { get; }

    /// <summary>All features, row-major: example <c>i</c> starts at <c>i * FeatureCount</c>. Read-only by convention (see remarks on the class).</summary>
    public float[] Features { get; }

    /// <summary>The class index of each example, in <c>[0, ClassCount)</c>. Read-only by convention.</summary>
    public long[] Labels { get; }

    /// <summary>The number of examples (rows).</summary>
    public int Count => Labels.Length;

    /// <summary>The number of features per example (columns), e.g. 784 for a 28×28 image.</summary>
    public int FeatureCount { get; }

    /// <summary>The number of classes, <c>ClassNames.Count</c>; some may have no examples in a small subset.</summary>
    public int ClassCount => classNames.Length;

    /// <summary>One name per class, in label order (label 0 first).</summary>
    public IReadOnlyList<string> ClassNames => classNames;

    /// <summary>The shape of one example as (channels, height, width), e.g. <c>[1, 28, 28]</c>; <c>null</c> for tables.
    /// Returns a copy.</summary>
    public int[]? ImageShape => imageShape?.ToArray();

    /// <summary>The features of example <paramref name="index"/>, without copying.</summary>
    public ReadOnlySpan<float> Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Features.AsSpan(index * FeatureCount, FeatureCount);
    }

    /// <summary>A new data set with the given rows, in the given order (an index may repeat).</summary>
    /// <param name="indices">Row numbers in <c>[0, Count)</c>.</param>
    /// <param name="name">The new set's name; default <c>null</c> keeps this set's <see cref="Name"/>.</param>
    public Dataset Select(IReadOnlyList<int> indices, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var features = new float[(long)indices.Count * FeatureCount];
        var labels = new long[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var row = indices[i];
            if ((uint)row >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(indices), $"Row {row} is outside [0, {Count}) of '{Name}'.");
            Array.Copy(Features, (long)row * FeatureCount, features, (long)i * FeatureCount, FeatureCount);
            labels[i] = Labels[row];
        }

        return new Dataset(name ?? Name, features, labels, FeatureCount, classNames, imageShape);
    }

    /// <summary>
    /// A stratified random subset of <paramref name="count"/> examples: each class gets its share of
    /// <paramref name="count"/> in proportion to its size here (rounded so the total is exact), so on a
    /// balanced set such as Fashion-MNIST every class gets the same number. Rows keep their original
    /// order. Used for the small training sets of the overfitting lessons.
    /// </summary>
    /// <param name="count">How many examples, in <c>[1, Count]</c>.</param>
    /// <param name="seed">Which examples are drawn; the same seed gives the same subset.</param>
    public Dataset StratifiedSample(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        var byClass = Stratification.ShuffledIndicesByClass(this, seed);
        var take = Stratification.Apportion(byClass.Select(c => c.Length).ToArray(), (double)count / Count);
        var chosen = new List<int>(count);
        for (var c = 0; c < byClass.Length; c++)
            chosen.AddRange(byClass[c].Take(take[c]));
        chosen.Sort();
        return Select(chosen, $"{Name} (sample of {count.ToString("N0", CultureInfo.InvariantCulture)})");
    }

    /// <summary>
    /// A copy whose labels are partly wrong: exactly <c>round(fraction × Count)</c> examples (rounded half
    /// away from zero), chosen at random, each get a different class drawn uniformly from the other
    /// <c>ClassCount − 1</c> classes. The features are shared, not copied. Used (lessons 03 and 05) to show how label noise
    /// hurts and how regularization copes with it.
    /// </summary>
    /// <param name="fraction">The fraction of labels to corrupt, in <c>[0, 1]</c>.</param>
    /// <param name="seed">Which labels change and to what; the same seed gives the same result.</param>
    public Dataset WithLabelNoise(double fraction, int seed)
    {
        if (!(fraction >= 0 && fraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction of noisy labels must be in [0, 1].");
        var changes = (int)Math.Round(fraction * Count, MidpointRounding.AwayFromZero);
        if (changes > 0 && ClassCount < 2)
            throw new InvalidOperationException($"'{Name}' has a single class, so no label can be changed to a different one.");

        var random = SeededRandom.Create(seed, stream: 1);
        var order = SeededRandom.Permutation(Count, random);
        var labels = (long[])Labels.Clone();
        for (var i = 0; i < changes; i++)
        {
            var row = order[i];
            labels[row] = (labels[row] + 1 + random.Next(ClassCount - 1)) % ClassCount;
        }

        var percent = fraction.ToString("0.#%", CultureInfo.InvariantCulture);
        return new Dataset($"{Name} ({percent} label noise)", Features, labels, FeatureCount, classNames, imageShape);
    }

    /// <summary>How many examples each class has, indexed by label.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[ClassCount];
        foreach (var label in Labels)
            counts[label]++;
        return counts;
    }

    /// <summary>A one-line summary, e.g. "Fashion-MNIST train: 60,000 examples × 784 features, 10 classes".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        return $"{Name}: {Count.ToString("N0", inv)} example{(Count == 1 ? "" : "s")} × " +
               $"{FeatureCount.ToString("N0", inv)} feature{(FeatureCount == 1 ? "" : "s")}, " +
               $"{ClassCount} class{(ClassCount == 1 ? "" : "es")}";
    }
}
