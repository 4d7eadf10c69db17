using System.Globalization;
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
    /// <summary>How to call <c>study</c>.</summary>
    public const string Usage = """
        study create [--id ID] [--trials N] [--seed S] [--heartbeat SECONDS] [STORE]
        study show   [--id ID] [STORE]
        study export [--id ID] [--out FILE] [STORE]
        study work   [--id ID] [--name NAME] [--max-trials N] [--minutes M] [--threads T] [--hold SECONDS] [--no-wait] [STORE]
          STORE: --connection "Host=…;Database=…;Username=…;Password=…" (or the HYPERLAB_STUDY variable) for PostgreSQL,
                 or --store DIR for a folder (default artifacts/studies). Default id: demo.
        """;

    /// <summary>Parses the arguments after <c>study</c> and runs the subcommand.</summary>
    /// <returns>0 on success, 1 when the study or its store refuses, 2 on bad usage.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter log)
    {
        if (args.Count == 0 || args[0] is not ("create" or "show" or "export" or "work"))
        {
            log.WriteLine($"study: say what to do. Usage:\n{Usage}");
            return 2;
        }
        if (!Options.TryParse(args.Skip(1).ToList(), out var o, out string? problem))
        {
            log.WriteLine($"study {args[0]}: {problem}. Usage:\n{Usage}");
            return 2;
        }
        try
        {
            using var store = OpenStore(o, log);
            log.WriteLine($"store: {store.Describe}");
            return args[0] switch
            {
                "create" => Create(store, o, log),
                "show" => Show(store, o, log),
                "export" => Export(store, o, log),
                _ => Work(store, o, log),
            };
        }
        catch (StudyException e)
        {
            log.WriteLine($"study {args[0]}: {e.Message}");
            return 1;
        }
    }

    private static IStudyStore OpenStore(Options o, TextWriter log)
    {
        string? connection = o.Connection ?? (o.Folder is null ? Environment.GetEnvironmentVariable(ConnectionText.EnvironmentVariable) : null);
        if (!string.IsNullOrWhiteSpace(connection))
            return PostgresStudyStore.Connect(connection, $"hyperlab-{o.Name ?? "course"}", log);
        return new FileStudyStore(o.Folder ?? DefaultFolder);
    }

    private static string DefaultFolder => Path.Combine(RepoRoot.Find(), "artifacts", "studies");

    private static StudyDefinition Define(Options o) =>
        DemoStudy.Define(o.Id, DefaultFolder, o.Trials ?? 100, o.Seed ?? 0, o.Heartbeat ?? StudyDefinition.DefaultHeartbeatSeconds);

    private static int Create(IStudyStore store, Options o, TextWriter log)
    {
        var stored = store.Create(Define(o));
        log.WriteLine($"ready: {stored}");
        log.WriteLine($"learners join with: course study work --id {stored.Id}  (same store)");
        return 0;
    }

    private static int Show(IStudyStore store, Options o, TextWriter log)
    {
        log.WriteLine(StudyResults.Read(store, o.Id).Format());
        return 0;
    }

    private static int Export(IStudyStore store, Options o, TextWriter log)
    {
        string path = o.Out ?? Path.Combine(RepoRoot.Find(), "artifacts", "studies", $"{o.Id}.jsonl");
        var results = StudyResults.Read(store, o.Id);
        int n = results.ExportJsonl(path);
        log.WriteLine($"wrote {n} trial record(s) of {results.Definition.Trials} to {path} ({results.Progress})");
        return 0;
    }

    private static int Work(IStudyStore store, Options o, TextWriter log)
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

    private sealed record Options
    {
        public string Id { get; init; } = "demo";
        public string? Connection { get; init; }
        public string? Folder { get; init; }
        public string? Out { get; init; }
        public string? Name { get; init; }
        public int? Trials { get; init; }
        public int? Seed { get; init; }
        public int? MaxTrials { get; init; }
        public int? Threads { get; init; }
        public double? Heartbeat { get; init; }
        public double? Minutes { get; init; }
        public double? Hold { get; init; }
        public bool NoWait { get; init; }

        public static bool TryParse(IReadOnlyList<string> args, out Options options, out string? problem)
        {
            options = new Options();
            problem = null;
            for (int i = 0; i < args.Count; i++)
            {
                string a = args[i];
                if (a == "--no-wait") { options = options with { NoWait = true }; continue; }
                if (!a.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                {
                    problem = a.StartsWith("--", StringComparison.Ordinal) ? $"{a} needs a value" : $"unexpected '{a}'";
                    return false;
                }
                string v = args[++i];
                Options? next = a switch
                {
                    "--id" => options with { Id = v },
                    "--connection" => options with { Connection = v },
                    "--store" => options with { Folder = Path.GetFullPath(v) },
                    "--out" => options with { Out = Path.GetFullPath(v) },
                    "--name" => options with { Name = v },
                    "--trials" when Int(v) is int n => options with { Trials = n },
                    "--seed" when Int(v) is int n => options with { Seed = n },
                    "--max-trials" when Int(v) is int n && n > 0 => options with { MaxTrials = n },
                    "--threads" when Int(v) is int n && n > 0 => options with { Threads = n },
                    "--heartbeat" when Real(v) is double x => options with { Heartbeat = x },
                    "--minutes" when Real(v) is double x && x > 0 => options with { Minutes = x },
                    "--hold" when Real(v) is double x && x >= 0 => options with { Hold = x },
                    _ => null,
                };
                if (next is null)
                {
                    problem = $"unknown option or bad value: {a} {(a == "--connection" ? "(hidden)" : v)}";
                    return false;
                }
                options = next;
            }
            return true;
        }

        private static int? Int(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : null;

        private static double? Real(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : null;
    }
}
