using HyperLab.Tests.Overfitting;
using HyperLab.Training;
using Rule = HyperLab.Training.EarlyStopping;

namespace HyperLab.Tests.EarlyStoppingRules;

public class EarlyStoppingTests
{
    private static EpochRecord Epoch(int n, double valLoss, double valAcc = 0) => new(n, 0, 0, valLoss, valAcc, 0, 0);

    private static History Made(IEnumerable<double> valLosses, StopReason stop, int? restored) =>
        new("made up", new Hyperparameters(), new List<StepRecord>(), valLosses.Select((v, i) => Epoch(i + 1, v)).ToList(), stop, null, restored, 0);

    [Fact]
    public void A_scripted_loss_sequence_stops_exactly_patience_epochs_after_the_best()
    {
        var rule = new Rule(Patience: 3);
        var tracker = rule.Start();
        double[] losses = { 1.0, 0.8, 0.7, 0.72, 0.69, 0.71, 0.70, 0.75, 0.9 };
        int stoppedAt = 0;
        for (int i = 0; i < losses.Length && stoppedAt == 0; i++)
            if (tracker.Observe(Epoch(i + 1, losses[i])).Stop) stoppedAt = i + 1;
        Assert.Equal(5, tracker.BestEpoch);
        Assert.Equal(0.69, tracker.BestValue);
        Assert.Equal(8, stoppedAt);
        Assert.Equal(3, tracker.Wait);
    }

    [Fact]
    public void Accuracy_is_watched_as_higher_is_better()
    {
        var tracker = new Rule(Patience: 2, Monitor: Metric.ValidationAccuracy).Start();
        Assert.True(tracker.Observe(Epoch(1, 9, 0.5)).IsBest);
        Assert.True(tracker.Observe(Epoch(2, 9, 0.6)).IsBest);
        Assert.False(tracker.Observe(Epoch(3, 0.1, 0.55)).IsBest);
        Assert.True(tracker.Observe(Epoch(4, 0.1, 0.58)).Stop);
        Assert.Equal(2, tracker.BestEpoch);
    }

    [Fact]
    public void Epochs_before_StartFromEpoch_are_not_tracked()
    {
        var tracker = new Rule(Patience: 1, StartFromEpoch: 2).Start();
        Assert.Equal((false, false), tracker.Observe(Epoch(1, 0.1)));
        Assert.Equal((false, false), tracker.Observe(Epoch(2, 0.2)));
        Assert.True(tracker.Observe(Epoch(3, 0.5)).IsBest);
        Assert.Equal(3, tracker.BestEpoch);
    }

    [Fact]
    public void Explain_replays_the_rule_and_says_why_and_when_it_stopped()
    {
        var rule = new Rule(Patience: 3);
        var report = rule.Explain(Made(new[] { 1.0, 0.8, 0.7, 0.72, 0.69, 0.71, 0.70, 0.75 }, StopReason.EarlyStopped, restored: 5));
        Assert.True(report.StoppedEarly);
        Assert.Equal(8, report.StoppedEpoch);
        Assert.Equal(5, report.BestEpoch);
        Assert.Equal(0.69, report.BestValue);
        Assert.Equal(3, report.EpochsWithoutImprovement);
        Assert.Equal(3, report.EpochsAfterBest);
        Assert.Equal(5, report.ModelEpoch);
        Assert.Equal("stopped after epoch 8: validation loss did not improve on its best 0.69 (epoch 5) for 3 epochs (patience 3); restored the weights of epoch 5", report.ToString());
    }

    [Fact]
    public void Explain_a_run_that_used_its_whole_budget()
    {
        var report = new Rule(Patience: 5).Explain(Made(new[] { 1.0, 0.9, 0.8, 0.85 }, StopReason.Completed, restored: 3));
        Assert.False(report.StoppedEarly);
        Assert.Equal(1, report.EpochsWithoutImprovement);
        Assert.Contains("whole budget of 4 epochs", report.ToString());
        Assert.Contains("restored the weights of epoch 3", report.ToString());
    }

    [Fact]
    public void Invalid_settings_are_refused_also_through_with()
    {
        Assert.Equal("Patience", Assert.Throws<HyperparameterException>(() => new Rule(Patience: 0)).Field);
        Assert.Equal("Patience", Assert.Throws<HyperparameterException>(() => new Rule() with { Patience = -1 }).Field);
        Assert.Equal("MinDelta", Assert.Throws<HyperparameterException>(() => new Rule() with { MinDelta = double.NaN }).Field);
        Assert.Equal("StartFromEpoch", Assert.Throws<HyperparameterException>(() => new Rule(StartFromEpoch: -2)).Field);
    }

    [Fact]
    public void ToString_lists_every_setting_that_matters()
    {
        Assert.Equal("validation loss, patience 5, min delta 0, restore best weights", new Rule().ToString());
        Assert.Equal("validation accuracy, patience 2, min delta 1e-3, from epoch 4, checkpoint best.pt",
            new Rule(2, Metric.ValidationAccuracy, 1e-3, RestoreBestWeights: false, StartFromEpoch: 4, CheckpointPath: "best.pt").ToString());
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 4)]
    [InlineData(2, 5)]
    [InlineData(7, 3)]
    public void On_an_overfitting_run_it_stops_within_patience_of_the_best_and_restores_its_validation_loss_exactly(int seed, int patience)
    {
        var data = OverfitData.Small(seed);
        var rule = new Rule(Patience: patience);
        using var run = Trainer.Fit(OverfitData.Model(seed, epochs: 60), data, new FitOptions { EarlyStopping = rule });
        var h = run.History;
        var report = rule.Explain(h);
        Assert.Equal(StopReason.EarlyStopped, h.StopReason);
        Assert.Equal(h.BestEpoch!.Epoch, report.BestEpoch);
        Assert.Equal(patience, report.EpochsAfterBest);                 // stopped exactly `patience` epochs after the best
        Assert.Equal(report.BestEpoch, h.RestoredEpoch);
        Assert.True(h.Epochs.Count < 60);

        var restored = Checkpoint.Outputs(run.Model, data.Validation);
        Assert.Equal(h.BestEpoch.ValidationLoss, restored.Loss);          // bit for bit
        Assert.Equal(h.BestEpoch.ValidationAccuracy, restored.Accuracy);
        Assert.Equal(h.BestEpoch.ValidationLoss, h.FinalValidationLoss);
    }

    [Fact]
    public void Without_restore_the_model_keeps_the_last_epochs_weights()
    {
        var data = OverfitData.Small(3);
        var rule = new Rule(Patience: 3, RestoreBestWeights: false);
        using var run = Trainer.Fit(OverfitData.Model(3, epochs: 60), data, new FitOptions { EarlyStopping = rule });
        Assert.Null(run.History.RestoredEpoch);
        Assert.Equal(run.History.Epochs[^1].ValidationLoss, Checkpoint.Outputs(run.Model, data.Validation).Loss);
        Assert.Contains("kept the last weights", rule.Explain(run.History).ToString());
    }
}
