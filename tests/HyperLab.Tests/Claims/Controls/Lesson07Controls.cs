using HyperLab.Sweeps;
using HyperLab.Tests.Tracking;
using HyperLab.Tracking;
using HyperLab.Training;
using HyperLab.Tuning;

namespace HyperLab.Tests.Claims.Controls;

/// <summary>
/// Negative controls of lesson 07's claims: each check the notebook calls, fed an outcome without the effect, must fail
/// (and, where it is cheap, the same check fed the effect passes, so the control is not failing for another reason).
/// </summary>
public class Lesson07Controls
{
    private static readonly Hyperparameters Hp = new() { Epochs = 4 };

    /// <summary>A history with the given per-epoch validation losses (training loss 0.1 below), first step loss <paramref name="firstLoss"/>.</summary>
    internal static History Run(double[] validation, double firstLoss = 2.3, StopReason stop = StopReason.Completed, int? restored = null, Hyperparameters? hp = null, double accuracy = 0.8)
    {
        var epochs = validation.Select((v, i) => new EpochRecord(i + 1, v - 0.1, accuracy, v, accuracy, 0.1, 1e-3)).ToList();
        return new History("synthetic", hp ?? Hp with { Epochs = Math.Max(validation.Length, 1) }, [new StepRecord(1, 1, firstLoss, 1e-3)], epochs, stop, null, restored, 1);
    }

    private static EdgeAwareSweepResult RateSweep(params (double Rate, double Loss)[] points) =>
        new(new SweepResult<double>("lr", points.Select(p => new SweepPoint<double>(p.Rate, Run([p.Loss], hp: Hp with { LearningRate = p.Rate }))).ToList()), []);

    [Fact]
    [NegativeControl("07.1")]
    public void A_baseline_that_does_not_start_at_ln_C_or_does_not_learn_fails()
    {
        Assert.True(BaselineCheck.Of(Run([0.5], firstLoss: 2.31, accuracy: 0.8), 10).Holds);
        Assert.False(BaselineCheck.Of(Run([0.5], firstLoss: 4.0, accuracy: 0.8), 10).Holds);    // broken initialization
        Assert.False(BaselineCheck.Of(Run([2.3], firstLoss: 2.3, accuracy: 0.1), 10).Holds);    // does not learn
    }

    [Fact]
    [NegativeControl("07.2", "07.13")]
    public void A_sweep_whose_best_is_at_its_edge_or_no_better_than_the_default_fails()
    {
        var inside = RateSweep((1e-3, 0.6), (2e-3, 0.5), (4e-3, 0.55));
        Assert.True(new RateStepCheck(inside, 0.7, 1e-3).Holds);
        var monotone = RateSweep((1e-3, 0.7), (2e-3, 0.6), (4e-3, 0.5));                     // still falling at the top
        Assert.True(monotone.BestAtEdge);
        Assert.False(new RateStepCheck(monotone, 0.9, 1e-3).Holds);
        Assert.Contains("extend the range", monotone.ToString());
        var flat = RateSweep((1e-3, 0.5), (2e-3, 0.5), (4e-3, 0.5));                          // an inert knob: the first is "best", at the edge
        Assert.True(flat.BestAtEdge);
        Assert.False(new RateStepCheck(inside, 0.5, 1e-3).Holds);                               // no better than the default
    }

    [Fact]
    public void The_edge_aware_sweep_extends_a_range_whose_best_is_at_the_top()
    {
        var data = TrackingData.Moons().Load();
        var hp = TrackingData.Small(0) with { Epochs = 2 };
        var sweep = EdgeAwareSweep.Run(data, hp, [1e-5, 2e-5, 4e-5], maxExtensions: 2);       // far too low: the best is the top, twice
        Assert.Equal([8e-5, 1.6e-4], sweep.Added);
        Assert.True(sweep.BestAtEdge);
        Assert.Equal(5, sweep.Sweep.Points.Count);
    }

    private static SearchResult Search(string name, params double[] losses)
    {
        var space = new SearchSpace(SearchDimension.Log("lr", 1e-4, 1e-1, (hp, v) => hp with { LearningRate = v }));
        return new SearchResult(name, space, losses.Select((l, i) => new SearchTrial(new SearchPoint([("lr", 1e-3 * (i + 1))]), ChildProcess.Synthetic(name, i + 1, l))).ToList());
    }

