using System.Diagnostics;
using HyperLab.Data;
using HyperLab.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperLab.Training;

/// <summary>
/// The course's one training loop (lesson 00 opens the box; every later lesson calls it).
/// Mini-batch gradient descent with cross-entropy loss; returns a <see cref="History"/>. A run
/// whose loss becomes NaN, infinite or explodes stops and is marked diverged: a result, not an
/// exception. Fits run one at a time: TorchSharp's random generator (initial weights, dropout) is
/// process-wide, so a second fit started on another thread while one runs is refused with an
/// error (<see cref="FitGuard"/>) instead of silently changing both runs' numbers.
/// </summary>
public static class Trainer
{
    /// <summary>Observer used when <see cref="FitOptions.Observer"/> is not set: the notebook glue
    /// sets it to draw live progress. Default null (silent).</summary>
    public static ITrainingObserver? DefaultObserver { get; set; }

    /// <summary>Builds an <see cref="Mlp"/> from <paramref name="hp"/> (seeded) and trains it on
    /// <paramref name="data"/>: the one-line way to run an experiment.</summary>
    public static TrainingResult Fit(Hyperparameters hp, DataSplits data, FitOptions? options = null)
    {
        using var guard = FitGuard.Enter();
        var model = Mlp.Create(data.Train.FeatureCount, data.Train.ClassCount, hp);
        return new TrainingResult(model, Fit(model, hp, data, options));
    }

    /// <summary>Trains an existing model in place (its shape is not read from <paramref name="hp"/>).
    /// The model it leaves behind is always the one the history describes: the best epoch's weights
    /// when early stopping restores them (also when the run diverged after its best epoch), else the
    /// last weights.</summary>
    public static History Fit(nn.Module<Tensor, Tensor> model, Hyperparameters hp, DataSplits data, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(hp);
        ArgumentNullException.ThrowIfNull(data);
        using var guard = FitGuard.Enter();
        FitChecks.BeforeFit(model, hp, data, options);
        options ??= new FitOptions();
        var run = new RunInfo(options.Label ?? hp.ToString(), hp, Batches.PerEpoch(data.Train.Count, hp.BatchSize), data.Train.Count);
        var observer = options.Observer ?? DefaultObserver;
        var stopping = options.EarlyStopping ?? (hp.Patience is int p ? new EarlyStopping(p) : null);
        if (stopping is not null && !options.EvaluateEachEpoch)
            throw new ArgumentException("Early stopping watches the validation set after every epoch: leave FitOptions.EvaluateEachEpoch on, or drop the early-stopping rule.", nameof(options));
        var clock = Stopwatch.StartNew();
        observer?.RunStarted(run);

        using var fitScope = NewDisposeScope();
        var (xTrain, yTrain) = data.Train.ToTensors();
        var (xVal, yVal) = data.Validation.ToTensors();
        using var dropoutRandom = FitRandom.Begin(hp.Seed); // dropout masks: this fit's own generator
        var random = new Random(hp.Seed);                 // augmentation
        using var flat = options.FlatParameters ? FlatParameters.Bind(model) : null;
        var optimizer = Optimizers.Create(flat is null ? model.parameters() : [flat.Values], hp);
        var schedule = hp.Schedule.Attach(optimizer, run.StepsPerEpoch, hp.Epochs);
        var monitor = stopping?.Start();
        Func<Tensor, Tensor>? augment = data.Train.ImageShape is int[] shape && !hp.Augmentation.IsNone
            ? batch => hp.Augmentation.Apply(batch, shape, random) : null;
        var step = new TrainStep(model, optimizer, xTrain, yTrain, hp.L1, augment);

        var steps = new List<StepRecord>();
        var epochs = new List<EpochRecord>();
        WeightSnapshot? best = null;
        Divergence? divergence = null;
        var stop = StopReason.Completed;
        bool controlStopped = false;
        double firstLoss = double.NaN;
        model.train();
        try
        {
            for (int epoch = 1; epoch <= hp.Epochs; epoch++)
            {
                var epochClock = Stopwatch.StartNew();
                double lossSum = 0, correct = 0;
                int seen = 0;
                foreach (var batch in Batches.ForEpoch(data.Train.Count, hp.BatchSize, hp.Seed, epoch))
                {
                    Platform.IntraOpThreads.Tick();   // one libtorch thread per core other programs leave free (docs/platform.md#p5-the-thread-count-can-follow-the-load)
                    // One update (TrainStep), then record it and stop if the run blew up.
                    options.StepControl?.BeforeStep(steps.Count + 1, optimizer);
                    var outcome = step.Take(batch);
                    schedule.StepEnded();
                    steps.Add(new StepRecord(steps.Count + 1, epoch, outcome.Loss, outcome.LearningRate));
                    if (steps.Count == 1) firstLoss = outcome.Loss;
                    divergence = CheckDivergence(steps.Count, outcome.Loss, firstLoss, options.ExplodeFactor);
                    if (divergence is not null) break;
                    lossSum += outcome.Loss * outcome.Count;
                    correct += outcome.Correct;
                    seen += outcome.Count;
                    controlStopped = options.StepControl?.AfterStep(steps.Count, outcome) ?? false;
                    if (controlStopped || steps.Count >= options.MaxSteps) break;
                }
                if (divergence is not null) { stop = StopReason.Diverged; break; }

                // Measure on validation data once per epoch.
                var (valLoss, valAcc) = options.EvaluateEachEpoch ? Evaluation.Measure(model, xVal, yVal) : (double.NaN, double.NaN);
                var record = new EpochRecord(epoch, lossSum / seen, correct / seen, valLoss, valAcc,
                    epochClock.Elapsed.TotalSeconds, Optimizers.RateOf(optimizer));
                epochs.Add(record);
                schedule.EpochEnded(valLoss);
                observer?.EpochEnded(run, record);

                // Early stopping keeps the best weights and may end the run.
                if (monitor is not null)
                {
                    var (isBest, patienceRanOut) = monitor.Observe(record);
                    if (isBest && stopping!.RestoreBestWeights) { best?.Dispose(); best = WeightSnapshot.Capture(model); }
                    if (isBest && stopping!.CheckpointPath is string checkpoint) Checkpoint.SaveDuringFit(model, checkpoint);
                    if (patienceRanOut) { stop = StopReason.EarlyStopped; break; }
                }
                if (controlStopped || steps.Count >= options.MaxSteps) break;
            }

            // Hand back the weights the history describes: the best epoch's when they were kept and
            // the model has moved on since (more epochs, or a divergence after the best epoch).
            int? restored = null;
            if (best is not null && (monitor!.BestEpoch != epochs.Count || divergence is not null))
            {
                best.RestoreInto(model);
                restored = monitor.BestEpoch;
            }
            var history = new History(run.Label, hp, steps, epochs, stop, divergence, restored, clock.Elapsed.TotalSeconds);
            observer?.RunEnded(run, history);
            return history;
        }
        finally
        {
            best?.Dispose();
            optimizer.Dispose();
        }
    }

    /// <summary>NaN, ∞, or a loss above <paramref name="factor"/> × the first step's loss.</summary>
    internal static Divergence? CheckDivergence(int step, double loss, double firstLoss, double factor)
    {
        if (double.IsNaN(loss)) return new Divergence(step, loss, "loss became NaN");
        if (double.IsInfinity(loss)) return new Divergence(step, loss, "loss became infinite");
        if (step > 1 && loss > factor * firstLoss)
            return new Divergence(step, loss, $"loss exploded to {loss:G3}, more than {factor:G}× the first step's {firstLoss:0.###}");
        return null;
    }
}
