using System.Diagnostics;
using HyperLab.Models;
using HyperLab.Tests.Training;
using HyperLab.Tracking;
using HyperLab.Tuning;

namespace HyperLab.Tests.Tracking;

/// <summary>
/// The test assembly's own entry point, so a test can start copies of itself as separate processes
/// (<c>dotnet HyperLab.Tests.dll append …</c>): the experiment log's appends and the test-set guard are
/// tested across processes, not only across threads. The test runner never calls it.
/// </summary>
public static class ChildProcess
{
    /// <summary>"append &lt;log&gt; &lt;name&gt; &lt;count&gt;": appends count records of experiment name.
    /// "evaluate &lt;log&gt; &lt;study&gt;": evaluates a small model on a guarded test set in that study;
    /// exit code 0 when it evaluated, 3 when the guard refused. "native-setup": what loading HyperLab and
    /// <see cref="HyperLab.Platform.NativeSetup.Prepare"/> do to the environment (<see cref="Platform.NativeSetupTests"/>).</summary>
    public static int Main(string[] args)
    {
        if (args is ["native-setup"]) return Platform.NativeSetupTests.ChildMain(Console.Out);
        if (args.Length == 4 && args[0] == "append")
        {
            var log = new ExperimentLog(args[1]);
            int count = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
            for (int i = 1; i <= count; i++) log.Append(Synthetic(args[2], i));
            return 0;
        }
        if (args.Length == 3 && args[0] == "evaluate")
        {
            HyperLab.Platform.NativeSetup.Prepare();   // it trains: the native fixes first, as in the test process
            var data = TinyData.Moons();
            using var model = Mlp.Create(2, 2, new Hyperparameters { Depth = 1, Width = 8 });
            try
            {
                new TestSet(data.Validation, new ExperimentLog(args[1]).OpenStudy(args[2])).Evaluate(model, "a child process's model");
                return 0;
            }
            catch (TestSetAlreadyUsedException) { return 3; }
        }
        Console.Error.WriteLine("usage: append <log> <name> <count> | evaluate <log> <study> | native-setup");
        return 2;
    }

    /// <summary>A trial record made without training (the log does not care how the numbers came about).</summary>
    public static TrialRecord Synthetic(string experiment, int trial, double loss = 0.5, Hyperparameters? hp = null) =>
        new(experiment, trial, HyperparameterRecord.From(hp ?? new Hyperparameters { Seed = trial }), null,
            [new HyperLab.Training.EpochRecord(1, loss + 0.1, 0.8, loss, 0.85, 0.1, 1e-3)], loss, 0.85, TrialStatus.Completed, null, 0.1, DateTime.UtcNow);

    /// <summary>Starts this test assembly as a separate process with <paramref name="args"/>.</summary>
    public static Process Start(params string[] args) =>
        Process.Start(StartInfo(args)) ?? throw new InvalidOperationException("could not start dotnet");

    /// <summary>How to start this test assembly as a separate process with <paramref name="args"/> (output redirected).</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }

    /// <summary>Waits for <paramref name="p"/> (at most 2 minutes) and returns its exit code; stderr goes into the failure message.</summary>
    public static int Finish(Process p)
    {
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(120_000)) { p.Kill(); throw new TimeoutException("child process did not finish in 2 minutes"); }
        if (p.ExitCode is not (0 or 3)) throw new InvalidOperationException($"child process failed with {p.ExitCode}: {err}");
        return p.ExitCode;
    }
}
