namespace HyperLab.Lessons.Summary;

/// <summary>The five rows of lesson 08's summary table: the advice in words, and which measurements
/// (<see cref="Measured"/>) carry the numbers. The numbers themselves come from the results file.</summary>
public static class SummaryRows
{
    /// <summary>Learning rate, batch size, epochs, depth, regularization strength, in the course's order, then the
    /// five tuned together (lesson 07).</summary>
    public static IReadOnlyList<SummaryRowDefinition> Definitions { get; } =
    [
        new("Learning rate", "how far each update moves the weights",
            "the loss falls painfully slowly", "the loss jumps, explodes or becomes NaN",
            "1e-3 for Adam/AdamW, 0.01-0.1 for SGD with momentum; then a range test or a log-grid sweep",
            [Measured.BestAdamRate, Measured.BestSgdRate, Measured.FinderSuggestion, Measured.LearningRateSpreadRatio]),
        new("Batch size", "how many examples are averaged into one update",
            "noisy updates, slow per example, unstable at a large rate", "few updates per epoch, worse at a fixed budget, more memory",
            "32-256; when you change it, rescale the rate (linear for SGD, square root for Adam)",
            [Measured.ThroughputGain, Measured.LargeBatchPenalty, Measured.RateBatchSlope]),
        new("Epochs", "how many full passes over the training data",
            "underfits: validation loss still falling at the end", "overfits: validation loss turns up while training loss falls",
            "a generous budget with early stopping (patience about 5), keeping the best epoch",
            [Measured.EarlyStopEpoch, Measured.OverfitOnsetEpoch]),
        new("Network depth", "how many hidden layers",
            "underfits: training and validation both weak", "overfits small data, costs time, may not train (vanishing gradients)",
            "1-3 hidden layers for tables; a proven architecture for images, audio and text",
            [Measured.BestTableDepth]),
        new("Regularization strength", "how hard memorizing is discouraged (weight decay, dropout, ...)",
            "overfits: training much better than validation", "underfits: training loss stays high",
            "weight decay 1e-4 for Adam + L2 or SGD (grid 1e-3, 1e-4, 1e-5); AdamW's λ 1e-2 to 1 (it shrinks each weight by η·λ per update), " +
            "retuned when the rate changes; dropout 0.1-0.5; only once training beats validation",
            [Measured.BestWeightDecay, Measured.BestDropout, Measured.AdamWEffectiveDecayShift]),
        new("All five, tuned together", "the result of the tuning workflow",
            "a baseline left untuned", "tuning on the test set (its score becomes optimistic)",
            "lesson 07's seven steps: baseline, rate first, then batch, epochs, depth, regularization, all tracked",
            [Measured.TunedTestAccuracy]),
    ];
}

/// <summary>Short names of the measurements, for cells whose lesson has not run yet.</summary>
public static class MeasurementNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        [Measured.BestAdamRate] = "best AdamW rate",
        [Measured.BestSgdRate] = "best SGD-with-momentum rate",
        [Measured.FinderSuggestion] = "the finder's suggestion",
        [Measured.ThroughputGain] = "speed-up of batch 256 over batch 8",
        [Measured.LargeBatchPenalty] = "full-batch penalty at a fixed budget",
        [Measured.EarlyStopEpoch] = "epoch early stopping kept",
        [Measured.OverfitOnsetEpoch] = "onset of overfitting (epoch)",
        [Measured.BestTableDepth] = "best depth on a small table",
        [Measured.BestWeightDecay] = "best weight decay",
        [Measured.BestDropout] = "best dropout rate",
        [Measured.LearningRateSpreadRatio] = "how much more the rate matters than the others",
        [Measured.RateBatchSlope] = "how the best rate moves with the batch (log-log slope)",
        [Measured.AdamWEffectiveDecayShift] = "decades AdamW's best λ′ = η·λ moved across a decade of rates",
        [Measured.TunedTestAccuracy] = "the tuned model's test accuracy",
    };

    /// <summary>"best AdamW rate" for <see cref="Measured.BestAdamRate"/>; the key itself for a key without a name.</summary>
    public static string Of(string key) => Names.TryGetValue(key, out var name) ? name : key;
}

/// <summary>The course's lesson notebooks by number, for links (relative to the notebooks folder).</summary>
public static class LessonFiles
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["00"] = "00-parameters-and-hyperparameters.ipynb",
        ["01"] = "01-learning-rate.ipynb",
        ["02"] = "02-batch-size.ipynb",
        ["03"] = "03-epochs.ipynb",
        ["04"] = "04-depth.ipynb",
        ["05"] = "05-regularization.ipynb",
        ["06"] = "06-interactions.ipynb",
        ["07"] = "07-tuning-workflow.ipynb",
        ["08"] = "08-confusions-and-summary.ipynb",
    };

    /// <summary>The notebook of lesson <paramref name="lesson"/> ("01" gives "01-learning-rate.ipynb").</summary>
    /// <exception cref="ArgumentException">Not a lesson of the course (00 to 08).</exception>
    public static string File(string lesson) => Files.TryGetValue(lesson, out var f) ? f
        : throw new ArgumentException($"There is no lesson \"{lesson}\"; the lessons are 00 to 08.", nameof(lesson));

    /// <summary>The lesson a measurement key belongs to: "05.best-weight-decay" gives "05".</summary>
    public static string Of(string key) => key.Split('.')[0];

    /// <summary>Every lesson number, in order.</summary>
    public static IReadOnlyList<string> All => Files.Keys.Order().ToList();
}
