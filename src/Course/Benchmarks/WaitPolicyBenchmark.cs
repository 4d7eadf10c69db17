using System.Diagnostics;
using System.Globalization;
using HyperLab;
using HyperLab.Data;
using HyperLab.Numerics;
using HyperLab.Platform;
using HyperLab.Training;
using static TorchSharp.torch;

namespace Course.Benchmarks;

/// <summary>
/// How libtorch's OpenMP threads should wait, measured (DESIGN.md fact 10): the library's training
/// loop on 12,000 Fashion-MNIST images (the benchmark MLP, batch 128, AdamW) under each wait policy,
/// on a quiet machine and with both cores kept busy by two spinning processes. The policy is read
/// once when libtorch loads, so every cell of the table is a fresh child process. Reported as
/// seconds per full 60,000-image epoch and as ratios to the library's choice in the same condition.
/// </summary>
public static class WaitPolicyBenchmark
{
    private const int Images = 12_000;

    /// <summary>The candidates: the environment each child gets.</summary>
    private static readonly (string Name, Dictionary<string, string> Env)[] Policies =
    [
        ("library default (adaptive)", new()),
        ("libgomp default", new() { [OpenMpWaitPolicy.ChoiceVariable] = "default" }),
        ("GOMP_SPINCOUNT=10000", new() { ["GOMP_SPINCOUNT"] = "10000" }),
        ("PASSIVE", new() { [OpenMpWaitPolicy.ChoiceVariable] = "passive" }),
    ];

    /// <summary>Runs the table: every policy in both conditions, <paramref name="rounds"/> timed passes each.</summary>
    public static int Run(int rounds, TextWriter log)
    {
        log.WriteLine($"Wait policies: {Images:N0} images per pass, {rounds} passes per cell, seconds per 60,000-image epoch (median).");
        var results = new Dictionary<(string, bool), double>();
        foreach (bool busy in new[] { false, true })
        {
            foreach (var (name, env) in Policies)
            {
                var (seconds, decision) = Child(env, rounds, busy);
                results[(name, busy)] = seconds;
                log.WriteLine($"  {(busy ? "busy " : "quiet")}  {name,-28} {seconds,7:0.000} s/epoch   ({decision})");
            }
        }
        log.WriteLine();
        log.WriteLine($"{"policy",-28} {"quiet s/epoch",14} {"busy s/epoch",13} {"quiet ×",8} {"busy ×",7}   (× = time / library default's, same condition)");
        foreach (var (name, _) in Policies)
        {
            double q = results[(name, false)], b = results[(name, true)];
            log.WriteLine($"{name,-28} {q,14:0.000} {b,13:0.000} {q / results[(Policies[0].Name, false)],8:0.00} {b / results[(Policies[0].Name, true)],7:0.00}");
        }
        return 0;
    }

    /// <summary>The child's side: times up to <paramref name="rounds"/> passes (no new pass after 30 s) and prints one result line.</summary>
    public static int Measure(int rounds, TextWriter log)
    {
        var train = CourseData.FashionMnistTrain().Select(Enumerable.Range(0, Images).ToArray(), "Fashion-MNIST (first 12,000)");
        var data = new DataSplits(train, train.Select(Enumerable.Range(0, 500).ToArray(), "first 500"), null);
        var hp = new Hyperparameters { LearningRate = 1e-3, BatchSize = 128, Epochs = 1, Depth = 2, Width = 256 };
        using (var warm = Trainer.Fit(hp, data, new FitOptions { MaxSteps = 10, Observer = ITrainingObserver.None })) { }
        var times = new List<double>();
        var budget = Stopwatch.StartNew();   // a spinning policy on a busy machine can take minutes per pass
        for (int r = 0; r < rounds && (r == 0 || budget.Elapsed.TotalSeconds < 30); r++)
        {
            var clock = Stopwatch.StartNew();
            using var run = Trainer.Fit(hp, data, new FitOptions { Observer = ITrainingObserver.None });
            times.Add(clock.Elapsed.TotalSeconds * 60_000 / Images);
        }
        log.WriteLine(FormattableString.Invariant($"RESULT {Median.Of(times):R} {OpenMpWaitPolicy.Decision}"));
        return 0;
    }

    private static (double Seconds, string Decision) Child(Dictionary<string, string> env, int rounds, bool busy)
    {
        var burners = busy ? Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "while :; do :; done"]))!).ToList() : [];
        try
        {
            if (busy) Thread.Sleep(500);
            var start = new ProcessStartInfo("dotnet", [typeof(WaitPolicyBenchmark).Assembly.Location, "bench-child", "--rounds", rounds.ToString(CultureInfo.InvariantCulture)])
            { RedirectStandardOutput = true, UseShellExecute = false };
            start.Environment.Remove("OMP_WAIT_POLICY");
            start.Environment.Remove("GOMP_SPINCOUNT");
            start.Environment.Remove(OpenMpWaitPolicy.ChoiceVariable);
            foreach (var (k, v) in env) start.Environment[k] = v;
            using var child = Process.Start(start)!;
            string output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"The benchmark child printed no result:\n{output}");
            var parts = line.Split(' ', 3);
            return (double.Parse(parts[1], CultureInfo.InvariantCulture), parts[2].Trim());
        }
        finally
        {
            foreach (var b in burners) { b.Kill(); b.Dispose(); }
        }
    }
}
