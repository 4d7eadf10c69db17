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
/// exception. Run fits one at a time: TorchSharp's random generator (initial weights, dropout)
/// is process-wide, so two fits on different threads would disturb each other's seeds.
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

    /// <summary>Trains an existing model in place (its shape is not read from <paramref name="hp"/>).</summary>
    public static History Fit(nn.Module<Tensor, Tensor> model, Hyperparameters hp, DataSplits data, FitOptions? options = null)
    {
        using var guard = FitGuard.Enter();
        FitChecks.BeforeFit(model, hp, data, options);
        options ??= new FitOptions();
        var run = new RunInfo(options.Label ?? hp.ToString(), hp, Batches.PerEpoch(data.Train.Count, hp.BatchSize), data.Train.Count);
        var observer = options.Observer ?? DefaultObserver;
        var clock = Stopwatch.StartNew();
        observer?.RunStarted(run);

        using var fitScope = NewDisposeScope();
        var (xTrain, yTrain) = data.Train.ToTensors();
        var (xVal, yVal) = data.Validation.ToTensors();
        torch.manual_seed(hp.Seed);                       // dropout masks
        var random = new Random(hp.Seed);                 // augmentation
        var optimizer = Optimizers.Create(model.parameters(), hp);
        var schedule = hp.Schedule.Attach(optimizer, run.StepsPerEpoch, hp.Epochs);
        var stopping = options.EarlyStopping ?? (hp.Patience is int p ? new EarlyStopping(p) : null);
        var tracker = stopping?.Start();
        var l1Weights = hp.L1 > 0 ? model.named_parameters().Where(x => x.name.EndsWith("weight") && x.parameter.dim() > 1).Select(x => x.parameter).ToList() : null;

        var steps = new List<StepRecord>();
        var epochs = new List<EpochRecord>();
        WeightSnapshot? best = null;
        Divergence? divergence = null;
        var stop = StopReason.Completed;
        double firstLoss = double.NaN;
        model.train();
        try
        {
            for (int epoch = 1; epoch <= hp.Epochs && divergence is null; epoch++)
            {
                var epochClock = Stopwatch.StartNew();
                double lossSum = 0, correct = 0;
                int seen = 0;
                foreach (var batch in Batches.ForEpoch(data.Train.Count, hp.BatchSize, hp.Seed, epoch))
                {
                    using var scope = NewDisposeScope();
                    // 1. The mini-batch (augmented if asked; images only).
                    var idx = tensor(batch.Select(i => (long)i).ToArray());
                    var x = xTrain.index_select(0, idx);
                    var y = yTrain.index_select(0, idx);
                    if (data.Train.ImageShape is int[] shape) x = hp.Augmentation.Apply(x, shape, random);

                    // 2. Forward: scores and loss (plus the L1 penalty, which is not recorded as loss).
                    var logits = model.call(x);
                    var loss = nn.functional.cross_entropy(logits, y);
                    var objective = l1Weights is null ? loss : loss + hp.L1 * l1Weights.Select(w => w.abs().sum()).Aggregate((a, b) => a + b);

                    // 3. Backward and update: w ← w − η·∇L (the optimizer's version of it).
                    optimizer.zero_grad();
                    objective.backward();
                    double rate = Optimizers.RateOf(optimizer);
                    optimizer.step();
                    schedule.StepEnded();

                    // 4. Record, and stop if the run blew up.
                    double value = loss.item<float>();
                    steps.Add(new StepRecord(steps.Count + 1, epoch, value, rate));
                    if (steps.Count == 1) firstLoss = value;
                    divergence = CheckDivergence(steps.Count, value, firstLoss, options.ExplodeFactor);
                    if (divergence is not null) break;
                    lossSum += value * batch.Length;
                    correct += logits.argmax(1).eq(y).sum().item<long>();
                    seen += batch.Length;
                    if (options.MaxSteps is int max && steps.Count >= max) break;
                }
                if (divergence is not null) { stop = StopReason.Diverged; break; }

                // 5. Measure on validation data once per epoch.
                var (valLoss, valAcc) = Evaluation.Measure(model, xVal, yVal);
                var record = new EpochRecord(epoch, lossSum / seen, correct / seen, valLoss, valAcc,
                    epochClock.Elapsed.TotalSeconds, Optimizers.RateOf(optimizer));
                epochs.Add(record);
                schedule.EpochEnded(valLoss);
                observer?.EpochEnded(run, record);

                // 6. Early stopping keeps the best weights and may end the run.
                if (tracker is not null)
                {
                    var (isBest, shouldStop) = tracker.Observe(record);
                    if (isBest && stopping!.RestoreBestWeights) { best?.Dispose(); best = WeightSnapshot.Capture(model); }
                    if (isBest && stopping!.CheckpointPath is string checkpoint) Checkpoint.SaveDuringFit(model, checkpoint);
                    if (shouldStop) { stop = StopReason.EarlyStopped; break; }
                }
                if (options.MaxSteps is int m && steps.Count >= m) break;
            }

            int? restored = null;
            if (best is not null && tracker!.BestEpoch != epochs.Count)
            {
                best.RestoreInto(model);
                restored = tracker.BestEpoch;
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
