using System.Diagnostics;
using HyperLab.Data;
using HyperLab.Models;
using HyperLab.Schedules;
using HyperLab.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperLab.Finder;

/// <summary>
/// The learning-rate finder, or range test (lesson 01; Smith 2017, popularized by fastai): train for
/// about 100 mini-batches while the rate grows exponentially from 1e-7 to 10, smooth the loss, stop
/// once it blows up, and read a good rate off the curve (<see cref="Suggestions"/>). It costs about
/// 100 training steps plus a restore.
/// <para>Three common complaints about range-test tools, and what this one does about them:</para>
/// <list type="bullet">
/// <item><b>"The suggestion changes every run."</b> It depends on the initial weights and the
/// mini-batches. Here both come from <see cref="Hyperparameters.Seed"/>, so the same seed gives the
/// same curve and suggestion; <see cref="Spread"/> repeats the test over several seeds and reports the
/// median and the range of each suggestion, which is the honest answer to "how sure is this?".</item>
/// <item><b>"The finder leaves my model trained."</b> The weights, buffers, gradients, train/eval flag
/// and torch's random state are saved before the test and restored bit for bit after it (the test itself
/// seeds torch's generator with <see cref="Hyperparameters.Seed"/>, for its dropout masks); the test
/// runs on its own fresh optimizer (of the kind in <see cref="Hyperparameters.Optimizer"/>), so no
/// optimizer of yours is ever touched (its momentum and Adam moments stay as they were).</item>
/// <item><b>"The steepest point is fooled by early spikes."</b> Suggestions are read from the
/// bias-corrected smoothed curve with the first 10 and last 5 points skipped, and "steepest" is only
/// searched before the curve's minimum, with each slope measured across a decade of rate
/// (<see cref="Suggestions.Steepest"/>): a single unlucky mini-batch (loss ×3 at step 13) left it unchanged on
/// lesson 01's data for every seed tried. Valley, the default, looks at the whole descent; an early spike
/// moves it to a lower, more cautious rate (up to about 4× in the same trials).</item>
/// </list>
/// <para>How good is the suggestion? The valley is read from a 100-step test that does not know the training
/// budget, and it is cautious: on breast cancer and digits in 4 epochs, training at it ended 2-3.5× above a
/// brute-force sweep's robust best loss. <see cref="SuggestForBudget"/>, the default, sizes the tests to the planned
/// run and corrects the valley for the planned updates, at a cost of at most one planned run;
/// <see cref="SuggestBySweep"/> confirms the valley with a sweep at the budget, at many runs' cost. Both are measured
/// against brute-force sweeps in docs/lessons/01.md (<c>bench finder</c>).</para>
/// The test trains with the course's one training step (<see cref="TrainStep"/>) on the one loop
/// (<see cref="Trainer.Fit(nn.Module{Tensor, Tensor}, Hyperparameters, DataSplits, FitOptions?)"/>), so
/// weight decay, L1 and augmentation act as they do in training.
/// </summary>
public static class LearningRateFinder
{
    /// <summary>Runs the test on a fresh network built from <paramref name="hp"/> (seeded by
    /// <see cref="Hyperparameters.Seed"/>), then frees it.</summary>
    /// <param name="hp">Network shape, optimizer, weight decay, batch size and seed.</param>
    /// <param name="data">Its training set supplies the mini-batches.</param>
    /// <param name="settings">Range, steps, smoothing, stop rule; default <c>new FinderSettings()</c>.</param>
    /// <param name="label">Legend text; default "seed N".</param>
    public static FinderResult Run(Hyperparameters hp, DataSplits data, FinderSettings? settings = null, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var guard = FitGuard.Enter("LearningRateFinder.Run");
        using var model = Mlp.Create(data.Train.FeatureCount, data.Train.ClassCount, hp);
        return Run(model, hp, data, settings, label);
    }