    [Fact]
    [NegativeControl("07.3")]
    public void Quasi_random_searches_no_better_than_the_grid_fail()
    {
        var grid = Search("grid", 0.50, 0.60);
        var better = Enumerable.Range(0, 5).Select(i => Search($"q{i}", 0.45, 0.7)).ToList();
        Assert.True(new SearchComparison(grid, better, 4).Holds);
        var same = Enumerable.Range(0, 5).Select(i => Search($"q{i}", 0.50, 0.7)).ToList();     // ties are no wins
        Assert.False(new SearchComparison(grid, same, 4).Holds);
        var lucky = Enumerable.Range(0, 5).Select(i => Search($"q{i}", i < 3 ? 0.45 : 0.55)).ToList();   // 3 of 5: one draw is not a win rate
        Assert.False(new SearchComparison(grid, lucky, 4).Holds);
    }

    [Fact]
    [NegativeControl("07.4")]
    public void Batches_that_diverge_or_spread_widely_fail()
    {
        SweepResult<int> Sweep(params History[] runs) => new("batch", runs.Select((h, i) => new SweepPoint<int>(64 << i, h)).ToList());
        Assert.True(new BatchChoice(Sweep(Run([0.50]), Run([0.51]), Run([0.53]))).Holds);
        Assert.Equal(128, new BatchChoice(Sweep(Run([0.50]), Run([0.51]), Run([0.60]))).Chosen.Value);
        Assert.False(new BatchChoice(Sweep(Run([0.50]), Run([0.55]), Run([0.75]))).Holds);      // the largest batch trains badly
        var diverged = Run([]) with { StopReason = StopReason.Diverged, Divergence = new Divergence(3, double.NaN, "NaN") };
        Assert.False(new BatchChoice(Sweep(Run([0.50]), Run([0.51]), diverged)).Holds);
    }

    [Fact]
    [NegativeControl("07.5")]
    public void A_run_that_used_its_whole_budget_or_kept_a_later_epoch_fails()
    {
        var stopped = Run([0.6, 0.5, 0.55, 0.56, 0.57], stop: StopReason.EarlyStopped, restored: 2, hp: Hp with { Epochs = 30 });
        Assert.True(new EarlyStopCheck(stopped).Holds);
        Assert.False(new EarlyStopCheck(Run([0.6, 0.5, 0.45], hp: Hp with { Epochs = 3 })).Holds);                      // never stopped
        Assert.False(new EarlyStopCheck(stopped with { RestoredEpoch = null }).Holds);                                   // kept the last epoch, not the best
    }

    [Fact]
    [NegativeControl("07.7")]
    public void Regularization_that_does_not_narrow_the_gap_fails()
    {
        var without = new TrainValidationGap("bare", 0.20, 0.45);
        Assert.True(new GapCheck(without, new TrainValidationGap("regularized", 0.30, 0.42)).Holds);
        Assert.False(new GapCheck(without, new TrainValidationGap("inert", 0.20, 0.45)).Holds);       // an inert regularizer
        Assert.False(new GapCheck(without, new TrainValidationGap("worse", 0.15, 0.48)).Holds);
    }

    [Fact]
    public void The_gap_is_measured_with_dropout_off()
    {
        var data = HyperLab.Tests.Training.TinyData.Moons();
        using var run = Trainer.Fit(new Hyperparameters { Depth = 1, Width = 32, Epochs = 3, Dropout = 0.5, Seed = 0 }, data);
        var gap = TrainValidationGap.Of(run, data);
        // The history's training loss is the mean over the epoch with dropout on: higher than the same model measured in eval mode.
        Assert.True(run.History.Epochs[^1].TrainLoss > gap.TrainLoss, $"{run.History.Epochs[^1].TrainLoss} vs {gap.TrainLoss}");
        Assert.Equal(run.History.FinalValidationLoss, gap.ValidationLoss, 5);
    }

    [Fact]
    [NegativeControl("07.10")]
    public void A_final_model_below_the_target_fails_and_the_optimism_gap_is_reported()
    {
        Assert.True(new FinalCheck(0.889, 0.90).Holds);
        var below = new FinalCheck(0.8833, 0.90);                     // the benchmark's MLP itself does not pass
        Assert.False(below.Holds);
        Assert.Equal(0.0167, below.OptimismGap, 4);
        Assert.Contains("0.8833", below.ToString());
    }

    [Fact]
    [NegativeControl("07.12")]
    public void A_csv_model_at_chance_fails()
    {
        Assert.True(new AccuracyTarget(Run([0.2], accuracy: 0.95), 0.9).Holds);
        Assert.False(new AccuracyTarget(Run([1.1], accuracy: 0.40), 0.9).Holds);
    }
}
