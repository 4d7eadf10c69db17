using HyperLab.Tests.Overfitting;
using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Tests.Training;

public class CallbackTests
{
    private static readonly Hyperparameters Small = new() { Depth = 2, Width = 32, Epochs = 3, BatchSize = 64, LearningRate = 1e-2 };

    /// <summary>Writes every event it sees to a shared log, tagged with its name.</summary>
    private sealed class Tracer(string name, int order, List<string> log) : Callback
    {
        public override int Order => order;
        public override void BeforeFit(FitContext fit) => log.Add($"{name}:BeforeFit");
        public override void BeforeEpoch(FitContext fit) => log.Add($"{name}:BeforeEpoch{fit.Epoch}");
        public override void BeforeStep(FitContext fit) => log.Add($"{name}:BeforeStep{fit.Step + 1}");
        public override void AfterStep(FitContext fit, StepOutcome step) => log.Add($"{name}:AfterStep{fit.Step}");
        public override void AfterEpoch(FitContext fit, EpochRecord epoch) => log.Add($"{name}:AfterEpoch{epoch.Epoch}");
        public override void AfterFit(FitContext fit) => log.Add($"{name}:AfterFit");
    }

    /// <summary>A learner's own callback: the gradient norm of every update (the gradients stay in place after the
    /// optimizer's step until the next step zeroes them).</summary>
    private sealed class GradientNorms : Callback
    {
        public List<double> Norms { get; } = [];

        public override void BeforeFit(FitContext fit) => Norms.Clear();

        public override void AfterStep(FitContext fit, StepOutcome step)
        {
            using var scope = NewDisposeScope();
            double sum = 0;
            foreach (var p in fit.Model.parameters())
                if (p.grad is Tensor g) sum += g.square().sum().item<float>();
            Norms.Add(Math.Sqrt(sum));
        }
    }

    [Fact]
    public void Callbacks_run_by_ascending_order_then_in_the_order_given()
    {
        var log = new List<string>();
        var callbacks = new Callback[] { new Tracer("progress", CallbackOrder.Progress, log), new Tracer("a", 0, log), new Tracer("first", -20, log), new Tracer("b", 0, log) };
        using var run = Trainer.Fit(Small, TinyData.Moons(), new FitOptions { Callbacks = callbacks });

        string[] expected = ["first", "a", "b", "progress"];
        Assert.Equal(expected.Select(n => $"{n}:BeforeFit"), log.Take(4));
        Assert.Equal(expected.Select(n => $"{n}:AfterFit"), log.TakeLast(4));
        Assert.Equal(expected.Select(n => $"{n}:AfterEpoch2"), log.Where(e => e.EndsWith(":AfterEpoch2", StringComparison.Ordinal)));
    }

    [Fact]
    public void Events_come_once_per_fit_epoch_and_step_in_loop_order()
    {
        var log = new List<string>();
        using var run = Trainer.Fit(Small, TinyData.Moons(), new FitOptions { Callbacks = [new Tracer("t", 0, log)] });
        int steps = run.History.Steps.Count;
        var expected = new List<string> { "t:BeforeFit" };
        int step = 0;
        foreach (var epoch in run.History.Epochs)
        {
            expected.Add($"t:BeforeEpoch{epoch.Epoch}");
            foreach (var _ in run.History.Steps.Where(s => s.Epoch == epoch.Epoch))
            {
                step++;
                expected.Add($"t:BeforeStep{step}");
                expected.Add($"t:AfterStep{step}");
            }
            expected.Add($"t:AfterEpoch{epoch.Epoch}");
        }
        expected.Add("t:AfterFit");
        Assert.Equal(expected, log);
        Assert.Equal(steps, step);
    }

    private sealed class StopAt(int step) : Callback
    {
        public override void AfterStep(FitContext fit, StepOutcome outcome)
        {
            if (fit.Step == step) fit.Stop();
        }
    }

    [Fact]
    public void A_callback_stops_the_run_with_a_flag_after_the_current_step()
    {
        using var run = Trainer.Fit(Small, TinyData.Moons(), new FitOptions { Callbacks = [new StopAt(4)] });   // 300 rows / 64: 5 steps per epoch
        Assert.Equal(4, run.History.Steps.Count);
        Assert.Single(run.History.Epochs);          // the cut epoch is still measured and recorded
        Assert.Equal(StopReason.Completed, run.History.StopReason);
    }

    private sealed class StopAfterEpoch(int epoch) : Callback
    {
        public override void AfterEpoch(FitContext fit, EpochRecord record)
        {
            if (record.Epoch == epoch) fit.Stop(StopReason.EarlyStopped);
        }
    }

    [Fact]
    public void A_callback_stops_the_run_after_an_epoch_with_its_reason()
    {
        using var run = Trainer.Fit(Small with { Epochs = 6 }, TinyData.Moons(), new FitOptions { Callbacks = [new StopAfterEpoch(2)] });
        Assert.Equal(2, run.History.Epochs.Count);
        Assert.Equal(StopReason.EarlyStopped, run.History.StopReason);
    }

    private sealed class RateByStep : Callback
    {
        public override void BeforeStep(FitContext fit) => fit.LearningRate = 1e-3 * (fit.Step + 1);
    }

    [Fact]
    public void A_callback_sets_the_rate_of_the_next_update()
    {
        using var run = Trainer.Fit(Small, TinyData.Moons(), new FitOptions { Callbacks = [new RateByStep()] });
        Assert.All(run.History.Steps, s => Assert.Equal(1e-3 * s.Step, s.LearningRate, 12));
    }