    /// <summary>Runs the test on <paramref name="model"/> and restores it exactly afterwards.</summary>
    /// <param name="model">Any classifier; its state is the same before and after, bit for bit.</param>
    /// <param name="hp">Optimizer, weight decay, batch size and seed (for the mini-batch order).</param>
    /// <param name="data">Its training set supplies the mini-batches.</param>
    /// <param name="settings">Range, steps, smoothing, stop rule; default <c>new FinderSettings()</c>.</param>
    /// <param name="label">Legend text; default "seed N".</param>
    public static FinderResult Run(nn.Module<Tensor, Tensor> model, Hyperparameters hp, DataSplits data, FinderSettings? settings = null, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(hp);
        ArgumentNullException.ThrowIfNull(data);
        using var guard = FitGuard.Enter("LearningRateFinder.Run");
        FitChecks.BeforeFinder(model, data);
        settings ??= new FinderSettings();
        if (settings.EndRate <= settings.StartRate)
            throw new ArgumentException($"EndRate ({settings.EndRate}) must be above StartRate ({settings.StartRate}).", nameof(settings));
        var clock = Stopwatch.StartNew();
        var test = new RangeTest(settings);
        using var restorePoint = new RestorePoint(model);
        try
        {
            // The range test is an ordinary fit on the course's one loop with one callback: a constant
            // schedule that the test overrides before every step, no validation, no live progress, and no
            // explosion rule of the loop's own (the test has its own, on the smoothed loss).
            int stepsPerEpoch = Batches.PerEpoch(data.Train.Count, hp.BatchSize);
            var testHp = hp with { LearningRate = settings.StartRate, Schedule = Schedule.Constant, Patience = null, Epochs = Math.Min(10_000, (settings.Steps + stepsPerEpoch - 1) / stepsPerEpoch) };
            var history = Trainer.Fit(model, testHp, data, new FitOptions
            {
                Label = label,
                EvaluateEachEpoch = false,
                Callbacks = [test],
                ExplodeFactor = double.PositiveInfinity,
                MaxSteps = settings.Steps,
            });
            if (history.Divergence is not null) test.EndedNotFinite(history.Steps[^1]);
        }
        finally
        {
            restorePoint.Restore();
        }
        var smooth = Smoothing.BiasCorrected(test.Losses, settings.Smoothing);
        return new FinderResult(label ?? $"seed {hp.Seed}", hp, settings, test.Rates, test.Losses, smooth, test.Stop, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The range test as a callback: sets the exponentially growing rate before every
    /// update, records the loss, and ends the run once the smoothed loss blows up.</summary>
    private sealed class RangeTest(FinderSettings settings) : Callback
    {
        private readonly RunningAverage average = new(settings.Smoothing);
        private double best = double.PositiveInfinity;

        public List<double> Rates { get; } = [];
        public List<double> Losses { get; } = [];
        public FinderStop Stop { get; private set; } = FinderStop.ReachedEndRate;

        /// <summary>The loop stopped the run at a NaN or ∞ loss (before <see cref="AfterStep"/>): record that step too.</summary>
        public void EndedNotFinite(StepRecord last)
        {
            Rates.Add(last.LearningRate);
            Losses.Add(last.Loss);
            Stop = FinderStop.NotFinite;
        }

        public override void BeforeStep(FitContext fit) => fit.LearningRate = settings.RateAt(fit.Step);

        public override void AfterStep(FitContext fit, StepOutcome outcome)
        {
            Rates.Add(outcome.LearningRate);
            Losses.Add(outcome.Loss);
            double smoothed = average.Add(outcome.Loss);
            best = Math.Min(best, smoothed);
            if (fit.Step > 1 && smoothed > settings.StopFactor * best)
            {
                Stop = FinderStop.LossExploded;
                fit.Stop();
            }
        }
    }

    /// <summary>
    /// The default suggestion for a planned run (lesson 01), budget-aware and cheap: range tests whose steps add up to
    /// at most the planned run's updates (so finding the rate costs at most one more run), read at their own length,
    /// and the lowest point of the seeds' averaged curve scaled by a factor of the planned updates (<see cref="BudgetRule"/>;
    /// the plain valley of a 100-step test is 2-3.5× too cautious for a run of about 100 updates). Measured against brute-force sweeps in
    /// docs/lessons/01.md (<c>bench finder</c>): all three goals (≤ 1.10× the best, ≤ 2× between repetitions, ≤ 1 run) on
    /// 22 of 33 settings, 3 of the 7 written down last; it misses by choosing too high a rate for long runs on small data.
    /// </summary>
    /// <param name="hp">The planned run: network, optimizer, weight decay, batch size and epochs.</param>
    /// <param name="data">Its training set supplies the mini-batches and sets the updates per epoch.</param>
    /// <param name="seeds">Seeds of the range tests (the plan uses the first one to three); three is the usual choice.</param>
    /// <param name="rule">How to size the tests and correct the valley; default <see cref="BudgetRule.Default"/>.</param>
    public static BudgetedRate SuggestForBudget(Hyperparameters hp, DataSplits data, IReadOnlyList<int> seeds, BudgetRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(hp);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0) throw new ArgumentException("Give at least one seed (three is the usual choice).", nameof(seeds));
        rule ??= BudgetRule.Default;
        var plan = rule.Plan(hp.Epochs * Batches.PerEpoch(data.Train.Count, hp.BatchSize), hp.Epochs);
        var spread = Spread(hp, data, seeds.Take(plan.Seeds), plan.Settings);
        double valley = rule.Read(spread);
        if (!double.IsFinite(valley))
            throw new InvalidOperationException($"No range test gave a valley ({spread}): every test stopped almost at once. Lower the rule's StartRate or plan more updates.");
        return new BudgetedRate(plan, spread, valley, valley * plan.Correction);
    }

    /// <summary>
    /// A finder-seeded sweep: the range test on each of <paramref name="seeds"/> (<see cref="Spread"/>), then a sweep at
    /// the run's own budget around its valley (<see cref="ConfirmedRate.Run"/>: ×¼ to ×16, each rate on every seed).
    /// Expensive: the range tests plus 7 × seeds full training runs (its <see cref="ConfirmedRate.CostRuns"/>, 22-31 planned
    /// runs on the quality matrix). Measured there (docs/lessons/01.md): within 1.10× of a brute-force sweep's robust best on
    /// 18 of 19 settings, but a blind grid of the same cost did as well on 16 of them; it was better only on three held-out
    /// settings, modestly; on seven fresh settings it met the quality goals on 4 (its repetitions disagreed by more than
    /// 2× on three), as did the blind grid, where the cheap default met them on all 7; on seven unseen settings it and the
    /// blind grid each met them on 5, the cheap default on 3. The cheap default is <see cref="SuggestForBudget"/>.
    /// </summary>
    /// <param name="hp">The planned run: network, optimizer, weight decay, batch size and epochs.</param>
    /// <param name="data">Training and validation data.</param>
    /// <param name="seeds">Seeds of the range tests and of the confirming runs.</param>
    /// <param name="settings">Range-test settings; default <c>new FinderSettings()</c>.</param>
    /// <param name="options">How to run the confirming fits (e.g. a notebook's live progress); the range tests run silently. Default: silent.</param>
    public static ConfirmedRate SuggestBySweep(Hyperparameters hp, DataSplits data, IReadOnlyList<int> seeds, FinderSettings? settings = null, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var spread = Spread(hp, data, seeds, settings);
        return ConfirmedRate.Run(spread, hp, data, seeds: spread.Runs.Count, options: options);
    }

    /// <summary>
    /// Repeats the test once per seed, each time on a fresh network and mini-batch order from that
    /// seed, and summarizes how much each suggestion moves (lesson 01: the band on the finder chart).
    /// </summary>
    /// <param name="hp">Everything but the seed.</param>
    /// <param name="data">Its training set supplies the mini-batches.</param>
    /// <param name="seeds">At least one seed; the lesson uses three.</param>
    /// <param name="settings">Range, steps, smoothing, stop rule; default <c>new FinderSettings()</c>.</param>
    public static FinderSpread Spread(Hyperparameters hp, DataSplits data, IEnumerable<int> seeds, FinderSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var runs = seeds.Select(s => Run(hp with { Seed = s }, data, settings)).ToList();
        if (runs.Count == 0) throw new ArgumentException("Give at least one seed.", nameof(seeds));
        return new FinderSpread(runs);
    }
}
