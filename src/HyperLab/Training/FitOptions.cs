namespace HyperLab.Training;

/// <summary>
/// How to run a fit, as opposed to what to train (that is <see cref="Hyperparameters"/>). Every
/// field has a default, so <c>Trainer.Fit(hp, data)</c> needs none.
/// </summary>
public sealed record FitOptions
{
    /// <summary>Legend and log label. Default: <see cref="Hyperparameters.ToString"/>.</summary>
    public string? Label { get; init; }

    /// <summary>Early-stopping rule; overrides <see cref="Hyperparameters.Patience"/> when set. Default null.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Observer for this run; default <see cref="Trainer.DefaultObserver"/>.</summary>
    public ITrainingObserver? Observer { get; init; }

    /// <summary>A run is marked diverged when a step's loss exceeds this multiple of the first
    /// step's loss (as well as on NaN or ∞). Default 10: for 10 classes the first loss is about
    /// ln 10 ≈ 2.3, so a loss above 23 means the run blew up.</summary>
    public double ExplodeFactor { get; init; } = 10;

    /// <summary>Stop after this many updates in total (null, the default: no limit). Used to train
    /// for a fixed number of steps rather than epochs.</summary>
    public int? MaxSteps { get; init; }
}
