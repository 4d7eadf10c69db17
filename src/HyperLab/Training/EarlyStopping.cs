using HyperLab.Monitoring;

namespace HyperLab.Training;

/// <summary>A quantity measured after every epoch, chosen by type rather than by string key.</summary>
public enum Metric
{
    /// <summary>Validation loss (lower is better).</summary>
    ValidationLoss,
    /// <summary>Validation accuracy (higher is better).</summary>
    ValidationAccuracy,
    /// <summary>Training loss (lower is better).</summary>
    TrainLoss,
}

/// <summary>
/// Early stopping (lesson 03), shaped like Keras's callback (and run as callbacks on the loop, <see cref="Callbacks"/>): watch <see cref="Monitor"/> after
/// each epoch; stop when it has not improved by more than <see cref="MinDelta"/> for
/// <see cref="Patience"/> epochs; optionally put back the best epoch's weights. The record is only
/// configuration: every fit starts with fresh state, so one instance can be reused.
/// </summary>
/// <param name="Patience">Epochs without improvement before stopping, at least 1. Default 5.</param>
/// <param name="Monitor">What to watch. Default <see cref="Metric.ValidationLoss"/>.</param>
/// <param name="MinDelta">Smallest change that counts as an improvement, at least 0. Default 0.</param>
/// <param name="RestoreBestWeights">Restore the best epoch's weights (exactly) when the run ends. Default true.</param>
/// <param name="StartFromEpoch">Epochs to wait before improvement is tracked (a warm-up). Default 0.</param>
/// <param name="CheckpointPath">When set, the best weights so far are also written to this file (TorchSharp's
/// own format inside a checked envelope, written atomically, see <see cref="Checkpoint"/>) each time the monitored metric improves, so the best model
/// survives the session; reload it with <see cref="Checkpoint.Load{T}"/>. Default null (kept in memory only).</param>
public sealed record EarlyStopping(int Patience = 5, Metric Monitor = Metric.ValidationLoss, double MinDelta = 0,
    bool RestoreBestWeights = true, int StartFromEpoch = 0, string? CheckpointPath = null)
{
    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; init => field = CheckPatience(value); } = CheckPatience(Patience);

    /// <summary>Smallest change that counts as an improvement.</summary>
    public double MinDelta { get; init => field = CheckMinDelta(value); } = CheckMinDelta(MinDelta);

    /// <summary>Epochs to wait before improvement is tracked.</summary>
    public int StartFromEpoch { get; init => field = CheckStart(value); } = CheckStart(StartFromEpoch);

    private static int CheckPatience(int value) => value >= 1 ? value
        : throw new HyperparameterException(nameof(Patience), value, "a whole number of epochs, at least 1", "5");

    private static double CheckMinDelta(double value) => value >= 0 && double.IsFinite(value) ? value
        : throw new HyperparameterException(nameof(MinDelta), value, "a finite number, 0 or more", "0");

    /// <summary>What to watch.</summary>
    public Metric Monitor { get; init => field = Valid.Defined(nameof(Monitor), value, Metric.ValidationLoss); } = Valid.Defined(nameof(Monitor), Monitor, Metric.ValidationLoss);

    private static int CheckStart(int value) => value >= 0 ? value
        : throw new HyperparameterException(nameof(StartFromEpoch), value, "0 or more", "0");

    internal bool HigherIsBetter => Monitor == Metric.ValidationAccuracy;

    internal static double Read(EpochRecord e, Metric m) => m switch
    {
        Metric.ValidationAccuracy => e.ValidationAccuracy,
        Metric.TrainLoss => e.TrainLoss,
        _ => e.ValidationLoss,
    };

    /// <summary>The callbacks that apply this rule to one fit, in their order: an <see cref="EarlyStoppingCallback"/>,
    /// a <see cref="BestWeightsCallback"/> when <see cref="RestoreBestWeights"/> is on, and a
    /// <see cref="CheckpointCallback"/> when <see cref="CheckpointPath"/> is set. Fresh state every call.</summary>
    public IReadOnlyList<Callback> Callbacks()
    {
        var monitor = new EarlyStoppingCallback(this);
        var callbacks = new List<Callback> { monitor };
        if (RestoreBestWeights) callbacks.Add(new BestWeightsCallback(monitor));
        if (CheckpointPath is string path) callbacks.Add(new CheckpointCallback(monitor, path));
        return callbacks;
    }

    /// <summary>Starts the per-run state.</summary>
    public EarlyStoppingTracker Start() => new(this);

    /// <summary>Why and when a run that used this rule ended: replays the rule over the run's epochs (the
    /// same decisions the training loop made) and reads the stop reason and restored epoch from the history.</summary>
    /// <param name="history">A run trained with this rule.</param>
    public EarlyStoppingReport Explain(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var tracker = Start();
        foreach (var epoch in history.Epochs) tracker.Observe(epoch);
        return new EarlyStoppingReport(this, history.StopReason, history.Epochs.Count, tracker.BestEpoch,
            tracker.BestValue, tracker.Wait, history.RestoredEpoch);
    }

    /// <summary>"validation loss, patience 5, min delta 0, restore best weights".</summary>
    public override string ToString() =>
        $"{Describe(Monitor)}, patience {Patience}, min delta {Hyperparameters.Fmt(MinDelta)}" +
        (StartFromEpoch > 0 ? $", from epoch {StartFromEpoch}" : "") +
        (RestoreBestWeights ? ", restore best weights" : "") +
        (CheckpointPath is null ? "" : $", checkpoint {CheckpointPath}");

    /// <summary>The metric in words: "validation loss".</summary>
    public static string Describe(Metric metric) => metric switch
    {
        Metric.ValidationAccuracy => "validation accuracy",
        Metric.TrainLoss => "training loss",
        _ => "validation loss",
    };
}

/// <summary>The state of <see cref="EarlyStopping"/> during one run: a <see cref="MetricMonitor"/> (the
/// same one reduce-on-plateau uses) fed with the rule's metric after every epoch.</summary>
public sealed class EarlyStoppingTracker(EarlyStopping rule)
{
    private readonly MetricMonitor monitor = new(rule.Patience, rule.MinDelta, rule.HigherIsBetter, rule.StartFromEpoch);

    /// <summary>The best epoch so far (0 before any).</summary>
    public int BestEpoch => monitor.BestEpoch;

    /// <summary>Epochs since the last improvement.</summary>
    public int Wait => monitor.Wait;

    /// <summary>The monitored metric's value at <see cref="BestEpoch"/> (NaN before any).</summary>
    public double BestValue => monitor.BestValue;

    /// <summary>Records one epoch. Returns whether this epoch is the new best (so its weights are
    /// worth keeping) and whether the run should stop now.</summary>
    public (bool IsBest, bool Stop) Observe(EpochRecord epoch) => monitor.Observe(epoch.Epoch, EarlyStopping.Read(epoch, rule.Monitor));
}
