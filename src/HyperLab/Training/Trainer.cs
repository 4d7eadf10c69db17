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
/// <para>Everything beyond the update itself is a <see cref="Callback"/> on this loop (docs/callbacks.md): the
/// learning-rate schedule, early stopping with best-weights restore and checkpoints, the learning-rate finder's
/// range test, live progress, and any of <see cref="FitOptions.Callbacks"/>, called in <see cref="Callback.Order"/>.</para>
/// </summary>
public static class Trainer
{
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
        var stopping = options.EarlyStopping ?? (hp.Patience is int p ? new EarlyStopping(p) : null);
        if (stopping is not null && !options.EvaluateEachEpoch)
            throw new ArgumentException("Early stopping watches the validation set after every epoch: leave FitOptions.EvaluateEachEpoch on, or drop the early-stopping rule.", nameof(options));
        var run = new RunInfo(options.Label ?? hp.ToString(), hp, Batches.PerEpoch(data.Train.Count, hp.BatchSize), data.Train.Count);
        var clock = Stopwatch.StartNew();

        using var fitScope = NewDisposeScope();
        var (xTrain, yTrain) = data.Train.ToTensors();
        var (xVal, yVal) = data.Validation.ToTensors();
        using var dropoutRandom = FitRandom.Begin(hp.Seed); // dropout masks: this fit's own generator
        var random = new Random(hp.Seed);                 // augmentation
        using var flat = options.FlatParameters ? FlatParameters.Bind(model) : null;
        var optimizer = Optimizers.Create(flat is null ? model.parameters() : [flat.Values], hp);
        Func<Tensor, Tensor>? augment = data.Train.ImageShape is int[] shape && !hp.Augmentation.IsNone
            ? batch => hp.Augmentation.Apply(batch, shape, random) : null;
        var step = new TrainStep(model, optimizer, xTrain, yTrain, hp.L1, augment);

        // The run's own callbacks (schedule, early stopping) and the caller's, in their order (Callback.Order).
        List<Callback> own = [new ScheduleCallback(hp.Schedule), .. stopping?.Callbacks() ?? []];
        var callbacks = own.Concat(options.Callbacks).OrderBy(c => c.Order).ToList();   // OrderBy is stable
        var fit = new FitContext(run, model, optimizer, clock);
        double firstLoss = double.NaN;
        model.train();
        try
        {
            foreach (var c in callbacks) c.BeforeFit(fit);
            for (int epoch = 1; epoch <= hp.Epochs && !fit.StopRequested && !(fit.Step >= options.MaxSteps); epoch++)
            {
                fit.Epoch = epoch;
                foreach (var c in callbacks) c.BeforeEpoch(fit);
                var epochClock = Stopwatch.StartNew();
                double lossSum = 0, correct = 0;
                int seen = 0;
                foreach (var batch in Batches.ForEpoch(data.Train.Count, hp.BatchSize, hp.Seed, epoch))
                {
                    Platform.IntraOpThreads.Tick();   // one libtorch thread per core other programs leave free (docs/platform.md#p5-the-thread-count-can-follow-the-load)
                    // One update (TrainStep), then record it and stop if the run blew up.
                    foreach (var c in callbacks) c.BeforeStep(fit);
                    var outcome = step.Take(batch);
                    fit.Add(new StepRecord(fit.Step + 1, epoch, outcome.Loss, outcome.LearningRate));
                    if (fit.Step == 1) firstLoss = outcome.Loss;
                    if (CheckDivergence(fit.Step, outcome.Loss, firstLoss, options.ExplodeFactor) is Divergence d) { fit.Diverged(d); break; }
                    lossSum += outcome.Loss * outcome.Count;
                    correct += outcome.Correct;
                    seen += outcome.Count;
                    foreach (var c in callbacks) c.AfterStep(fit, outcome);
                    if (fit.StopRequested || fit.Step >= options.MaxSteps) break;
                }
                if (fit.Divergence is not null) break;

                // Measure on validation data once per epoch.
                var (valLoss, valAcc) = options.EvaluateEachEpoch ? Evaluation.Measure(model, xVal, yVal) : (double.NaN, double.NaN);
                var record = new EpochRecord(epoch, lossSum / seen, correct / seen, valLoss, valAcc,
                    epochClock.Elapsed.TotalSeconds, Optimizers.RateOf(optimizer));
                fit.Add(record);
                foreach (var c in callbacks) c.AfterEpoch(fit, record);
            }
            fit.End();
            foreach (var c in callbacks) c.AfterFit(fit);
            return fit.History;
        }
        finally
        {
            foreach (var c in own.OfType<IDisposable>()) c.Dispose();
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
