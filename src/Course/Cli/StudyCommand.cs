using HyperLab.Studies;
using HyperLab.Studies.Postgres;

namespace Course.Cli;

/// <summary>
/// <c>course study create|show|export|work</c>: a class study, one search whose trials many
/// workers run (every learner's machine, or several processes on one). The store is PostgreSQL
/// when a connection string is given (<c>--connection</c> or <c>HYPERLAB_STUDY</c>), otherwise a
/// folder of files (<c>--store DIR</c>, default <c>artifacts/studies</c>). The study is the demo
/// search (<see cref="DemoStudy"/>): breast cancer, a tiny budget, a trial in well under a second.
/// </summary>
public static class StudyCommand
{
    /// <summary>Runs one study subcommand (its options parsed by <see cref="CourseCommandLine"/>).</summary>
    /// <param name="verb">create, show, export or work.</param>
    /// <param name="o">The options.</param>
    /// <param name="log">Where the worker and the tables write.</param>
    /// <returns>0 on success, 1 when the study or its store refuses.</returns>
    public static int Run(string verb, StudyOptions o, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(o);
        try
        {
            using var store = OpenStore(o, log);
            log.WriteLine($"store: {store.Describe}");
            return verb switch
            {
                "create" => Create(store, o, log),
                "show" => Show(store, o, log),
                "export" => Export(store, o, log),
                _ => Work(store, o, log),
            };
        }
        catch (StudyException e)
        {
            log.WriteLine($"study {verb}: {e.Message}");
            return 1;
        }
    }

    private static IStudyStore OpenStore(StudyOptions o, TextWriter log)
    {
        string? connection = o.Connection ?? (o.Folder is null ? Environment.GetEnvironmentVariable(ConnectionText.EnvironmentVariable) : null);
        if (!string.IsNullOrWhiteSpace(connection))
            return PostgresStudyStore.Connect(connection, $"hyperlab-{o.Name ?? "course"}", log);
        return new FileStudyStore(o.Folder ?? DefaultFolder);
    }

    private static string DefaultFolder => Path.Combine(RepoRoot.Find(), "artifacts", "studies");

    private static StudyDefinition Define(StudyOptions o) =>
        DemoStudy.Define(o.Id, DefaultFolder, o.Trials ?? 100, o.Seed ?? 0, o.Heartbeat ?? StudyDefinition.DefaultHeartbeatSeconds);

    private static int Create(IStudyStore store, StudyOptions o, TextWriter log)
    {
        var stored = store.Create(Define(o));
        log.WriteLine($"ready: {stored}");
        log.WriteLine($"learners join with: course study work --id {stored.Id}  (same store)");
        return 0;
    }

    private static int Show(IStudyStore store, StudyOptions o, TextWriter log)
    {
        log.WriteLine(StudyResults.Read(store, o.Id).Format());
        return 0;
    }

    private static int Export(IStudyStore store, StudyOptions o, TextWriter log)
    {
        string path = o.Out ?? Path.Combine(RepoRoot.Find(), "artifacts", "studies", $"{o.Id}.jsonl");
        var results = StudyResults.Read(store, o.Id);
        int n = results.ExportJsonl(path);
        log.WriteLine($"wrote {n} trial record(s) of {results.Definition.Trials} to {path} ({results.Progress})");
        return 0;
    }

    private static int Work(IStudyStore store, StudyOptions o, TextWriter log)
    {
        if (o.Threads is int threads) TorchSharp.torch.set_num_threads(threads);
        var stored = store.Open(o.Id);
        // The worker rebuilds the search in code and checks it against the stored one.
        var local = DemoStudy.Define(o.Id, DefaultFolder, stored.Trials, stored.ShiftSeed, stored.HeartbeatSeconds);
        var worker = new StudyWorker(store, local, DemoStudy.Space, DemoStudy.Baseline, o.Name);
        var report = worker.Run(new WorkerOptions
        {
            MaxTrials = o.MaxTrials,
            Deadline = o.Minutes is double m ? TimeSpan.FromMinutes(m) : null,
            Hold = TimeSpan.FromSeconds(o.Hold ?? 0),
            WaitForOthers = !o.NoWait,
            Prepare = DemoStudy.Standardize,
            Log = log,
        });
        return 0;
    }

}

/// <summary>The options of <c>course study</c>; every field has a default.</summary>
public sealed record StudyOptions
{
    /// <summary>The study's id. Default "demo".</summary>
    public string Id { get; init; } = "demo";

    /// <summary>A PostgreSQL connection string; null: HYPERLAB_STUDY, else the folder store.</summary>
    public string? Connection { get; init; }

    /// <summary>The folder store; null for artifacts/studies.</summary>
    public string? Folder { get; init; }

    /// <summary>export: the JSON Lines file; null for artifacts/studies/ID.jsonl.</summary>
    public string? Out { get; init; }

    /// <summary>work: the worker's name.</summary>
    public string? Name { get; init; }

    /// <summary>create: trials in the study; null for 100.</summary>
    public int? Trials { get; init; }

    /// <summary>create: the quasi-random sequence's shift seed; null for 0.</summary>
    public int? Seed { get; init; }

    /// <summary>work: stop after this many trials; null for no limit.</summary>
    public int? MaxTrials { get; init; }

    /// <summary>work: torch's intra-op threads; null leaves torch's default.</summary>
    public int? Threads { get; init; }

    /// <summary>create: seconds without a heartbeat before a trial goes to another worker; null for the default.</summary>
    public double? Heartbeat { get; init; }

    /// <summary>work: claim no new trial after this many minutes; null for no limit.</summary>
    public double? Minutes { get; init; }

    /// <summary>work: seconds to hold each trial before training (a demonstration of a dying worker).</summary>
    public double? Hold { get; init; }

    /// <summary>work: stop as soon as nothing is pending instead of waiting for other workers.</summary>
    public bool NoWait { get; init; }
}
