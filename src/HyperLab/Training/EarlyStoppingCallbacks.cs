namespace HyperLab.Training;

/// <summary>
/// Early stopping as a callback (lesson 03): after every epoch feeds the rule's metric to a fresh
/// <see cref="EarlyStoppingTracker"/> and stops the run (<see cref="StopReason.EarlyStopped"/>) when the patience
/// ran out. <see cref="BestWeightsCallback"/> and <see cref="CheckpointCallback"/> read <see cref="Improved"/> to keep
/// and save the best weights. <see cref="EarlyStopping.Callbacks"/> makes the set for a rule; the training loop does
/// so for <see cref="FitOptions.EarlyStopping"/> and <see cref="Hyperparameters.Patience"/>.
/// </summary>
/// <param name="rule">The rule: metric, patience, minimum change, warm-up.</param>
public sealed class EarlyStoppingCallback(EarlyStopping rule) : Callback
{
    private EarlyStoppingTracker? tracker;

    /// <summary>The rule this callback applies.</summary>
    public EarlyStopping Rule { get; } = rule ?? throw new ArgumentNullException(nameof(rule));

    /// <inheritdoc/>
    public override int Order => CallbackOrder.EarlyStopping;

    /// <summary>True when the epoch just seen is the best so far (its weights are worth keeping).</summary>
    public bool Improved { get; private set; }

    /// <summary>The best epoch so far (0 before any).</summary>
    public int BestEpoch => tracker?.BestEpoch ?? 0;

    /// <inheritdoc/>
    public override void BeforeFit(FitContext fit)
    {
        tracker = Rule.Start();
        Improved = false;
    }

    /// <inheritdoc/>
    public override void AfterEpoch(FitContext fit, EpochRecord epoch)
    {
        var (isBest, patienceRanOut) = tracker!.Observe(epoch);
        Improved = isBest;
        if (patienceRanOut) fit.Stop(StopReason.EarlyStopped);
    }
}

/// <summary>
/// Keeps an exact copy of the weights of the best epoch <paramref name="monitor"/> saw and, when the run ends with
/// the model moved on since (more epochs, or a divergence after the best epoch), puts them back and records
/// <see cref="FitContext.RestoredEpoch"/>: the model the fit leaves behind is the one the history describes.
/// </summary>
/// <param name="monitor">The early-stopping callback that decides which epoch is best.</param>
public sealed class BestWeightsCallback(EarlyStoppingCallback monitor) : Callback, IDisposable
{
    private WeightSnapshot? best;

    /// <inheritdoc/>
    public override int Order => CallbackOrder.BestWeights;

    /// <inheritdoc/>
    public override void BeforeFit(FitContext fit) => Dispose();

    /// <inheritdoc/>
    public override void AfterEpoch(FitContext fit, EpochRecord epoch)
    {
        if (!monitor.Improved) return;
        best?.Dispose();
        best = WeightSnapshot.Capture(fit.Model);
    }

    /// <inheritdoc/>
    public override void AfterFit(FitContext fit)
    {
        if (best is not null && (monitor.BestEpoch != fit.Epochs.Count || fit.Divergence is not null))
        {
            best.RestoreInto(fit.Model);
            fit.RestoredEpoch = monitor.BestEpoch;
        }
        Dispose();
    }

    /// <summary>Frees the kept weights.</summary>
    public void Dispose()
    {
        best?.Dispose();
        best = null;
    }
}

/// <summary>
/// Writes the model to <paramref name="path"/> each time <paramref name="monitor"/> sees a new best epoch
/// (<see cref="Checkpoint.SaveDuringFit"/>: a failed write is a warning, the run goes on), so the best model
/// survives the session.
/// </summary>
/// <param name="monitor">The early-stopping callback that decides which epoch is best.</param>
/// <param name="path">The checkpoint file.</param>
public sealed class CheckpointCallback(EarlyStoppingCallback monitor, string path) : Callback
{
    /// <summary>The checkpoint file.</summary>
    public string Path { get; } = path ?? throw new ArgumentNullException(nameof(path));

    /// <inheritdoc/>
    public override int Order => CallbackOrder.Checkpoint;

    /// <inheritdoc/>
    public override void AfterEpoch(FitContext fit, EpochRecord epoch)
    {
        if (monitor.Improved) Checkpoint.SaveDuringFit(fit.Model, Path);
    }
}
