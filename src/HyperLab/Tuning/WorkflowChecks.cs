using HyperLab.Data;
using HyperLab.Sweeps;
using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Tuning;

/// <summary>Lesson 07's step 1 check: a working baseline starts at ln C (uniform guessing) and learns.</summary>
/// <param name="FirstLoss">The first mini-batch's loss.</param>
/// <param name="Classes">Number of classes C.</param>
/// <param name="ValidationAccuracy">Final validation accuracy.</param>
/// <param name="MinAccuracy">Accuracy the baseline must reach. Default 0.75.</param>
public sealed record BaselineCheck(double FirstLoss, int Classes, double ValidationAccuracy, double MinAccuracy = 0.75)
{
    /// <summary>The check of <paramref name="run"/>.</summary>
    public static BaselineCheck Of(History run, int classes) =>
        new(run.Steps.Count > 0 ? run.Steps[0].Loss : double.NaN, classes, run.FinalValidationAccuracy);

    /// <summary>First loss within 0.2 of ln C, and validation accuracy at least <see cref="MinAccuracy"/>.</summary>
    public bool Holds => Math.Abs(FirstLoss - Math.Log(Classes)) < 0.2 && ValidationAccuracy >= MinAccuracy;

    /// <inheritdoc/>
    public override string ToString() => $"first loss {FirstLoss:0.###} (ln {Classes} = {Math.Log(Classes):0.###}), validation accuracy {ValidationAccuracy:0.###} (needs {MinAccuracy})";
}

/// <summary>Lesson 07's step 2 check: the rate sweep's best is inside its (extended) range and beats the default rate's run.</summary>
public sealed record RateStepCheck(EdgeAwareSweepResult Sweep, double DefaultLoss, double DefaultRate)
{
    /// <summary>Best not at an edge, and a lower validation loss than the default.</summary>
    public bool Holds => !Sweep.BestAtEdge && Sweep.Best.FinalValidationLoss < DefaultLoss;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Sweep}; best validation loss {Sweep.Best.FinalValidationLoss:0.####} vs {DefaultLoss:0.####} at the default η = {Hyperparameters.Fmt(DefaultRate)}";
}

/// <summary>Lesson 07's search comparison: one grid against quasi-random searches of the same budget, each with its own
/// Cranley-Patterson shift; the claim is the win rate, not one draw.</summary>
/// <param name="Grid">The grid search.</param>
/// <param name="Quasi">The quasi-random searches, one per shift.</param>
/// <param name="RequiredWins">Wins needed for the claim.</param>
public sealed record SearchComparison(SearchResult Grid, IReadOnlyList<SearchResult> Quasi, int RequiredWins)
{
    /// <summary>Shifts whose best validation loss is lower than the grid's.</summary>
    public int Wins => Quasi.Count(q => q.BestValidationLoss < Grid.BestValidationLoss);

    /// <summary>At least <see cref="RequiredWins"/> wins.</summary>
    public bool Holds => Wins >= RequiredWins;

    /// <summary>The best trial of all searches (grid and quasi-random), by validation loss.</summary>
    public SearchTrial Best => Quasi.Prepend(Grid).SelectMany(s => s.Trials).Where(t => double.IsFinite(t.Record.FinalValidationLoss))
        .Aggregate((a, b) => b.Record.FinalValidationLoss < a.Record.FinalValidationLoss ? b : a);

    /// <inheritdoc/>
    public override string ToString() =>
        $"quasi-random beat the grid in {Wins} of {Quasi.Count} shifts (needs {RequiredWins}); grid best {Grid.BestValidationLoss:0.####} " +
        $"({Grid.DistinctValues("lr")} learning rates tried); quasi-random bests {string.Join(", ", Quasi.Select(q => q.BestValidationLoss.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)))}";
}

/// <summary>Lesson 07's step 3: the largest batch within a tolerance of the sweep's best, and whether all batches trained stably.</summary>
/// <param name="Sweep">Batch sizes with their runs (the rate scaled with the batch).</param>
/// <param name="Tolerance">Nats a larger batch may lose and still be chosen. Default <see cref="TuningWorkflow.BatchTolerance"/>.</param>
/// <param name="Spread">Largest spread of validation losses for "all train stably". Default 0.1.</param>
public sealed record BatchChoice(SweepResult<int> Sweep, double Tolerance = TuningWorkflow.BatchTolerance, double Spread = 0.1)
{
    private IEnumerable<SweepPoint<int>> Finished => Sweep.Points.Where(p => !p.History.Diverged && double.IsFinite(p.History.FinalValidationLoss));

    /// <summary>The chosen point.</summary>
    public SweepPoint<int> Chosen
    {
        get
        {
            double best = Finished.Min(p => p.History.FinalValidationLoss);
            return Finished.Where(p => p.History.FinalValidationLoss <= best + Tolerance).MaxBy(p => p.Value)!;
        }
    }

