using HyperLab.Tests.Tracking;
using HyperLab.Tracking;
using HyperLab.Tuning;

namespace HyperLab.Tests.Tuning;

public class ReproductionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void A_trial_rerun_from_its_reloaded_log_line_gives_bit_identical_losses(int seed)
    {
        var data = TrackingData.Moons(seed);
        var space = new SearchSpace(SearchDimension.Log("lr", 1e-3, 1e-1, (hp, v) => hp with { LearningRate = v }));
        var log = new ExperimentLog(TrackingData.TempLog());
        var search = Search.Run("repro", TrackingData.Small(seed) with { Dropout = 0.2 }, space, space.QuasiRandom(3, seed), data, log);
        var record = log.Load().Records.Single(r => r.Trial == search.Best.Record.Trial);
        var again = Reproduction.Rerun(record);
        Assert.True(again.BitIdentical, again.ToString());
        Assert.Equal(0, again.LargestDifference);
    }

    [Fact]
    [HyperLab.Tests.Claims.NegativeControl("07.9")]
    public void The_check_can_fail_another_seed_is_not_identical()
    {
        var data = TrackingData.Moons();
        var space = new SearchSpace(SearchDimension.Log("lr", 1e-3, 1e-1, (hp, v) => hp with { LearningRate = v }));
        var search = Search.Run("repro", TrackingData.Small(0), space, space.QuasiRandom(1, 0), data);
        var record = search.Best.Record;
        var other = record with { Hyperparameters = record.Hyperparameters with { Seed = 1 } };
        var again = Reproduction.Rerun(other);
        Assert.False(again.BitIdentical);
        Assert.True(again.LargestDifference > 0);
    }

    [Fact]
    public void A_trial_without_a_finished_epoch_is_never_called_identical()
    {
        var data = TrackingData.Moons();
        var space = new SearchSpace(SearchDimension.Log("lr", 50, 100, (hp, v) => hp with { LearningRate = v, Optimizer = OptimizerKind.Sgd }));
        var search = Search.Run("diverging", TrackingData.Small(0), space, space.QuasiRandom(1, 0), data);
        var record = search.Trials[0].Record;
        Assert.Equal(TrialStatus.Diverged, record.Status);
        Assert.Empty(record.Epochs);
        Assert.False(Reproduction.Rerun(record).BitIdentical);
    }
}
