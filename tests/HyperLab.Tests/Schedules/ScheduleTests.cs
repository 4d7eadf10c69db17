using HyperLab.Schedules;
using HyperLab.Tests.Finder;
using HyperLab.Tests.Training;
using HyperLab.Training;

namespace HyperLab.Tests.Schedules;

public class ScheduleTests
{
    private const double Peak = 0.1;
    private const int PerEpoch = 10, Epochs = 9, Total = PerEpoch * Epochs;

    [Fact]
    public void Constant_keeps_the_peak()
    {
        Assert.All(Schedule.Constant.Rates(Peak, PerEpoch, Epochs), r => Assert.Equal(Peak, r));
    }

    [Fact]
    public void Step_decay_multiplies_by_the_factor_every_period()
    {
        var rates = Schedule.StepDecay(everyEpochs: 3, factor: 0.1).Rates(Peak, PerEpoch, Epochs);
        for (int k = 1; k <= Total; k++)
        {
            int epoch = (k - 1) / PerEpoch + 1;
            Assert.Equal(Peak * Math.Pow(0.1, (epoch - 1) / 3), rates[k - 1], 12);
        }
        Assert.Equal(3, Schedule.StepDecay().PeriodFor(9));          // default: a third of the run
        Assert.Equal(4, Schedule.StepDecay().PeriodFor(10));
    }

    [Fact]
    public void Cosine_follows_the_documented_formula()
    {
        var rates = Schedule.Cosine(minFactor: 0.01).Rates(Peak, PerEpoch, Epochs);
        double min = 0.01 * Peak;
        for (int k = 1; k <= Total; k++)
            Assert.Equal(min + (Peak - min) * (1 + Math.Cos(Math.PI * (k - 1) / Total)) / 2, rates[k - 1], 9);
        Assert.Equal(Peak, rates[0], 12);
        Assert.True(rates.Zip(rates.Skip(1)).All(p => p.Second <= p.First));
    }

    [Fact]
    public void Warmup_then_cosine_climbs_linearly_then_decays()
    {
        var schedule = Schedule.WarmupCosine(warmupFraction: 0.2, startFactor: 0.04);
        var rates = schedule.Rates(Peak, PerEpoch, Epochs);
        int w = schedule.WarmupSteps(Total);
        Assert.Equal(18, w);
        for (int k = 1; k <= w; k++) Assert.Equal(Peak * (0.04 + 0.96 * (k - 1) / w), rates[k - 1], 9);
        for (int k = w + 1; k <= Total; k++)
            Assert.Equal(Peak * (1 + Math.Cos(Math.PI * (k - 1 - w) / (Total - w))) / 2, rates[k - 1], 9);
        Assert.Equal(Peak, rates.Max(), 12);
        Assert.True(rates[^1] < 0.001 * Peak);
    }