    [Fact]
    public void Early_stopping_as_explicit_callbacks_gives_the_same_run_as_the_option()
    {
        var hp = OverfitData.Model(0, epochs: 60);
        var rule = new EarlyStopping(Patience: 3);
        using var byOption = Trainer.Fit(hp, OverfitData.Small(0), new FitOptions { EarlyStopping = rule });
        using var byCallbacks = Trainer.Fit(hp, OverfitData.Small(0), new FitOptions { Callbacks = rule.Callbacks() });
        Assert.Equal(StopReason.EarlyStopped, byOption.History.StopReason);
        Assert.NotNull(byOption.History.RestoredEpoch);
        Assert.Equal(byOption.History.Steps.Select(s => s.Loss), byCallbacks.History.Steps.Select(s => s.Loss));
        Assert.Equal(byOption.History.StopReason, byCallbacks.History.StopReason);
        Assert.Equal(byOption.History.RestoredEpoch, byCallbacks.History.RestoredEpoch);
        Assert.Equal(Flat(byOption.Model), Flat(byCallbacks.Model));
    }

    private sealed class StopSeenAt(List<(int Epoch, bool Stop)> seen, int order) : Callback
    {
        public override int Order => order;
        public override void AfterEpoch(FitContext fit, EpochRecord epoch) => seen.Add((epoch.Epoch, fit.StopRequested));
    }

    [Fact]
    public void Early_stopping_decides_between_the_default_order_and_progress()
    {
        var before = new List<(int Epoch, bool Stop)>();
        var after = new List<(int Epoch, bool Stop)>();
        var hp = OverfitData.Model(0, epochs: 60) with { Patience = 3 };
        using var run = Trainer.Fit(hp, OverfitData.Small(0), new FitOptions { Callbacks = [new StopSeenAt(before, CallbackOrder.Default), new StopSeenAt(after, CallbackOrder.Progress)] });
        Assert.Equal(StopReason.EarlyStopped, run.History.StopReason);
        Assert.All(before, e => Assert.False(e.Stop));
        Assert.True(after[^1].Stop);
        Assert.All(after.SkipLast(1), e => Assert.False(e.Stop));
    }

    [Fact]
    public void A_learners_gradient_norm_logger_sees_every_update_and_changes_nothing()
    {
        var logger = new GradientNorms();
        using var plain = Trainer.Fit(Small, TinyData.Moons());
        using var logged = Trainer.Fit(Small, TinyData.Moons(), new FitOptions { Callbacks = [logger] });
        Assert.Equal(logged.History.Steps.Count, logger.Norms.Count);
        Assert.All(logger.Norms, n => Assert.True(double.IsFinite(n) && n > 0, $"norm {n}"));
        Assert.Equal(plain.History.Steps.Select(s => s.Loss), logged.History.Steps.Select(s => s.Loss));
    }

    [Fact]
    public void The_history_a_callback_sees_at_the_end_is_the_one_returned()
    {
        History? seen = null;
        var hp = OverfitData.Model(0, epochs: 60) with { Patience = 3 };
        using var run = Trainer.Fit(hp, OverfitData.Small(0), new FitOptions { Callbacks = [new AtEnd(h => seen = h)] });
        Assert.Same(run.History, seen);
        Assert.NotNull(seen!.RestoredEpoch);   // the best weights were put back before progress saw the end
    }

    private sealed class AtEnd(Action<History> record) : Callback
    {
        public override int Order => CallbackOrder.Progress;
        public override void AfterFit(FitContext fit) => record(fit.History);
    }

    [Fact]
    public void Null_callbacks_are_refused_with_a_teaching_error()
    {
        var e = Assert.Throws<ArgumentException>(() => new FitOptions { Callbacks = null! });
        Assert.Contains("[]", e.Message);
        Assert.Throws<ArgumentException>(() => new FitOptions { Callbacks = [null!] });
    }

    private sealed class RateSeen(List<double> rates, int order) : Callback
    {
        public override int Order => order;
        public override void AfterEpoch(FitContext fit, EpochRecord epoch) => rates.Add(fit.LearningRate);
    }

    [Fact]
    public void The_schedule_steps_before_progress_sees_the_epoch()
    {
        var beforeSchedule = new List<double>();
        var atProgress = new List<double>();
        var hp = OverfitData.Model(0, epochs: 20) with { Schedule = HyperLab.Schedules.Schedule.ReduceOnPlateau(factor: 0.5, patience: 1) };
        using var run = Trainer.Fit(hp, OverfitData.Small(0), new FitOptions
        {
            Callbacks = [new RateSeen(atProgress, CallbackOrder.Progress), new RateSeen(beforeSchedule, CallbackOrder.Schedule - 1)],
        });
        var h = run.History;
        Assert.Equal(h.Epochs.Select(e => e.LearningRate), beforeSchedule);              // the rate the epoch trained with
        for (int e = 1; e < h.Epochs.Count; e++)                                         // progress sees the next epoch's rate
            Assert.Equal(h.Steps.First(s => s.Epoch == e + 1).LearningRate, atProgress[e - 1]);
        Assert.Contains(atProgress.Zip(beforeSchedule), p => p.First < p.Second);         // the plateau rule did cut the rate
    }

    private static float[] Flat(nn.Module model) => model.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();
}
