using System.CommandLine;
using System.CommandLine.Help;
using Course.Benchmarks;
using Course.Doctor;

namespace Course.Cli;

/// <summary>
/// The <c>course</c> command line, one tree of commands with typed options (System.CommandLine): each option's
/// range is checked while parsing and a bad value is an error that names the option, the value, the valid range and
/// a sensible value (<see cref="CliOptions"/>); the help text is generated from the tree (<c>course --help</c>,
/// <c>course run --help</c>), so the usage is written once. A parse error prints the errors and the command's help
/// and exits with 2.
/// </summary>
public static class CourseCommandLine
{
    /// <summary>The exit code of a command line that does not parse.</summary>
    public const int BadUsage = 2;

    /// <summary>Builds the command tree; the commands write to <paramref name="log"/>.</summary>
    public static RootCommand Build(TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var root = new RootCommand("Hyperparameters, hands-on: the course tool. Run the lessons headless, export them, publish the book and the site, check the environment, benchmark the training loop, run a class study.\nExample: dotnet run --project src/Course -- run 00 --seed 1");
        root.Subcommands.Add(Run(log));
        root.Subcommands.Add(Export(log));
        root.Subcommands.Add(Book(log));
        root.Subcommands.Add(Site(log));
        root.Subcommands.Add(Doctor(log));
        root.Subcommands.Add(Bench(log));
        root.Subcommands.Add(BenchChild(log));
        root.Subcommands.Add(Study(log));
        var help = new Command("help", "Show this help.") { Hidden = true };
        help.SetAction(_ => ShowHelp(root, [], log));
        root.Subcommands.Add(help);
        return root;
    }

    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> (no command runs).</summary>
    public static ParseResult Parse(RootCommand root, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.Parse(args);
    }

    /// <summary>True when the parsed command does work (not help, not a parse error): the process must prepare the platform first.</summary>
    public static bool RunsWork(ParseResult parsed) =>
        parsed.Errors.Count == 0 && parsed.Action is not HelpAction && parsed.CommandResult.Command.Name != "help";

    /// <summary>Prints each parse error with the command's path, then the command's help.</summary>
    /// <returns><see cref="BadUsage"/>.</returns>
    public static int ReportErrors(RootCommand root, ParseResult parsed, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(log);
        var path = CommandPath(parsed);
        string name = string.Join(' ', ["course", .. path]);
        foreach (var error in parsed.Errors) log.WriteLine($"{name}: {error.Message}");
        log.WriteLine();
        ShowHelp(root, path, log);
        return BadUsage;
    }

    /// <summary>Runs the parsed command.</summary>
    /// <returns>The command's exit code.</returns>
    public static Task<int> InvokeAsync(ParseResult parsed, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        // Exceptions reach Main as before, and Ctrl+C ends the process at once as before (no cancellation grace period).
        return parsed.InvokeAsync(new InvocationConfiguration { Output = log, Error = log, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
    }

    private static int ShowHelp(RootCommand root, IReadOnlyList<string> path, TextWriter log) =>
        root.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = log, Error = log });

