using HyperLab.Schedules;
using HyperLab.Tracking;
using HyperLab.Training;

namespace HyperLab.Tests.Tracking;

public class ExperimentLogTests
{
    private static TrialRecord Trial(DataRecord data, Hyperparameters hp, int number)
    {
        using var run = Trainer.Fit(hp, data.Load());
        return TrialRecord.Of("test", number, run.History, data, DateTime.UtcNow);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Records_round_trip_exactly(int seed)
    {
        var data = TrackingData.Moons(seed);
        var log = new ExperimentLog(TrackingData.TempLog());
        var written = new[]
        {
            Trial(data, TrackingData.Small(seed), 1),
            Trial(data, TrackingData.Small(seed) with { Schedule = Schedule.WarmupCosine(0.2), Dropout = 0.1, Patience = 2 }, 2),
            Trial(data, TrackingData.Small(seed) with { LearningRate = 80, Optimizer = OptimizerKind.Sgd }, 3),   // diverges: NaN metrics
        };
        log.AppendAll(written);
        var read = log.Load();
        Assert.Empty(read.Skipped);
        Assert.Equal(3, read.Records.Count);
        Assert.Equal(TrialStatus.Diverged, read.Records[2].Status);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(written[i].Hyperparameters, read.Records[i].Hyperparameters);
            Assert.Equal(written[i].Hyperparameters.ToHyperparameters(), read.Records[i].Hyperparameters.ToHyperparameters());
            Assert.Equal(written[i].Data, read.Records[i].Data);
            Assert.Equal(written[i].Epochs, read.Records[i].Epochs);                       // doubles to the last bit
            Assert.Equal(written[i].FinalValidationLoss, read.Records[i].FinalValidationLoss);
            Assert.Equal(written[i].Environment, read.Records[i].Environment);
        }
        Assert.Equal(3, File.ReadAllLines(log.Path).Length);                                  // one line per record
    }

    [Fact]
    public void A_torn_last_line_is_reported_and_skipped_and_nothing_else_is_lost()
    {
        var data = TrackingData.Moons();
        var log = new ExperimentLog(TrackingData.TempLog());
        var first = Trial(data, TrackingData.Small(0), 1);
        var second = Trial(data, TrackingData.Small(1), 2);
        log.Append(first);
        log.Append(second);
        // A crash while writing a third line: half of it reaches the disk, without its newline.
        string whole = File.ReadAllLines(log.Path)[0];
        File.AppendAllText(log.Path, whole[..(whole.Length / 2)]);

        var read = log.Load();
        Assert.Equal(2, read.Records.Count);
        Assert.Equal(first.Epochs, read.Records[0].Epochs);
        Assert.Equal(second.Epochs, read.Records[1].Epochs);
        var torn = Assert.Single(read.Skipped);
        Assert.Equal(3, torn.LineNumber);
        Assert.True(torn.IsLastLine);
        Assert.Contains("torn", read.ToString());

        // Appending after the crash starts a new line: the new record is readable too.
        log.Append(Trial(data, TrackingData.Small(2), 3));
        var after = log.Load();
        Assert.Equal([1, 2, 3], after.Records.Select(r => r.Trial));
        Assert.False(Assert.Single(after.Skipped).IsLastLine);
    }

    [Fact]
    public void A_missing_log_is_empty_and_the_table_ranks_by_validation_loss()
    {
        var log = new ExperimentLog(TrackingData.TempLog());
        Assert.Empty(log.Load().Records);
        var data = TrackingData.Moons();
        log.Append(Trial(data, TrackingData.Small(0) with { LearningRate = 1e-5 }, 1));   // barely learns
        log.Append(Trial(data, TrackingData.Small(0), 2));
        log.Append(Trial(data, TrackingData.Small(0) with { LearningRate = 80, Optimizer = OptimizerKind.Sgd }, 3));
        var table = log.Load().Table();
        Assert.Equal([2, 1, 3], table.Select(r => r.Trial));
        Assert.Equal("Diverged", table[^1].Status);
    }
}
