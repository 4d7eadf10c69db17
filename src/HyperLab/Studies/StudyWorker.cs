using System.Diagnostics;
using HyperLab.Data;
using HyperLab.Tracking;
using HyperLab.Training;
using HyperLab.Tuning;

namespace HyperLab.Studies;

/// <summary>How a <see cref="StudyWorker"/> runs. Every field has a default; a value out of its range is refused when
/// it is set, with a <see cref="HyperparameterException"/>.</summary>
public sealed record WorkerOptions
{
    /// <summary>Stop after this many trials written; null (default) for no limit.</summary>
    public int? MaxTrials { get; init => field = value is null ? null : Valid.Int(nameof(MaxTrials), value.Value, 1, int.MaxValue, "null (no limit), or 5 for a short demonstration"); }

    /// <summary>Claim no new trial after this long; null (default) for no limit.</summary>
    public TimeSpan? Deadline { get; init => field = value is not { } d || d > TimeSpan.Zero ? value : throw new HyperparameterException(nameof(Deadline), d, "null (no limit) or a positive time", "TimeSpan.FromMinutes(10)"); }

    /// <summary>Keep polling while other workers still run trials, so a trial whose worker died is
    /// taken over after the heartbeat timeout. Default true; false stops as soon as nothing is pending.</summary>
    public bool WaitForOthers { get; init; } = true;

    /// <summary>Wait this long after claiming each trial, before training (heartbeats go on): to
    /// show a class what happens when a worker dies mid-trial. Default zero.</summary>
    public TimeSpan Hold { get; init => field = value >= TimeSpan.Zero ? value : throw new HyperparameterException(nameof(Hold), value, "zero or a positive time", "TimeSpan.Zero (TimeSpan.FromSeconds(30) to show a worker dying mid-trial)"); } = TimeSpan.Zero;

    /// <summary>Turns the data's splits into what is trained on (e.g. standardization fitted on
    /// the training split); null (default) trains on the splits as loaded.</summary>
    public Func<DataSplits, DataSplits>? Prepare { get; init; }

    /// <summary>Options of each fit (its label is set per trial). Default: silent training.</summary>
    public FitOptions Fit { get; init; } = new();

    /// <summary>Where the worker says what it does (one line per event); null (default) for silence.</summary>
    public TextWriter? Log { get; init; }
}

/// <summary>What a worker did.</summary>
/// <param name="Worker">The worker's name.</param>
/// <param name="Written">Trials whose results it wrote.</param>
/// <param name="Discarded">Trials whose results were discarded (handed to another worker meanwhile).</param>
/// <param name="Final">The study's progress when the worker stopped.</param>
/// <param name="Seconds">How long it ran.</param>
public sealed record WorkerReport(string Worker, IReadOnlyList<int> Written, IReadOnlyList<int> Discarded, StudyProgress Final, double Seconds)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Worker}: wrote {Written.Count} trial(s){(Discarded.Count > 0 ? $", {Discarded.Count} discarded ({string.Join(", ", Discarded)})" : "")} in {Seconds:0.0} s; study: {Final}";
}

/// <summary>
/// Runs trials of a shared study (a class study): claims the next trial, builds its hyperparameters
/// from the study's quasi-random point, trains it with <see cref="Trainer.Fit(Hyperparameters, DataSplits, FitOptions?)"/>
/// while a background thread sends heartbeats, and writes the result; stops when every trial is
/// done (or at <see cref="WorkerOptions.MaxTrials"/> or <see cref="WorkerOptions.Deadline"/>).
/// The worker first checks that its search is the stored study's (<see cref="StudyDefinition.EnsureSameAs"/>).
/// </summary>
public sealed class StudyWorker
{
    private readonly IStudyStore store;
    private readonly StudyDefinition definition;
    private readonly SearchSpace space;
    private readonly Hyperparameters baseline;

