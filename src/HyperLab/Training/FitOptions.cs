namespace HyperLab.Training;

/// <summary>
/// How to run a fit, as opposed to what to train (that is <see cref="Hyperparameters"/>). Every
/// field has a default, so <c>Trainer.Fit(hp, data)</c> needs none; every value is checked when it
/// is set, so <c>with</c> cannot slip a bad one in.
/// </summary>
public sealed record FitOptions
{
    /// <summary>Legend and log label. Default: <see cref="Hyperparameters.ToString"/>.</summary>
    public string? Label { get; init; }

    /// <summary>Early-stopping rule; overrides <see cref="Hyperparameters.Patience"/> when set. Default null.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Callbacks of every fit made with these options (live progress, a log of your own, a learning-rate
    /// control): they run in <see cref="Callback.Order"/> among those the loop adds itself (the schedule of
    /// <see cref="Hyperparameters.Schedule"/>, early stopping). Default none: a silent fit. Add one with
    /// <c>options with { Callbacks = [.. options.Callbacks, mine] }</c>.</summary>
    public IReadOnlyList<Callback> Callbacks
    {
        get;
        init => field = value is not null && !value.Contains(null!) ? value
            : throw new ArgumentException("FitOptions.Callbacks cannot be null or hold null: use [] for none.", nameof(Callbacks));
    } = [];

    /// <summary>A run is marked diverged when a step's loss exceeds this multiple of the first
    /// step's loss (as well as on NaN or ∞). Valid: above 1 (∞ turns the check off). Default 10: for
    /// 10 classes the first loss is about ln 10 ≈ 2.3, so a loss above 23 means the run blew up.</summary>
    public double ExplodeFactor
    {
        get;
        init => field = value > 1 ? value : throw new HyperparameterException(nameof(ExplodeFactor), value, "a number above 1 (∞ to turn the check off)", "10");
    } = 10;

    /// <summary>Stop after this many updates in total. Valid: null (no limit, the default) or at least 1.
    /// Used to train for a fixed number of steps rather than epochs.</summary>
    public int? MaxSteps
    {
        get;
        init => field = value is null or >= 1 ? value : throw new HyperparameterException(nameof(MaxSteps), value, "null (no limit) or a whole number of at least 1", "null");
    }

    /// <summary>Measure the validation set after every epoch. Default true; the learning-rate finder
    /// turns it off (it reads only the training loss), and then early stopping cannot be used.</summary>
    public bool EvaluateEachEpoch { get; init; } = true;

    /// <summary>Lay all parameters and their gradients in one contiguous buffer each, so the optimizer
    /// updates them with a few large operations (<see cref="Training.FlatParameters"/>; the same numbers,
    /// bit for bit). Default true: it measured faster (<c>course bench loop</c>); false trains the
    /// model's own separate tensors.</summary>
    public bool FlatParameters { get; init; } = true;
}