    [Fact]
    public void Reduce_on_plateau_cuts_the_rate_after_patience_bad_epochs()
    {
        double[] val = [1.0, 0.8, 0.8, 0.81, 0.7, 0.75, 0.75, 0.76, 0.76];
        var rates = Schedule.ReduceOnPlateau(factor: 0.1, patience: 2).Rates(Peak, PerEpoch, Epochs, val);
        double[] perEpoch = Enumerable.Range(0, Epochs).Select(e => rates[e * PerEpoch]).ToArray();
        // Epochs 3 and 4 do not improve on 0.8 → cut after epoch 4; epochs 6, 7 do not improve on 0.7 → cut after 7.
        Assert.Equal(new[] { Peak, Peak, Peak, Peak, Peak / 10, Peak / 10, Peak / 10, Peak / 100, Peak / 100 }, perEpoch, new Close());
        Assert.All(Schedule.ReduceOnPlateau().Rates(Peak, PerEpoch, Epochs), r => Assert.Equal(Peak, r));   // nothing to watch
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Patience_means_the_same_for_reduce_on_plateau_and_early_stopping(int patience)
    {
        double[] val = [1.0, 0.9, 0.95, 0.93, 0.97, 0.92, 0.99, 0.98, 0.97, 0.96, 0.95];
        // Early stopping stops after the epoch at which patience runs out ...
        var tracker = new HyperLab.Training.EarlyStopping(patience).Start();
        int stop = Enumerable.Range(1, val.Length).First(e => tracker.Observe(new HyperLab.Training.EpochRecord(e, 0, 0, val[e - 1], 0, 0, 0)).Stop);
        // ... and reduce-on-plateau lowers the rate after that same epoch.
        var rates = Schedule.ReduceOnPlateau(factor: 0.5, patience: patience).Rates(Peak, PerEpoch, val.Length, val);
        int firstCut = Enumerable.Range(0, val.Length).First(e => rates[e * PerEpoch] < Peak);
        Assert.Equal(stop, firstCut);
    }

    [Theory]
    [InlineData("cosine")]
    [InlineData("step")]
    [InlineData("warmup")]
    public void A_training_run_records_exactly_the_planned_rates(string which)
    {
        Schedule schedule = which switch { "cosine" => Schedule.Cosine(), "step" => Schedule.StepDecay(2, 0.5), _ => Schedule.WarmupCosine() };
        var hp = new Hyperparameters { Depth = 1, Width = 16, Epochs = 5, BatchSize = 32, LearningRate = 0.05, Schedule = schedule };
        var data = TinyData.Moons(400);
        using var run = Trainer.Fit(hp, data);
        var planned = schedule.Rates(hp.LearningRate, HyperLab.Data.Batches.PerEpoch(data.Train.Count, hp.BatchSize), hp.Epochs);
        Assert.Equal(planned, run.History.Steps.Select(s => s.LearningRate), new Close());
    }

    [Fact]
    public void Reduce_on_plateau_reacts_to_a_real_runs_validation_loss()
    {
        var hp = new Hyperparameters { Depth = 1, Width = 16, Epochs = 12, BatchSize = 32, LearningRate = 0.05, Schedule = Schedule.ReduceOnPlateau(0.5, 1) };
        var data = TinyData.Moons(400);
        using var run = Trainer.Fit(hp, data);
        var h = run.History;
        var planned = hp.Schedule.Rates(hp.LearningRate, h.Steps.Count / hp.Epochs, hp.Epochs, h.Epochs.Select(e => e.ValidationLoss).ToList());
        Assert.Equal(planned, h.Steps.Select(s => s.LearningRate), new Close());
        for (int e = 1; e < h.Epochs.Count; e++)
        {
            bool improved = h.Epochs[e - 1].ValidationLoss < h.Epochs.Take(e - 1).Select(x => x.ValidationLoss).DefaultIfEmpty(double.MaxValue).Min();
            Assert.Equal(improved ? h.Epochs[e - 1].LearningRate : h.Epochs[e - 1].LearningRate * 0.5, h.Epochs[e].LearningRate, 12);
        }
    }

    [Fact]
    public void Bad_settings_are_refused_with_a_helpful_message()
    {
        var e = Assert.Throws<HyperparameterException>(() => Schedule.StepDecay(factor: 1.5));
        Assert.Contains("Factor", e.Message);
        Assert.Throws<HyperparameterException>(() => Schedule.WarmupCosine(warmupFraction: 0));
        Assert.Throws<HyperparameterException>(() => Schedule.ReduceOnPlateau(patience: 0));
        Assert.Throws<HyperparameterException>(() => Schedule.ReduceOnPlateau() with { Patience = 0 });
        Assert.Throws<HyperparameterException>(() => Schedule.Cosine(minFactor: 1));
    }

    [Fact]
    public void Schedules_are_values_that_show_in_the_hyperparameter_log_line()
    {
        Assert.Equal(Schedule.Cosine(), Schedule.Cosine());
        var hp = new Hyperparameters { Schedule = Schedule.WarmupCosine() };
        Assert.Contains("schedule=warmup10%+cosine", hp.ToString());
        Assert.Contains("schedule=step×0.1/⅓run", (hp with { Schedule = Schedule.StepDecay() }).ToString());
    }

    private sealed class Close : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));
        public int GetHashCode(double v) => 0;
    }
}
