using HyperLab.Data;
using static HyperLab.Tests.Data.DataTestHelpers;

namespace HyperLab.Tests.Data;

public class StandardizerTests
{
    [Fact]
    public void Training_columns_get_mean_0_and_std_1()
    {
        var splits = Splits.Stratified(RandomTable(500, 5, 3, seed: 1), 0.2, 0.2, seed: 0);
        var train = Standardizer.Fit(splits.Train).Transform(splits.Train);
        for (var j = 0; j < train.FeatureCount; j++)
        {
            var column = Column(train, j);
            Assert.Equal(0, column.Average(), 4);
            Assert.Equal(1, Std(column), 4);
        }
    }

    [Fact]
    public void Validation_is_transformed_with_the_training_statistics()
    {
        // Train: column mean 10, std 2. Validation: far away, mean 100.
        var train = new Dataset("train", [8, 12, 8, 12], [0, 1, 0, 1], 1, ["a", "b"]);
        var validation = new Dataset("validation", [100, 102, 98], [0, 1, 0], 1, ["a", "b"]);
        var standardizer = Standardizer.Fit(train);

        Assert.Equal([10f], standardizer.Mean);
        Assert.Equal([2f], standardizer.Std);
        var transformed = standardizer.Transform(new DataSplits(train, validation, null));
        Assert.Equal([45f, 46, 44], transformed.Validation.Features); // (v − 10) / 2, not centred on its own mean
        Assert.Equal([-1f, 1, -1, 1], transformed.Train.Features);
        Assert.Null(transformed.Test);
        Assert.Same(validation.Labels, transformed.Validation.Labels);
    }

    [Fact]
    public void Real_splits_validation_is_not_exactly_standardized()
    {
        // With its own statistics the validation mean would be 0 to rounding error; with the
        // training statistics it is merely close.
        var splits = Splits.Stratified(CourseData.Wine(), 0.3, 0, seed: 0);
        var scaled = Standardizer.Fit(splits.Train).Transform(splits);
        var means = Enumerable.Range(0, 13).Select(j => Column(scaled.Validation, j).Average()).ToArray();
        Assert.Contains(means, m => Math.Abs(m) > 0.01);
        Assert.All(means, m => Assert.InRange(m, -1, 1));
    }

    [Fact]
    public void Constant_columns_get_std_1_and_are_only_centred()
    {
        var train = new Dataset("train", [3, 1, 3, 2, 3, 3], [0, 1, 0], 2, ["a", "b"]);
        var standardizer = Standardizer.Fit(train);
        Assert.Equal(1f, standardizer.Std[0]);
        var validation = standardizer.Transform(new Dataset("v", [5, 2], [0], 2, ["a", "b"]));
        Assert.Equal(2f, validation.Features[0]);
        Assert.All(standardizer.Transform(train).Features, x => Assert.True(float.IsFinite(x)));
    }

    [Fact]
    public void Feature_count_must_match()
    {
        var standardizer = Standardizer.Fit(RandomTable(10, 3, 2, seed: 0));
        Assert.Throws<ArgumentException>(() => standardizer.Transform(RandomTable(10, 4, 2, seed: 0)));
    }

    private static double[] Column(Dataset d, int j) =>
        Enumerable.Range(0, d.Count).Select(i => (double)d.Features[i * d.FeatureCount + j]).ToArray();

    private static double Std(double[] x)
    {
        var mean = x.Average();
        return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / x.Length);
    }
}
