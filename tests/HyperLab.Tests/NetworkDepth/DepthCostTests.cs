using HyperLab.Lessons.Lesson04;
using HyperLab.Models;
using HyperLab.Numerics;
using HyperLab.Tests.Training;

namespace HyperLab.Tests.NetworkDepth;

public class DepthCostTests
{
    [Theory]
    [InlineData(Normalization.None)]
    [InlineData(Normalization.LayerNorm)]
    [InlineData(Normalization.BatchNorm)]
    public void The_parameter_formula_matches_the_built_network(Normalization norm)
    {
        for (int depth = 0; depth <= 5; depth++)
        {
            var hp = new Hyperparameters { Depth = depth, Width = 24, Normalization = norm };
            using var model = Mlp.Create(30, 3, hp);
            Assert.Equal(model.TotalParameters, DepthCost.ParametersOf(30, 3, hp));
        }
    }

    [Fact]
    public void A_line_fit_recovers_an_exact_line_and_scores_scatter_lower()
    {
        var exact = LineFit.Of([1, 2, 4, 8], [5, 7, 11, 19]);
        Assert.Equal(2, exact.Slope, 12);
        Assert.Equal(3, exact.Intercept, 12);
        Assert.Equal(1, exact.RSquared, 12);
        Assert.True(LineFit.Of([1, 2, 3, 4], [1, 4, 1, 4]).RSquared < 0.5);
        Assert.Throws<ArgumentException>(() => LineFit.Of([2, 2], [1, 3]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Measured_parameters_grow_by_one_layer_at_a_time_and_times_are_positive(int seed)
    {
        var baseline = new Hyperparameters { Width = 16, BatchSize = 64, Seed = seed };
        var cost = DepthCost.Measure(TinyData.Moons(seed: seed), baseline, new[] { 1, 2, 3 }, epochs: 2);
        Assert.Equal(new[] { 1, 2, 3 }, cost.Points.Select(p => p.Depth));
        Assert.Equal(17 * 16, cost.ParameterFit.Slope, 6);
        Assert.Equal(1, cost.ParameterFit.RSquared, 9);
        Assert.All(cost.Points, p => Assert.True(p.SecondsPerEpoch > 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DepthCost.Measure(TinyData.Moons(), baseline, new[] { 1 }, epochs: 1));
    }

    [Fact]
    public void A_depth_comparison_trains_every_depth_with_every_seed_and_averages()
    {
        var baseline = new Hyperparameters { Width = 8, Epochs = 2, BatchSize = 64 };
        var results = DepthComparison.Run(TinyData.Moons(), baseline, new[] { 0, 2 }, new[] { 3, 4 });
        Assert.Equal(new[] { 0, 2 }, results.Select(r => r.Depth));
        Assert.All(results, r => Assert.Equal(new[] { 3, 4 }, r.Runs.Select(h => h.Hyperparameters.Seed)));
        Assert.All(results, r => Assert.All(r.Runs, h => Assert.Equal(r.Depth, h.Hyperparameters.Depth)));
        Assert.Equal(results[1].Runs.Average(h => h.FinalValidationLoss), results[1].MeanValidationLoss, 12);
    }
}