    /// <summary>A worker for <paramref name="definition"/>, which this process built from <paramref name="space"/> and <paramref name="baseline"/>.</summary>
    /// <param name="store">The shared store.</param>
    /// <param name="definition">The study as this process defines it (<see cref="StudyDefinition.Create"/>).</param>
    /// <param name="space">The search space, with its Apply functions.</param>
    /// <param name="baseline">The hyperparameters the points are applied to.</param>
    /// <param name="name">A readable name (e.g. the learner's); a unique suffix (host, process id) is always added.</param>
    public StudyWorker(IStudyStore store, StudyDefinition definition, SearchSpace space, Hyperparameters baseline, string? name = null)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.definition = definition ?? throw new ArgumentNullException(nameof(definition));
        this.space = space ?? throw new ArgumentNullException(nameof(space));
        this.baseline = baseline ?? throw new ArgumentNullException(nameof(baseline));
        Name = UniqueName(name);
    }

    /// <summary>This worker's name in the store: the given name, the host and process id, and a random suffix.</summary>
    public string Name { get; }

    /// <summary>Runs trials until none is left (or a limit is reached).</summary>
    public WorkerReport Run(WorkerOptions? options = null)
    {
        options ??= new WorkerOptions();
        var clock = Stopwatch.StartNew();
        var stored = store.Open(definition.Id);
        stored.EnsureSameAs(definition);
        var heartbeatEvery = TimeSpan.FromSeconds(Math.Clamp(stored.HeartbeatSeconds / 4, 0.2, 15));
        var splits = definition.Data.Load();
        if (options.Prepare is not null) splits = options.Prepare(splits);
        var written = new List<int>();
        var discarded = new List<int>();
        options.Log?.WriteLine($"worker {Name} joined {stored} in {store.Describe}");

        while ((options.MaxTrials is not int max || written.Count < max) && (options.Deadline is not TimeSpan d || clock.Elapsed < d))
        {
            var claim = store.ClaimNext(definition.Id, Name);
            if (claim is null)
            {
                var progress = store.Progress(definition.Id);
                if (progress.Finished || (progress.Pending == 0 && !options.WaitForOthers)) break;
                Thread.Sleep(progress.Pending > 0 ? TimeSpan.FromMilliseconds(50) : heartbeatEvery);   // pending: rows briefly locked by others
                continue;
            }
            options.Log?.WriteLine($"claimed trial {claim.Trial} (attempt {claim.Attempt})");
            var completion = RunTrial(claim, options, splits, heartbeatEvery);
            options.Log?.WriteLine(completion.Message);
            (completion.Stored ? written : discarded).Add(claim.Trial);
        }
        var report = new WorkerReport(Name, written, discarded, store.Progress(definition.Id), clock.Elapsed.TotalSeconds);
        options.Log?.WriteLine(report);
        return report;
    }

    private Completion RunTrial(TrialClaim claim, WorkerOptions options, DataSplits splits, TimeSpan heartbeatEvery)
    {
        using var stop = new CancellationTokenSource();
        var heartbeat = new Thread(() => Beat(claim, heartbeatEvery, options.Log, stop.Token)) { IsBackground = true, Name = "study heartbeat" };
        heartbeat.Start();
        try
        {
            if (options.Hold > TimeSpan.Zero) Thread.Sleep(options.Hold);
            var point = definition.PointOf(claim.Trial, space);
            var hp = point.ApplyTo(baseline, space);
            var started = DateTime.UtcNow;
            using var run = Trainer.Fit(hp, splits, options.Fit with { Label = $"{definition.Id} #{claim.Trial}: {point}" });
            var record = TrialRecord.Of(definition.Id, claim.Trial, run.History, definition.Data, started);
            stop.Cancel();
            heartbeat.Join();
            return store.Complete(claim, record);
        }
        finally
        {
            stop.Cancel();
            heartbeat.Join();
        }
    }

    private void Beat(TrialClaim claim, TimeSpan every, TextWriter? log, CancellationToken stop)
    {
        bool warned = false;
        while (!stop.WaitHandle.WaitOne(every))
        {
            try
            {
                if (!store.Heartbeat(claim) && !warned)
                {
                    log?.WriteLine($"trial {claim.Trial} was handed to another worker (this worker's heartbeat was late); its result will be discarded");
                    warned = true;
                }
            }
            catch (StudyException e)
            {
                log?.WriteLine($"heartbeat of trial {claim.Trial} failed: {e.Message}");
            }
        }
    }

    private static string UniqueName(string? name)
    {
        string prefix = string.IsNullOrWhiteSpace(name) ? Environment.UserName : name.Trim();
        return $"{prefix}@{Environment.MachineName}#{Environment.ProcessId}-{Random.Shared.Next(0x10000):x4}";
    }
}