    private static List<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var r = parsed.CommandResult; r is not null && r.Command is not RootCommand; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, r.Command.Name);
        return names;
    }

    private static Argument<string[]> LessonsArgument(string verb)
    {
        var lessons = CliOptions.Lessons(verb);
        lessons.Validators.Add(r =>
        {
            foreach (var token in r.Tokens.Where(t => t.Value.StartsWith('-')))
                r.AddError($"unknown option '{token.Value}': see the options below.");
        });
        return lessons;
    }

    private static Option<int?> SeedOption(string description) =>
        CliOptions.OptionalInt("--seed", description, 0, int.MaxValue, "0, then 1 and 7 to check that a claim holds for any seed");

    private static Command Run(TextWriter log)
    {
        var lessons = LessonsArgument("run");
        var seed = SeedOption("COURSE_SEED for every lesson: every experiment from another seed (default: the lessons' own seeds)");
        var output = CliOptions.Path("--out", "Where the executed notebooks go (default artifacts/executed)");
        var quiet = CliOptions.Flag("--quiet", "Echo only claim checks and errors");
        var withLoad = CliOptions.Flag("--with-load", "Keep every core busy with a CPU-bound child process for the whole run (a busy machine on purpose)");
        var command = new Command("run", "Run the notebooks in notebooks/ headless, in name order, write them executed to artifacts/executed/ and print a timing table. Exit code 1 if any cell fails.")
        {
            lessons, seed, output, quiet, withLoad,
        };
        command.SetAction((r, _) => RunCommand.RunAsync(
            new RunRequest(r.GetValue(lessons) ?? [], r.GetValue(seed), r.GetValue(output), r.GetValue(quiet), r.GetValue(withLoad)), log));
        return command;
    }

    private static Command Export(TextWriter log)
    {
        var lessons = LessonsArgument("export");
        var output = CliOptions.Path("--out", "The folder for the programs (default lessons/)");
        var command = new Command("export", "Write every lesson (or the chosen ones) as a plain C# program, a .NET 10 file-based app: run one with dotnet run lessons/NN-name.cs.")
        {
            lessons, output,
        };
        command.SetAction(r => ExportCommand.Run(r.GetValue(lessons) ?? [], r.GetValue(output), log));
        return command;
    }

    private static Command Book(TextWriter log)
    {
        var lessons = LessonsArgument("publish");
        var seed = CliOptions.Int("--seed", "The seed the lessons run with", 0, 0, int.MaxValue, "0 (the published book)");
        var noRun = CliOptions.Flag("--no-run", "Republish the last run's executed copies (artifacts/book-run) without running the lessons");
        var command = new Command("book", "Run the lessons (all by default) and publish each to book/ with its outputs: every chart also as a static image (drawn by a local Chromium), every output with a text form, the hash of the code it ran. Then build the site.")
        {
            lessons, seed, noRun,
        };
        command.SetAction((r, _) => BookCommand.RunAsync(r.GetValue(lessons) ?? [], r.GetValue(seed), !r.GetValue(noRun), log));
        return command;
    }

    private static Command Site(TextWriter log)
    {
        var check = CliOptions.Flag("--check", "Open every page in headless Chromium: all charts draw, no request leaves the machine, images show with scripts off; a screenshot goes to artifacts/");
        var output = CliOptions.Path("--out", "The site's folder (default artifacts/site)");
        var command = new Command("site", "Build the static site from book/ (no lesson runs) into artifacts/site: a page per lesson, the glossary, one copy of plotly.js; it opens from disk, offline.")
        {
            check, output,
        };
        command.SetAction((r, _) => SiteCommand.RunAsync(r.GetValue(check), r.GetValue(output), log));
        return command;
    }

    private static Command Doctor(TextWriter log)
    {
        var command = new Command("doctor", "Check .NET, libstdc++, TorchSharp, the NuGet cache and Plotly.NET, and say what to fix.");
        command.SetAction((_, _) => DoctorCommand.RunAsync(log));
        return command;
    }

    private static Option<int> Rounds(int defaultValue) =>
        CliOptions.Int("--rounds", "Rounds (passes) to time", defaultValue, 1, 100);

    private static Command Bench(TextWriter log)
    {
        var rounds = Rounds(7);
        var bench = new Command("bench", "Time the library's training loop against a minimal hand-written TorchSharp loop (784-256-128-10 MLP, all of Fashion-MNIST, batch 128), alternating rounds, and report the ratio and the fraction of measured matmul throughput; then time the loop under each wait policy and thread count while load arrives and leaves mid-run (fresh child processes). Use -c Release.")
        {
            rounds,
        };
        bench.SetAction(r => TrainingLoopBenchmark.Run(r.GetValue(rounds), log) + WaitPolicyBenchmark.Run(5, 5, log));

        var loopRounds = Rounds(7);
        var loop = new Command("loop", "Only the training-loop part: hand loop, library loop (parameters in one flat buffer, the default) and on separate tensors (FitOptions.FlatParameters = false); then the AdamW step alone on separate and on flat parameters. Use -c Release.")
        {
            loopRounds,
        };
        loop.SetAction(r => TrainingLoopBenchmark.Run(r.GetValue(loopRounds), log));

        var policyRounds = Rounds(5);
        var repeats = CliOptions.Int("--repeats", "Repetitions of the whole set of children, the policies' order rotated (ratios are taken within a repetition)", 5, 1, 20);
        var policy = new Command("policy", "Only the wait-policy and thread scenarios (rounds = passes per phase), repeated (a twin child shows the noise floor); about 2 min per repetition on a quiet machine.") { policyRounds, repeats };
        policy.SetAction(r => WaitPolicyBenchmark.Run(r.GetValue(policyRounds), r.GetValue(repeats), log));

        var steps = CliOptions.Int("--steps", "Most optimizer steps per trial", 20_000, 1, 10_000_000);
        var trials = CliOptions.Int("--trials", "Trials per optimizer", 3, 1, 100);
        var race = new Command("race", "Provoke TorchSharp's optimizer Scalar race: step() under forced garbage collections from another thread, TorchSharp's SGD/momentum/Adam/AdamW against the course's; reports after how many steps each failed. Exit code 0 when theirs failed and ours survived.")
        {
            steps, trials,
        };
        race.SetAction(r => ScalarRaceProbe.Run(r.GetValue(steps), r.GetValue(trials), log));

        var repetitions = CliOptions.Int("--repetitions", "Independent finder runs per cell (their spread is reported)", 3, 2, 50);
        var fixture = CliOptions.Flag("--fixture", $"Write the measured sweep references to {FinderQualityBenchmark.WrittenPath} (copy it over {FinderQualityBenchmark.FixturePath} to update the tests)");
        var finder = new Command("finder", "Measure the learning-rate finder's default suggestion against brute-force sweeps on breast cancer, digits and a Fashion-MNIST sample, Adam and AdamW, 4 and 12 epochs, and on 14 more settings (held-out and fresh: SGD with momentum, other nets, wine, batch sizes 16 to 256, budgets up to 1,290 updates). About 15 min of CPU; run with OMP_NUM_THREADS=1.")
        {
            repetitions, fixture,
        };
        finder.SetAction(r => FinderQualityBenchmark.Run(r.GetValue(repetitions), r.GetValue(fixture) ? FinderQualityBenchmark.WrittenPath : null, log));

        bench.Subcommands.Add(loop);
        bench.Subcommands.Add(policy);
        bench.Subcommands.Add(race);
        bench.Subcommands.Add(finder);
        return bench;
    }

    /// <summary>The wait-policy benchmark's child process (internal: <c>bench</c> and <c>bench policy</c> start it):
    /// timed passes, "SWITCH", a line on standard input, more passes. Hidden from the help, parsed like any command.</summary>
    private static Command BenchChild(TextWriter log)
    {
        var rounds = Rounds(7);
        var command = new Command("bench-child", "Internal: one child process of the wait-policy benchmark (reads standard input).") { rounds };
        command.Hidden = true;
        command.SetAction(r => WaitPolicyBenchmark.Measure(r.GetValue(rounds), Console.In, log));
        return command;
    }

    private static Command Study(TextWriter log)
    {
        var study = new Command("study", "A class study: one search whose trials many workers run, on every learner's machine (PostgreSQL: --connection or HYPERLAB_STUDY) or in several processes on one (a folder: --store DIR, default artifacts/studies). docs/teaching.md explains it.");
        study.Subcommands.Add(StudyVerb("create", "Create the study (the demo search: breast cancer, a tiny budget).", log));
        study.Subcommands.Add(StudyVerb("show", "Print the table of trials and the best so far.", log));
        study.Subcommands.Add(StudyVerb("export", "Write the results as JSON Lines.", log));
        study.Subcommands.Add(StudyVerb("work", "Run the study's trials until none is left.", log));
        return study;
    }

    private static Command StudyVerb(string verb, string description, TextWriter log)
    {
        var id = new Option<string>("--id") { Description = "The study's id (default demo)", HelpName = "ID", DefaultValueFactory = _ => "demo" };
        var connection = new Option<string?>("--connection") { Description = "A PostgreSQL connection string (default: the HYPERLAB_STUDY variable; without either, the folder store)", HelpName = "\"Host=…;Database=…;Username=…;Password=…\"" };
        var store = CliOptions.Path("--store", "The folder store (default artifacts/studies)");
        var command = new Command(verb, description) { id, connection, store };
        Func<ParseResult, StudyOptions, StudyOptions> extra = (_, o) => o;
        switch (verb)
        {
            case "create":
                var trials = CliOptions.OptionalInt("--trials", "Trials in the study (default 100)", 1, 100_000, "20-100 for a class");
                var seed = SeedOption("The quasi-random sequence's shift (default 0)");
                var heartbeat = CliOptions.OptionalNumber("--heartbeat", "Seconds without a heartbeat before a trial goes to another worker (default 60)", 1, 86_400, "60", "SECONDS");
                command.Options.Add(trials);
                command.Options.Add(seed);
                command.Options.Add(heartbeat);
                extra = (r, o) => o with { Trials = r.GetValue(trials), Seed = r.GetValue(seed), Heartbeat = r.GetValue(heartbeat) };
                break;
            case "export":
                var output = CliOptions.Path("--out", "The JSON Lines file (default artifacts/studies/ID.jsonl)", "FILE");
                command.Options.Add(output);
                extra = (r, o) => o with { Out = r.GetValue(output) };
                break;
            case "work":
                var name = new Option<string?>("--name") { Description = "The worker's name in the table", HelpName = "NAME" };
                var maxTrials = CliOptions.OptionalInt("--max-trials", "Stop after this many trials (default: no limit)", 1, 100_000, "5");
                var minutes = CliOptions.OptionalNumber("--minutes", "Claim no new trial after this many minutes (default: no limit)", 0.01, 10_000, "10", "M");
                var threads = CliOptions.OptionalInt("--threads", "torch's compute threads (default: torch's own)", 1, 1_024, "1 when several workers share a machine");
                var hold = CliOptions.OptionalNumber("--hold", "Seconds to hold each trial before training: shows a class what happens when a worker dies", 0, 86_400, "30", "SECONDS");
                var noWait = CliOptions.Flag("--no-wait", "Stop as soon as nothing is pending instead of waiting for other workers' trials");
                foreach (Option o in new Option[] { name, maxTrials, minutes, threads, hold, noWait }) command.Options.Add(o);
                extra = (r, o) => o with
                {
                    Name = r.GetValue(name),
                    MaxTrials = r.GetValue(maxTrials),
                    Minutes = r.GetValue(minutes),
                    Threads = r.GetValue(threads),
                    Hold = r.GetValue(hold),
                    NoWait = r.GetValue(noWait),
                };
                break;
        }
        command.SetAction(r => StudyCommand.Run(verb, extra(r, new StudyOptions
        {
            Id = r.GetValue(id) ?? "demo",
            Connection = r.GetValue(connection),
            Folder = r.GetValue(store),
        }), log));
        return command;
    }
}
