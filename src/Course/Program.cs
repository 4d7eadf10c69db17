using Course.Benchmarks;
using Course.Cli;
using Course.Doctor;
using HyperLab.Platform;

namespace Course;

/// <summary>The <c>course</c> command line: <c>run</c> the lessons headless, or <c>doctor</c> the environment.</summary>
public static class Program
{
    /// <summary>How to call <c>run</c>.</summary>
    public const string RunUsage = "dotnet run --project src/Course -- run [lessons...] [--seed N] [--out DIR] [--quiet] [--with-load]";

    /// <summary>How to call <c>book</c>.</summary>
    public const string BookUsage = "dotnet run --project src/Course -- book [lessons...] [--seed N] [--no-run]";

    /// <summary>How to call <c>site</c>.</summary>
    public const string SiteUsage = "dotnet run --project src/Course -- site [--check] [--out DIR]";

    private const string Usage = """
        Hyperparameters, hands-on: course tool

          run [lessons...] [--seed N] [--out DIR] [--quiet] [--with-load]
              Run the notebooks in notebooks/ headless, in name order (default: all). A lesson is
              chosen by the start of its file name (00, 01) or a part of it (batch). --seed sets
              COURSE_SEED for the lessons; --out is where executed notebooks go (default
              artifacts/executed); --quiet echoes only claim checks and errors; --with-load keeps
              every core busy with a CPU-bound child process for the run (a busy machine on purpose).
              Exit code 1 if any cell fails.

          export [lessons...] [--out DIR]
              Write every lesson (or the chosen ones) as a plain C# program, a .NET 10 file-based
              app, to lessons/ (default): run one with dotnet run lessons/NN-name.cs.

          book [lessons...] [--seed N] [--no-run]
              Run the lessons (all by default; seed 0) and publish each to book/ with its outputs:
              every chart also as a static image (drawn by a local Chromium), every output with a
              text form, and the hash of the code it ran. Then build the site (below). --no-run
              republishes the last run's executed copies (artifacts/book-run).

          site [--check] [--out DIR]
              Build the static site from book/ (no lesson runs) into artifacts/site: a page per
              lesson, the glossary, one copy of plotly.js; it opens from disk, offline. --check
              opens every page in headless Chromium: all charts draw, no request leaves the
              machine, images show with scripts off; a screenshot goes to artifacts/.

          doctor
              Check .NET, libstdc++, TorchSharp, the NuGet cache and Plotly.NET, and say what to fix.

          bench [--rounds N]
              Time the library's training loop against a minimal hand-written TorchSharp loop
              (784-256-128-10 MLP, all of Fashion-MNIST, batch 128), alternating N rounds (default 7),
              and report the ratio and the fraction of measured matmul throughput; then time the
              loop under each wait policy and thread count while load arrives and leaves mid-run
              (fresh child processes; the load is a CPU-bound process). Use -c Release.

          bench policy [--rounds N]
              Only the wait-policy part (N passes per phase, default 3).

          bench loop [--rounds N]
              Only the training-loop part: hand loop, library loop (parameters in one flat buffer,
              the default), and the library loop on separate tensors (FitOptions.FlatParameters =
              false); then the AdamW step alone on separate and on flat parameters. Use -c Release.

          bench race [--steps N] [--trials N]
              Provoke TorchSharp's optimizer Scalar race (docs/platform.md, P7): step() under forced
              garbage collections from another thread, TorchSharp's SGD/momentum/Adam/AdamW against
              the course's, up to N steps (default 20,000) per trial, 3 trials each; reports after
              how many steps each failed. Exit code 0 when theirs failed and ours survived.

          bench finder [--repetitions N] [--fixture]
              Measure the learning-rate finder's default suggestion against brute-force sweeps on
              breast cancer, digits and a Fashion-MNIST sample, Adam and AdamW, 4 and 12 epochs: the
              suggestion of each of N independent repetitions (default 3), their spread, and the loss
              at the suggestion over the sweep's robust best. --fixture rewrites the tests' sweep
              fixture. About 15 min of CPU; run with OMP_NUM_THREADS=1.

          study create|show|export|work [options]
              A class study: one search whose trials many workers run, on every learner's machine
              (PostgreSQL: --connection or HYPERLAB_STUDY) or in several processes on one (a folder:
              --store DIR, default artifacts/studies). create makes the study (the demo search:
              breast cancer, tiny budget), work runs its trials until none is left, show prints the
              table of trials and the best so far, export writes the results as JSON Lines.
              docs/teaching.md explains a class study; `study` alone lists every option.

        Example: dotnet run --project src/Course -- run 00 --seed 1
        """;

    /// <summary>Entry point.</summary>
    public static async Task<int> Main(string[] args)
    {
        var log = Console.Out;
        string command = args.Length > 0 ? args[0] : "help";
        if (command is "help" or "--help" or "-h" or "-?")
        {
            log.WriteLine(Usage);
            return args.Length > 0 ? 0 : 2;
        }

        if (command is not ("run" or "doctor" or "bench" or "bench-child" or "export" or "book" or "site" or "study"))
        {
            log.WriteLine($"Unknown command '{command}'.");
            log.WriteLine(Usage);
            return 2;
        }

        PrepareNativeLibraries(log);

        try
        {
            return command switch
            {
                "run" => await RunCommand.RunAsync(args[1..], log),
                "bench" when args.Length > 1 && args[1] == "finder" => FinderQualityBenchmark.Run(Repetitions(args[2..]), Fixture(args[2..]), log),
                "bench" when args.Length > 1 && args[1] == "race" => ScalarRaceProbe.Run(Option(args[2..], "--steps", 20_000), Option(args[2..], "--trials", 3), log),
                "bench" when args.Length > 1 && args[1] == "loop" => TrainingLoopBenchmark.Run(Rounds(args[2..]), log),
                "bench" when args.Length > 1 && args[1] == "policy" => WaitPolicyBenchmark.Run(args.Contains("--rounds") ? Rounds(args[2..]) : 3, log),
                "bench" => TrainingLoopBenchmark.Run(Rounds(args[1..]), log) + WaitPolicyBenchmark.Run(3, log),
                "export" => ExportCommand.Run(args[1..], log),
                "book" => await BookCommand.RunAsync(args[1..], log),
                "site" => await SiteCommand.RunAsync(args[1..], log),
                "study" => StudyCommand.Run(args[1..], log),
                "bench-child" => WaitPolicyBenchmark.Measure(Rounds(args[1..]), Console.In, log),
                _ => await DoctorCommand.RunAsync(log),
            };
        }
        catch (DirectoryNotFoundException e)
        {
            log.WriteLine(e.Message);
            return 2;
        }
    }

    /// <summary>Applies the native fixes before anything can touch torch (TorchSharp loads its native library at the
    /// first torch call) and prints one line per step ("TorchSharp native fix: …", "OpenMP threads wait: …", …).</summary>
    private static void PrepareNativeLibraries(TextWriter log) => log.WriteLine(NativeSetup.Prepare());

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out int n) && n > 0 ? n : fallback;
    }

    private static int Repetitions(string[] args)
    {
        int i = Array.IndexOf(args, "--repetitions");
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out int n) && n > 1 ? n : 3;
    }

    private static string? Fixture(string[] args) => args.Contains("--fixture") ? FinderQualityBenchmark.FixturePath : null;

    private static int Rounds(string[] args)
    {
        int i = Array.IndexOf(args, "--rounds");
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out int n) && n > 0 ? n : 7;
    }
}
