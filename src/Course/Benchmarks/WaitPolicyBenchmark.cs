using System.Diagnostics;
using System.Globalization;
using Course.Cli;
using HyperLab;
using HyperLab.Data;
using HyperLab.Numerics;
using HyperLab.Platform;
using HyperLab.Training;

namespace Course.Benchmarks;

/// <summary>
/// How libtorch's OpenMP threads should wait and how many there should be, measured while the load changes
/// (docs/platform.md#p4-the-openmp-wait-policy-is-read-once, docs/platform.md#p5-the-thread-count-can-follow-the-load): the library's training loop on Fashion-MNIST images (784-256-256-10 MLP, batch 128, AdamW)
/// in passes, under each policy, in two scenarios: the machine starts quiet and a CPU-bound process arrives mid-run, and
/// it starts busy and the process leaves mid-run. The wait policy is read once when libtorch loads, so every policy of
/// every scenario is a fresh child process; the parent switches the load between the child's two phases. Reported as
/// seconds per full 60,000-image epoch (median of a phase's passes, the pass during which the load changed included)
/// and as ratios to the best fixed policy of that phase.
/// </summary>
public static class WaitPolicyBenchmark
{
    private const int Images = 12_000;

    /// <summary>The candidates: the environment each child gets. The first is the library's default; the others are fixed.</summary>
    private static readonly (string Name, Dictionary<string, string> Env)[] Policies =
    [
        ("library default (adaptive threads)", new()),
        ("libgomp default, all threads", new() { [OpenMpWaitPolicy.ChoiceVariable] = "default", [IntraOpThreads.ChoiceVariable] = "fixed" }),
        ("libgomp default, 1 thread", new() { [OpenMpWaitPolicy.ChoiceVariable] = "default", ["OMP_NUM_THREADS"] = "1" }),
        ("GOMP_SPINCOUNT=10000, all threads", new() { ["GOMP_SPINCOUNT"] = "10000", [IntraOpThreads.ChoiceVariable] = "fixed" }),
        ("PASSIVE, all threads", new() { [OpenMpWaitPolicy.ChoiceVariable] = "passive", [IntraOpThreads.ChoiceVariable] = "fixed" }),
        (Twin, new() { [OpenMpWaitPolicy.ChoiceVariable] = "default", ["OMP_NUM_THREADS"] = "1" }),
    ];

    /// <summary>A second child of "libgomp default, 1 thread": the two differ only by chance, which shows how large a
    /// difference between two children this machine makes by itself (the noise floor of every ratio here).</summary>
    private const string Twin = "libgomp default, 1 thread (twin)";

    /// <summary>Runs both scenarios for every policy, <paramref name="rounds"/> passes per phase, <paramref name="repeats"/>
    /// times with the policies' order rotated, and prints the table. This machine's speed drifts from minute to minute,
    /// so a policy is compared with each fixed policy within a repetition (children minutes apart, not an hour), the
    /// median of those ratios is taken, and the largest of them (against the best fixed policy) is reported; a twin
    /// child shows how far two children of one configuration differ by chance.</summary>
    public static int Run(int rounds, int repeats, TextWriter log)
    {
        log.WriteLine($"Wait policies and threads: {Images:N0} images per pass, {rounds} passes per phase, {repeats} repetitions (order rotated), seconds per 60,000-image epoch (median of the phase).");
        var runs = new List<Dictionary<(string Policy, bool StartsBusy), (double First, double Second, string Decision)>>();
        for (int rep = 0; rep < repeats; rep++)
        {
            var results = new Dictionary<(string Policy, bool StartsBusy), (double First, double Second, string Decision)>();
            var order = Policies.Skip(rep % Policies.Length).Concat(Policies.Take(rep % Policies.Length)).ToList();
            foreach (bool startsBusy in new[] { false, true })
            {
                foreach (var (name, env) in order)
                {
                    var r = Child(env, rounds, startsBusy);
                    results[(name, startsBusy)] = r;
                    log.WriteLine(FormattableString.Invariant($"  #{rep + 1} {(startsBusy ? "busy → quiet" : "quiet → busy")}  {name,-36} {r.First,7:0.000} → {r.Second,7:0.000} s/epoch   ({r.Decision})"));
                }
            }
            runs.Add(results);
        }
        log.WriteLine();
        log.WriteLine("Seconds: median over the repetitions. × = the policy's time over a fixed policy's in the same phase of the same");
        log.WriteLine("repetition (children minutes apart), median over the repetitions, against the fixed policy it trails most (the best).");
        log.WriteLine($"{"policy",-36} {"quiet→busy: quiet",18} {"busy",7} {"busy→quiet: busy",17} {"quiet",7}   × per phase");
        var worstOfDefault = (Ratio: 0.0, Phase: 0, Against: "");
        foreach (var (name, _) in Policies)
        {
            var seconds = Enumerable.Range(0, 4).Select(k => Median.Of(runs.Select(r => Phase(r, name, k)).ToList())).ToArray();
            var behind = Enumerable.Range(0, 4).Select(k => Policies.Skip(1).Where(p => p.Name != name && p.Name != Twin)
                .Select(p => (Ratio: Median.Of(runs.Select(r => Phase(r, name, k) / Phase(r, p.Name, k)).ToList()), Against: p.Name))
                .DefaultIfEmpty((Ratio: 1.0, Against: name)).MaxBy(x => x.Ratio)).ToArray();
            string cells = string.Join("  ", behind.Select(x => FormattableString.Invariant($"{Math.Max(1, x.Ratio):0.00}")));
            log.WriteLine(FormattableString.Invariant($"{name,-36} {seconds[0],18:0.000} {seconds[1],7:0.000} {seconds[2],17:0.000} {seconds[3],7:0.000}   {cells}"));
            if (name == Policies[0].Name)
                for (int k = 0; k < 4; k++)
                    if (behind[k].Ratio > worstOfDefault.Ratio) worstOfDefault = (behind[k].Ratio, k, behind[k].Against);
        }
        string[] phases = ["quiet → busy: quiet", "quiet → busy: busy", "busy → quiet: busy", "busy → quiet: quiet"];
        // The noise floor: the same configuration in two children of the same repetition.
        var twins = Enumerable.Range(0, 4).Select(k => runs.Select(r =>
        {
            double a = Phase(r, Twin, k), b = Phase(r, "libgomp default, 1 thread", k);
            return Math.Max(a, b) / Math.Min(a, b);
        }).ToList()).ToArray();
        log.WriteLine(FormattableString.Invariant($"Noise floor (two children of one configuration, larger over smaller): {string.Join("  ", twins.Select(x => $"{Median.Of(x):0.00} (up to {x.Max():0.00})"))}"));
        log.WriteLine(FormattableString.Invariant($"Library default: at most {worstOfDefault.Ratio:0.00}× the best fixed policy of a phase ({phases[worstOfDefault.Phase]}, against \"{worstOfDefault.Against}\"; median over {repeats} repetitions; goal at most 1.15: {(worstOfDefault.Ratio <= 1.15 ? "met" : "not met")})."));
        return 0;
    }

