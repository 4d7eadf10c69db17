using HyperLab.Data;
using static HyperLab.Tests.Data.DataTestHelpers;

namespace HyperLab.Tests.Data;

public class DatasetTests
{
    private static readonly string[] TwoClasses = ["a", "b"];

    [Fact]
    public void Constructor_rejects_parts_that_do_not_fit()
    {
        Assert.Throws<ArgumentException>(() => new Dataset("x", new float[5], new long[2], 3, TwoClasses)); // 5 ≠ 2×3
        Assert.Throws<ArgumentException>(() => new Dataset("x", new float[6], [0, 2], 3, TwoClasses));     // label 2 of 2 classes
        Assert.Throws<ArgumentException>(() => new Dataset("x", new float[6], [0, -1], 3, TwoClasses));    // negative label
        Assert.Throws<ArgumentException>(() => new Dataset("x", new float[6], [0, 1], 3, TwoClasses, [1, 2, 2])); // 4 ≠ 3
        Assert.Throws<ArgumentException>(() => new Dataset("x", new float[6], [0, 1], 3, Array.Empty<string>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset("x", [], [], 0, TwoClasses));
    }

    [Fact]
    public void Properties_describe_the_data()
    {
        var d = new Dataset("Tiny", [1, 2, 3, 4, 5, 6, 7, 8], [1, 0], 4, TwoClasses, [1, 2, 2]);
        Assert.Equal(2, d.Count);
        Assert.Equal(4, d.FeatureCount);
        Assert.Equal(2, d.ClassCount);
        Assert.Equal([1, 2, 2], d.ImageShape!);
        Assert.Equal([5f, 6, 7, 8], d.Row(1).ToArray());
        Assert.Equal([1, 1], d.ClassCounts());
        Assert.Equal("Tiny: 2 examples × 4 features, 2 classes", d.ToString());
    }

    [Fact]
    public void ToString_uses_thousands_separators()
    {
        var d = new Dataset("Big", new float[1234 * 3], new long[1234], 3, TwoClasses);
        Assert.Equal("Big: 1,234 examples × 3 features, 2 classes", d.ToString());
    }

    [Fact]
    public void Select_copies_rows_in_the_given_order()
    {
        var d = new Dataset("T", [0, 0, 1, 1, 2, 2], [0, 1, 0], 2, TwoClasses);
        var s = d.Select([2, 0, 2], "picked");
        Assert.Equal("picked", s.Name);
        Assert.Equal([2f, 2, 0, 0, 2, 2], s.Features);
        Assert.Equal([0L, 0, 0], s.Labels);
        Assert.Equal("T", d.Select([1]).Name);
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Select([3]));
    }

    [Theory]
    [InlineData(new[] { 100, 100, 100, 100 }, 40)]
    [InlineData(new[] { 212, 357 }, 100)]
    [InlineData(new[] { 5, 17, 300, 1 }, 33)]
    [InlineData(new[] { 5, 17, 300, 1 }, 323)]
    public void StratifiedSample_draws_each_class_in_proportion(int[] classSizes, int count)
    {
        var data = Indexed(classSizes);
        var sample = data.StratifiedSample(count, seed: 3);

        Assert.Equal(count, sample.Count);
        var ids = RowIds(sample);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(ids.Order(), ids); // original order kept
        Assert.All(ids, i => Assert.Equal(data.Labels[i], sample.Labels[Array.IndexOf(ids, i)]));
        var counts = sample.ClassCounts();
        for (var c = 0; c < classSizes.Length; c++)
            Assert.InRange(counts[c], classSizes[c] * (double)count / data.Count - 1, classSizes[c] * (double)count / data.Count + 1);
    }

    [Fact]
    public void StratifiedSample_of_balanced_data_is_balanced_and_reproducible()
    {
        var data = Indexed(60, 60, 60);
        Assert.Equal([10, 10, 10], data.StratifiedSample(30, seed: 1).ClassCounts());
        Assert.Equal(RowIds(data.StratifiedSample(30, seed: 1)), RowIds(data.StratifiedSample(30, seed: 1)));
        Assert.NotEqual(RowIds(data.StratifiedSample(30, seed: 1)), RowIds(data.StratifiedSample(30, seed: 2)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.25)]
    [InlineData(0.333)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void WithLabelNoise_changes_exactly_round_fraction_n_labels_each_to_another_class(double fraction)
    {
        var data = Indexed(300, 200, 250, 250, 1);
        var noisy = data.WithLabelNoise(fraction, seed: 7);

        var changed = Enumerable.Range(0, data.Count).Count(i => noisy.Labels[i] != data.Labels[i]);
        Assert.Equal((int)Math.Round(fraction * data.Count, MidpointRounding.AwayFromZero), changed);
        Assert.All(noisy.Labels, l => Assert.InRange(l, 0, data.ClassCount - 1));
        Assert.Same(data.Features, noisy.Features);            // features shared, not copied
        Assert.Equal(Indexed(300, 200, 250, 250, 1).Labels, data.Labels); // the original is unchanged
    }

    [Fact]
    public void WithLabelNoise_picks_new_classes_uniformly_among_the_others()
    {
        var data = Indexed(Enumerable.Repeat(1000, 10).ToArray());
        var noisy = data.WithLabelNoise(0.5, seed: 1);
        var offsets = Enumerable.Range(0, data.Count)
            .Where(i => noisy.Labels[i] != data.Labels[i])
            .GroupBy(i => (noisy.Labels[i] - data.Labels[i] + 10) % 10)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(1, 9).Select(k => (long)k), offsets.Keys.Order());
        Assert.All(offsets.Values, n => Assert.InRange(n, 5000 / 9 * 0.8, 5000 / 9 * 1.2));
    }

    [Fact]
    public void WithLabelNoise_is_reproducible_by_seed()
    {
        var data = Indexed(50, 50, 50);
        Assert.Equal(data.WithLabelNoise(0.2, 5).Labels, data.WithLabelNoise(0.2, 5).Labels);
        Assert.NotEqual(data.WithLabelNoise(0.2, 5).Labels, data.WithLabelNoise(0.2, 6).Labels);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.WithLabelNoise(1.5, 0));
    }
}
