using HyperLab.Data;
using HyperLab.Lessons.Lesson08;
using HyperLab.Tests.Claims;
using HyperLab.Tests.Training;
using HyperLab.Training;

namespace HyperLab.Tests.Confusions;

/// <summary>Lesson 08's measures: each shows the effect when it is there and fails when it is not.</summary>
public class ConfusionMeasureTests
{
    private static TuningTrial Trial(int poolSize, double accuracy, int seed)
    {
        var random = new Random(seed);
        return new TuningTrial(new Hyperparameters { Seed = seed }, Enumerable.Range(0, poolSize).Select(_ => random.NextDouble() < accuracy).ToList());
    }

    [Fact]
    public void Picking_the_best_of_many_equal_configurations_on_a_small_test_set_is_optimistic()
    {
        var trials = Enumerable.Range(0, 30).Select(i => Trial(1000, 0.9, i)).ToList();

        var gap = TestSetTuning.Measure(trials, testSize: 100, splits: 200, seed: 3);

        Assert.True(gap.AtLeast(2), gap.ToString());
        Assert.True(gap.SharePositive > 0.8, gap.ToString());
    }

    [Fact]
    [NegativeControl("08.7")]
    public void With_a_single_configuration_there_is_no_choice_and_no_optimism()
    {
        var gap = TestSetTuning.Measure([Trial(1000, 0.9, 1)], testSize: 100, splits: 400, seed: 3);

        Assert.False(gap.AtLeast(0.5), gap.ToString());
        Assert.True(Math.Abs(gap.Mean) < 0.005, gap.ToString());
    }

    [Fact]
    public void Random_configurations_are_valid_seeded_and_varied()
    {
        var a = TestSetTuning.RandomConfigurations(new Hyperparameters(), 20, seed: 5);
        var b = TestSetTuning.RandomConfigurations(new Hyperparameters(), 20, seed: 5);

        Assert.Equal(a, b);
        Assert.All(a, hp => Assert.InRange(hp.LearningRate, 1e-4, 3e-2));
        Assert.True(a.Select(h => h.Width).Distinct().Count() > 2 && a.Select(h => h.Depth).Distinct().Count() > 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Evaluation_switches_dropout_off_and_a_network_without_dropout_shows_no_difference(int seed)
    {
        var data = TinyData.Moons(seed: seed);
        var hp = new Hyperparameters { Depth = 2, Width = 32, Epochs = 3, Seed = seed };
        using var withDropout = Trainer.Fit(hp with { Dropout = 0.5 }, data);
        using var without = Trainer.Fit(hp, data);

        var on = DropoutAtEvaluation.Measure(withDropout.Model, data.Train, seed);
        var off = DropoutAtEvaluation.Measure(without.Model, data.Train, seed);

        Assert.True(on.OffAtEvaluation, on.ToString());
        Assert.True(on.TrainingModeLoss > on.EvaluationLoss, on.ToString());
        Assert.False(off.OffAtEvaluation, off.ToString());
        Assert.Equal(0, off.TrainingDifference);
        Assert.True(withDropout.Model.training, "the model's mode is restored");
    }

    [Fact]
    [NegativeControl("08.1")]
    public void A_constant_rate_is_used_at_every_update_and_a_schedule_is_caught()
    {
        var data = TinyData.Moons();
        var hp = new Hyperparameters { Depth = 1, Width = 16, Epochs = 2, LearningRate = 1e-3 };
        var constant = new RateUse(Trainer.Fit(hp, data).History);
        var scheduled = new RateUse(Trainer.Fit(hp with { Schedule = HyperLab.Schedules.Schedule.Cosine() }, data).History);

        Assert.True(constant.Untouched, constant.ToString());
        Assert.False(scheduled.Untouched, scheduled.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Training_at_the_finders_minimum_ends_worse_than_at_the_valley_on_digits(int seed)
    {
        var split = Splits.Stratified(CourseData.Digits(), validationFraction: 0.25, seed: seed);
        var digits = Standardizer.Fit(split.Train).Transform(split);

        var check = FinderMinimum.Compare(new Hyperparameters { Depth = 2, Width = 64, BatchSize = 64, Epochs = 10, Seed = seed }, digits);

        Assert.True(check.MinimumIsWorse, check.ToString());
        Assert.True(FinderMinimum.RateAtMinimum(check.Finder) > check.Finder.SuggestedRate);
    }

    [Fact]
    [NegativeControl("08.2", "08.6", "08.9", "08.10")]
    public void The_comparisons_fail_when_the_runs_are_alike()
    {
        var run = new RunOutcome(Fake("same", 0.2));
        Assert.False(new FinderMinimum(null!, run, run).MinimumIsWorse);
        var alike = new ScalingCheck(run, run, run, run, run);
        Assert.False(alike.HelpsAtModerate);
        Assert.False(alike.BreaksAtLarge);
        var shaped = new ScalingCheck(run, new RunOutcome(Fake("plain", 0.6)), new RunOutcome(Fake("scaled", 0.25)), new RunOutcome(Fake("plain", 2.2)), new RunOutcome(Fake("scaled", double.NaN, diverged: true)));
        Assert.True(shaped.HelpsAtModerate && shaped.BreaksAtLarge, shaped.ToString());
        var a = new FreshScore("a", 0.05, 0.8, 0.80);
        Assert.True(new FreshScore("b", 0.4, 0.5, 0.88).BeatsOnFreshData(a));
        Assert.False(a.BeatsOnFreshData(a));
    }

    private static History Fake(string label, double validationLoss, bool diverged = false) =>
        new(label, new Hyperparameters(), [new StepRecord(1, 1, 1.0, 1e-3)],
            diverged ? [] : [new EpochRecord(1, 0.5, 0.8, validationLoss, 0.8, 0.1, 1e-3)],
            diverged ? StopReason.Diverged : StopReason.Completed, diverged ? new Divergence(1, double.NaN, "loss became NaN") : null, null, 0.1);
}

/// <summary>The confusion experiments on real data, on more than one seed.</summary>
public class ConfusionExperimentTests
{
    private static DataSplits Digits(int seed)
    {
        var split = Splits.Stratified(CourseData.Digits(), validationFraction: 0.25, seed: seed);
        return Standardizer.Fit(split.Train).Transform(split);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Linear_scaling_rescues_a_moderate_batch_but_not_the_full_batch(int seed)
    {
        var data = Digits(seed);
        var reference = new Hyperparameters { Depth = 2, Width = 64, Optimizer = OptimizerKind.Momentum, LearningRate = 0.01, BatchSize = 16, Epochs = 10, Seed = seed };

        var check = ScalingCheck.Run(reference, data, HyperLab.Lessons.Lesson02.RateScaling.Linear(16, 0.01), 128, data.Train.Count);

        Assert.True(check.HelpsAtModerate && check.BreaksAtLarge, check.ToString());
    }

    [Fact]
    public void Fresh_scores_need_fresh_data_and_measure_the_kept_weights()
    {
        var data = TinyData.Moons();
        using var run = Trainer.Fit(new Hyperparameters { Depth = 1, Width = 16, Epochs = 2 }, data);
        Assert.Throws<ArgumentException>(() => FreshScore.Of(run, data));

        var withFresh = data with { Test = data.Validation };
        var score = FreshScore.Of(run, withFresh);

        Assert.Equal(run.History.FinalValidationLoss, score.FreshLoss, 5);
        Assert.Equal(run.History.FinalValidationAccuracy, score.FreshAccuracy, 5);
    }
}