    private static double Phase(Dictionary<(string Policy, bool StartsBusy), (double First, double Second, string Decision)> results, string policy, int k) => k switch
    {
        0 => results[(policy, false)].First,
        1 => results[(policy, false)].Second,
        2 => results[(policy, true)].First,
        _ => results[(policy, true)].Second,
    };

    /// <summary>The child's side: <paramref name="rounds"/> timed passes (no new pass after 40 s), then "SWITCH" and a wait for a line on
    /// <paramref name="input"/> (the parent changes the load meanwhile), then <paramref name="rounds"/> more; prints
    /// "PASS seconds threads" after each pass and "RESULT first second decision" at the end.</summary>
    public static int Measure(int rounds, TextReader input, TextWriter log)
    {
        var train = CourseData.FashionMnistTrain().Select(Enumerable.Range(0, Images).ToArray(), "Fashion-MNIST (first 12,000)");
        var data = new DataSplits(train, train.Select(Enumerable.Range(0, 500).ToArray(), "first 500"), null);
        var hp = new Hyperparameters { LearningRate = 1e-3, BatchSize = 128, Epochs = 1, Depth = 2, Width = 256, Optimizer = OptimizerKind.AdamW };
        using (var warm = Trainer.Fit(hp, data, new FitOptions { MaxSteps = 10 })) { }
        var phases = new[] { new List<double>(), new List<double>() };
        for (int phase = 0; phase < 2; phase++)
        {
            if (phase == 1)
            {
                log.WriteLine("SWITCH");
                log.Flush();
                input.ReadLine();
            }
            var budget = Stopwatch.StartNew();   // a spinning policy on a busy machine can take minutes per pass
            for (int r = 0; r < rounds && (r == 0 || budget.Elapsed.TotalSeconds < 40); r++)
            {
                var clock = Stopwatch.StartNew();
                using var run = Trainer.Fit(hp, data, new FitOptions { EvaluateEachEpoch = false });
                double seconds = clock.Elapsed.TotalSeconds * 60_000 / Images;
                phases[phase].Add(seconds);
                log.WriteLine(FormattableString.Invariant($"PASS {seconds:R} {TorchSharp.torch.get_num_threads()}"));
                log.Flush();
            }
        }
        log.WriteLine(FormattableString.Invariant($"RESULT {Median.Of(phases[0]):R} {Median.Of(phases[1]):R} {OpenMpWaitPolicy.Decision}; threads {IntraOpThreads.Describe()}"));
        return 0;
    }

    private static (double First, double Second, string Decision) Child(Dictionary<string, string> env, int rounds, bool startsBusy)
    {
        var load = startsBusy ? BackgroundLoad.Start() : null;
        try
        {
            if (startsBusy) Thread.Sleep(500);
            var start = new ProcessStartInfo("dotnet", [typeof(WaitPolicyBenchmark).Assembly.Location, "bench-child", "--rounds", rounds.ToString(CultureInfo.InvariantCulture)])
            { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
            foreach (var name in new[] { "OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "OMP_NUM_THREADS", OpenMpWaitPolicy.ChoiceVariable, IntraOpThreads.ChoiceVariable })
                start.Environment.Remove(name);
            foreach (var (k, v) in env) start.Environment[k] = v;
            using var child = Process.Start(start)!;
            string? line;
            string? result = null;
            var output = new List<string>();
            while ((line = child.StandardOutput.ReadLine()) is not null)
            {
                output.Add(line);
                if (line == "SWITCH")
                {
                    if (load is null) load = BackgroundLoad.Start();
                    else { load.Dispose(); load = null; }
                    Thread.Sleep(500);
                    child.StandardInput.WriteLine("go");
                    child.StandardInput.Flush();
                }
                if (line.StartsWith("RESULT ", StringComparison.Ordinal)) result = line;
            }
            child.WaitForExit();
            if (result is null) throw new InvalidOperationException($"The benchmark child printed no result:\n{string.Join('\n', output)}");
            var parts = result.Split(' ', 4);
            return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture), parts[3].Trim());
        }
        finally
        {
            load?.Dispose();
        }
    }
}
