using HyperLab.Tests.Tracking;
using HyperLab.Tracking;
using HyperLab.Training;
using HyperLab.Tuning;

namespace HyperLab.Tests.Tuning;

public class ImportanceTests
{
    [Fact]
    public void Spearman_is_one_for_monotone_series_and_zero_for_unrelated_ones()
    {
        Assert.Equal(1, Importance.Spearman([1, 2, 3, 4], [10, 20, 30, 1000]), 12);
        Assert.Equal(-1, Importance.Spearman([1, 2, 3, 4], [4, 3, 2, 1]), 12);
        Assert.Equal(0, Importance.Spearman([1, 2, 3, 4], [1, 2, 2, 1]), 12);
    }

    private static SearchResult Fake(SearchSpace space, IReadOnlyList<SearchPoint> points, Func<SearchPoint, double> loss)
    {
        var data = new DataRecord("fake", "fake", new string('0', 64), 0.2, 0);
        var trials = points.Select((p, i) => new SearchTrial(p, new TrialRecord("fake", i + 1, HyperparameterRecord.From(p.ApplyTo(new Hyperparameters(), space)), data,
            Array.Empty<EpochRecord>(), loss(p), 0.5, TrialStatus.Completed, RunEnvironment.Current, 0, DateTime.UtcNow))).ToList();
        return new SearchResult("fake", space, trials);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void The_dimension_that_drives_the_loss_ranks_first_and_another_one_when_it_does(int seed)
    {
        var space = new SearchSpace(
            SearchDimension.Log("lr", 1e-4, 1e-1, (hp, v) => hp with { LearningRate = v }),
            SearchDimension.Linear("dropout", 0, 0.5, (hp, v) => hp with { Dropout = v }));
        var points = space.QuasiRandom(12, seed);
        Assert.Equal("lr", Importance.Rank(Fake(space, points, p => -Math.Log10(p["lr"]) + 0.01 * p["dropout"])).Top);
        Assert.Equal("dropout", Importance.Rank(Fake(space, points, p => p["dropout"] + 0.001 * Math.Log10(p["lr"]))).Top);
    }
}
