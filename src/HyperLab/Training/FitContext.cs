using System.Diagnostics;
using static TorchSharp.torch;

namespace HyperLab.Training;

/// <summary>What a run is about to do: its label, settings and size.</summary>
/// <param name="Label">The run's label (legend text).</param>
/// <param name="Hyperparameters">Its settings.</param>
/// <param name="StepsPerEpoch">Updates per epoch.</param>
/// <param name="TrainCount">Training examples.</param>
public sealed record RunInfo(string Label, Hyperparameters Hyperparameters, int StepsPerEpoch, int TrainCount);

/// <summary>
/// One fit as its <see cref="Callback"/>s see it: what runs (<see cref="Run"/>, <see cref="Model"/>,
/// <see cref="Optimizer"/>), how far it got (<see cref="Epoch"/>, <see cref="Step"/>, the records so far), and the
/// three things a callback may change: the learning rate, whether the run stops, and which epoch's weights the
/// model holds at the end.
/// </summary>
public sealed class FitContext
{
    private readonly List<StepRecord> steps = [];
    private readonly List<EpochRecord> epochs = [];
    private readonly Stopwatch clock;
    private History? final;
    private int? restoredEpoch;

    internal FitContext(RunInfo run, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Stopwatch clock)
    {
        Run = run;
        Model = model;
        Optimizer = optimizer;
        this.clock = clock;
    }

    /// <summary>The run's label, settings and size.</summary>
    public RunInfo Run { get; }

    /// <summary>The run's settings (<see cref="RunInfo.Hyperparameters"/>).</summary>
    public Hyperparameters Hyperparameters => Run.Hyperparameters;

    /// <summary>The network being trained.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>The optimizer of this run (fresh for every fit); a schedule drives it.</summary>
    public optim.Optimizer Optimizer { get; }

    /// <summary>The current epoch, from 1 (0 before the first).</summary>
    public int Epoch { get; internal set; }

    /// <summary>Updates done so far.</summary>
    public int Step => steps.Count;

    /// <summary>Every update so far.</summary>
    public IReadOnlyList<StepRecord> Steps => steps;

    /// <summary>Every finished epoch so far.</summary>
    public IReadOnlyList<EpochRecord> Epochs => epochs;

    /// <summary>The optimizer's learning rate; setting it in <see cref="Callback.BeforeStep"/> sets the next update's rate.</summary>
    public double LearningRate
    {
        get => Optimizers.RateOf(Optimizer);
        set => Optimizers.SetRate(Optimizer, value);
    }

    /// <summary>True once a callback called <see cref="Stop"/>: the loop ends after the current step (or epoch).</summary>
    public bool StopRequested { get; private set; }

    /// <summary>How the run ended (or will end): <see cref="StopReason.Completed"/> unless a callback or a divergence said otherwise.</summary>
    public StopReason StopReason { get; private set; } = StopReason.Completed;

    /// <summary>Where the loss diverged (null while it has not).</summary>
    public Divergence? Divergence { get; private set; }

    /// <summary>Ends the run after the current step, or after the current epoch's callbacks when called in
    /// <see cref="Callback.AfterEpoch"/>. A specific reason (early stopping) wins over <see cref="StopReason.Completed"/>.</summary>
    /// <param name="reason">Why: <see cref="StopReason.EarlyStopped"/> for early stopping; the default
    /// <see cref="StopReason.Completed"/> for a run that simply has what it needs (the finder's range test).</param>
    public void Stop(StopReason reason = StopReason.Completed)
    {
        if (!StopRequested || StopReason == StopReason.Completed) StopReason = reason;
        StopRequested = true;
    }

    /// <summary>The epoch whose weights a callback put back into the model at the end of the run (null: the last
    /// weights). Set by the best-weights callback in <see cref="Callback.AfterFit"/>.</summary>
    public int? RestoredEpoch
    {
        get => restoredEpoch;
        set { restoredEpoch = value; final = null; }
    }

    /// <summary>The run's history: so far during the fit; in <see cref="Callback.AfterFit"/> the result the fit
    /// returns (the same instance).</summary>
    public History History => final ?? Build();

    internal bool Ended { get; private set; }

    internal void Add(StepRecord step) => steps.Add(step);

    internal void Add(EpochRecord epoch) => epochs.Add(epoch);

    internal void Diverged(Divergence divergence)
    {
        Divergence = divergence;
        StopRequested = true;
        StopReason = StopReason.Diverged;
    }

    internal void End() => Ended = true;

    private History Build()
    {
        var history = new History(Run.Label, Hyperparameters, steps, epochs, StopReason, Divergence, restoredEpoch, clock.Elapsed.TotalSeconds);
        if (Ended) final = history;
        return history;
    }
}
