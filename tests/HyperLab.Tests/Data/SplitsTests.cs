using HyperLab.Data;
using static HyperLab.Tests.Data.DataTestHelpers;

namespace HyperLab.Tests.Data;

public class SplitsTests
{
    public static TheoryData<int[], double, double> Cases => new()
    {
        { [100, 100, 100], 0.2, 0.0 },
        { [212, 357], 0.2, 0.0 },
        { [212, 357], 0.2, 0.2 },
        { [59, 71, 48], 0.15, 0.15 },
        { [7, 13, 29, 1, 50], 0.3, 0.25 },
        { [3, 3, 3, 3, 3, 3, 3], 0.5, 0.3 },
        { [1000, 10, 1], 0.1, 0.1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Split_is_disjoint_complete_and_stratified(int[] classSizes, double validationFraction, double testFraction)
    {
        var data = Indexed(classSizes);
        var splits = Splits.Stratified(data, validationFraction, testFraction, seed: 11);
        AssertGoodSplit(data, splits, validationFraction, testFraction);
    }

    [Fact]
    public void Split_is_stratified_for_many_random_class_sizes_and_seeds()
    {
        // A property test: random class sizes, fractions and seeds. It exercises the rounding repair
        // (validation and test both rounded the same way in one class).
        var random = new Random(2024);
        for (var trial = 0; trial < 300; trial++)
        {
            var sizes = Enumerable.Range(0, random.Next(2, 12)).Select(_ => random.Next(1, 80)).ToArray();
            var validation = 0.05 + 0.4 * random.NextDouble();
            var test = random.Next(3) == 0 ? 0.0 : 0.05 + 0.4 * random.NextDouble();
            var data = Indexed(sizes);
            AssertGoodSplit(data, Splits.Stratified(data, validation, test, seed: trial), validation, test);
        }
    }

    [Fact]
    public void Same_seed_same_split_other_seed_other_split()
    {
        var data = Indexed(40, 60);
        Assert.Equal(RowIds(Splits.Stratified(data, seed: 1).Validation), RowIds(Splits.Stratified(data, seed: 1).Validation));
        Assert.NotEqual(RowIds(Splits.Stratified(data, seed: 1).Validation), RowIds(Splits.Stratified(data, seed: 2).Validation));
    }

    [Fact]
    public void Defaults_are_a_fifth_for_validation_and_no_test_set()
    {
        var splits = Splits.Stratified(Indexed(50, 50));
        Assert.Equal(80, splits.Train.Count);
        Assert.Equal(20, splits.Validation.Count);
        Assert.Null(splits.Test);
        Assert.Equal("Indexed train", splits.Train.Name);
        Assert.Equal("Indexed validation", splits.Validation.Name);
        Assert.Equal("train 80 · validation 20 examples × 1 features, 2 classes", splits.ToString());
    }

    [Fact]
    public void WithTest_keeps_the_given_test_set_and_splits_the_pool()
    {
        var pool = new Dataset("Pool train", Indexed(600, 600).Features, Indexed(600, 600).Labels, 1, ["c0", "c1"]);
        var test = Indexed(100, 100);
        var splits = Splits.WithTest(pool, test, 0.25, seed: 0);
        Assert.Same(test, splits.Test);
        Assert.Equal(900, splits.Train.Count);
        Assert.Equal([150, 150], splits.Validation.ClassCounts());
        Assert.Equal("Pool train", splits.Train.Name);
        Assert.Equal("Pool validation", splits.Validation.Name);
        Assert.Empty(RowIds(splits.Train).Intersect(RowIds(splits.Validation)));
        Assert.Throws<ArgumentException>(() => Splits.WithTest(pool, Indexed(1, 1, 1), 0.2, 0)); // 3 classes ≠ 2
    }

    [Theory]
    [InlineData("Wine", "Wine train", "Wine validation", "Wine test")]
    [InlineData("Fashion-MNIST train", "Fashion-MNIST train", "Fashion-MNIST validation", "Fashion-MNIST test")]
    [InlineData("Fashion-MNIST train (sample of 1,000)", "Fashion-MNIST train (sample of 1,000)", "Fashion-MNIST validation (sample of 1,000)", "Fashion-MNIST test (sample of 1,000)")]
    [InlineData("Iris (10% label noise)", "Iris train (10% label noise)", "Iris validation (10% label noise)", "Iris test (10% label noise)")]
    public void Parts_are_named_after_the_data_and_their_role(string name, string train, string validation, string test)
    {
        var data = Indexed(20, 20);
        var splits = Splits.Stratified(new Dataset(name, data.Features, data.Labels, 1, data.ClassNames), 0.25, 0.25, seed: 0);
        Assert.Equal((train, validation, test), (splits.Train.Name, splits.Validation.Name, splits.Test!.Name));
    }

    [Fact]
    public void Bad_fractions_are_refused()
    {
        var data = Indexed(10, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => Splits.Stratified(data, 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Splits.Stratified(data, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Splits.Stratified(data, 0.2, -0.1));
        Assert.Throws<ArgumentException>(() => Splits.Stratified(data, 0.6, 0.4));
    }

    private static void AssertGoodSplit(Dataset data, DataSplits splits, double validationFraction, double testFraction)
    {
        var parts = new List<(Dataset Set, double Fraction)>
        {
            (splits.Train, 1 - validationFraction - testFraction),
            (splits.Validation, validationFraction),
        };
        if (testFraction > 0)
            parts.Add((splits.Test!, testFraction));
        else
            Assert.Null(splits.Test);

        // Disjoint and complete: every row exactly once, with its own label.
        var all = parts.SelectMany(p => RowIds(p.Set)).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, data.Count), all);
        foreach (var (set, _) in parts)
            for (var i = 0; i < set.Count; i++)
                Assert.Equal(data.Labels[(int)set.Features[i]], set.Labels[i]);

        // Sizes: round(n × fraction) for validation and test.
        Assert.Equal((int)Math.Round(data.Count * validationFraction, MidpointRounding.AwayFromZero), splits.Validation.Count);
        if (testFraction > 0)
            Assert.Equal((int)Math.Round(data.Count * testFraction, MidpointRounding.AwayFromZero), splits.Test!.Count);

        // Stratified: each class within one example of its proportional share, in every part.
        var sizes = data.ClassCounts();
        foreach (var (set, fraction) in parts)
        {
            var counts = set.ClassCounts();
            for (var c = 0; c < sizes.Length; c++)
                Assert.True(Math.Abs(counts[c] - sizes[c] * fraction) <= 1 + 1e-9,
                    $"{set.Name}: class {c} has {counts[c]} of {sizes[c]}, expected {sizes[c] * fraction:0.##} ± 1");
        }
    }
}