    /// <summary>Largest minus smallest validation loss (∞ if a run diverged).</summary>
    public double Range => Sweep.Points.Any(p => p.History.Diverged || !double.IsFinite(p.History.FinalValidationLoss)) ? double.PositiveInfinity
        : Sweep.Points.Max(p => p.History.FinalValidationLoss) - Sweep.Points.Min(p => p.History.FinalValidationLoss);

    /// <summary>Every batch trained (no divergence) and the losses lie within <see cref="Spread"/>.</summary>
    public bool Holds => Range < Spread;

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join("; ", Sweep.Points.Select(p => $"batch {p.Value} (η {Hyperparameters.Fmt(p.History.Hyperparameters.LearningRate)}): " +
            (p.History.Diverged ? "diverged" : $"{p.History.FinalValidationLoss:0.####}"))) + $"; spread {Range:0.###}; chosen: batch {Chosen.Value}";
}

/// <summary>Lesson 07's step 4 check: early stopping ended the run before its budget and kept the best epoch.</summary>
public sealed record EarlyStopCheck(History Run)
{
    /// <summary>Stopped early, fewer epochs than the budget, and the final model is the lowest-validation-loss epoch.</summary>
    public bool Holds => Run.StopReason == StopReason.EarlyStopped && Run.Epochs.Count < Run.Hyperparameters.Epochs && Run.BestEpoch is { } best && Run.FinalValidationLoss == best.ValidationLoss;

    /// <inheritdoc/>
    public override string ToString() => Run.ToString();
}

/// <summary>The gap between training and validation loss, both measured after training with dropout off (lesson 07).
/// The training loss of a history is measured while the model learns, with dropout on, which inflates it for a
/// regularized model; this one is not.</summary>
/// <param name="Label">Which run.</param>
/// <param name="TrainLoss">Loss on the training set, evaluation mode.</param>
/// <param name="ValidationLoss">Loss on the validation set, evaluation mode.</param>
public sealed record TrainValidationGap(string Label, double TrainLoss, double ValidationLoss)
{
    /// <summary>Validation minus training loss.</summary>
    public double Gap => ValidationLoss - TrainLoss;

    /// <summary>Measures <paramref name="result"/>'s model on both sets in evaluation mode.</summary>
    public static TrainValidationGap Of(TrainingResult result, DataSplits data)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(data);
        using var scope = NewDisposeScope();
        var train = Evaluation.Measure(result.Model, data.Train);
        var validation = Evaluation.Measure(result.Model, data.Validation);
        return new TrainValidationGap(result.History.Label, train.Loss, validation.Loss);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Label}: training {TrainLoss:0.###}, validation {ValidationLoss:0.###}, gap {Gap:0.###} (dropout off for both)";
}

/// <summary>Lesson 07's step 6 check: regularization narrows the train-validation gap (both measured with dropout off).</summary>
public sealed record GapCheck(TrainValidationGap Without, TrainValidationGap With)
{
    /// <summary>The regularized gap is smaller.</summary>
    public bool Holds => With.Gap < Without.Gap;

    /// <inheritdoc/>
    public override string ToString() => $"without regularization: {Without}; with: {With}";
}

/// <summary>Lesson 07's final claim: the test accuracy of the workflow's pick, beside the benchmark MLP and the same
/// model's validation accuracy (the optimism gap).</summary>
/// <param name="TestAccuracy">The one test evaluation.</param>
/// <param name="ValidationAccuracy">The same model on the validation set.</param>
/// <param name="Target">Test accuracy the claim requires. Default 0.885.</param>
/// <param name="Benchmark">The Fashion-MNIST benchmark table's MLP (256-128-100): 0.8833.</param>
public sealed record FinalCheck(double TestAccuracy, double ValidationAccuracy, double Target = 0.885, double Benchmark = 0.8833)
{
    /// <summary>Test accuracy at least <see cref="Target"/>.</summary>
    public bool Holds => TestAccuracy >= Target;

    /// <summary>Validation minus test accuracy: how optimistic the number we chose by was.</summary>
    public double OptimismGap => ValidationAccuracy - TestAccuracy;

    /// <inheritdoc/>
    public override string ToString() =>
        $"test accuracy {TestAccuracy:0.####} (needs {Target}; the benchmark's MLP {Benchmark}); the same model's validation accuracy {ValidationAccuracy:0.####}, " +
        $"optimism gap {OptimismGap:+0.####;-0.####}";
}

/// <summary>An accuracy target on validation (lesson 07's own-CSV step).</summary>
public sealed record AccuracyTarget(History Run, double Target)
{
    /// <summary>Final validation accuracy at least <see cref="Target"/>.</summary>
    public bool Holds => Run.FinalValidationAccuracy >= Target;

    /// <inheritdoc/>
    public override string ToString() => $"{Run} (needs validation accuracy {Target})";
}
