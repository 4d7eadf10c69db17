using System.Diagnostics;
using System.Text;
using HyperLab.Tracking;
using HyperLab.Training;

namespace HyperLab.Studies.Tests;

/// <summary>Helpers: the repository, the demo study, fake records, and worker processes of the built course tool.</summary>
internal static class TestStudies
{
    public static string Root { get; } = FindRoot();

    /// <summary>Where the demo study's data file is written (the course tool writes the same file).</summary>
    public static string DataFolder => Path.Combine(Root, "artifacts", "studies");

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Made = Cleanup();

    /// <summary>A new temporary folder, deleted when the test process exits.</summary>
    public static string TempFolder()
    {
        string folder = Directory.CreateTempSubdirectory("hyperlab-study-").FullName;
        Made.Add(folder);
        return folder;
    }

    private static System.Collections.Concurrent.ConcurrentBag<string> Cleanup()
    {
        var made = new System.Collections.Concurrent.ConcurrentBag<string>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (string folder in made)
            {
                try { Directory.Delete(folder, recursive: true); }
                catch (IOException) { }
            }
        };
        return made;
    }

    public static StudyDefinition Demo(string id, int trials, double heartbeat = 60, int seed = 0) =>
        DemoStudy.Define(id, DataFolder, trials, seed, heartbeat);

    public static string NewId() => "s" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A record as a worker would write it, without training.</summary>
    public static TrialRecord Record(StudyDefinition d, int trial, double loss) =>
        new(d.Id, trial, d.Baseline, d.Data, [new EpochRecord(1, loss + 0.1, 0.5, loss, 0.9, 0.01, 1e-3)], loss, 0.9,
            TrialStatus.Completed, RunEnvironment.Current, 0.01, DateTime.UtcNow);

    /// <summary>The built course tool (same configuration as the tests).</summary>
    public static string CourseDll
    {
        get
        {
            string config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            string dll = Path.Combine(Root, "src", "Course", "bin", config, "net10.0", "course.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the course tool first (dotnet build Course.sln): {dll} is missing.");
        }
    }

    /// <summary>Starts <c>course study ARGS</c> with one compute thread; its output is collected.</summary>
    public static Worker Start(params string[] args) => Start(null, args);

    /// <summary>Starts <c>course study ARGS</c> with <paramref name="connection"/> in HYPERLAB_STUDY (none if null).</summary>
    public static Worker Start(string? connection, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Root };
        start.ArgumentList.Add(CourseDll);
        start.ArgumentList.Add("study");
        foreach (string a in args) start.ArgumentList.Add(a);
        start.Environment["OMP_NUM_THREADS"] = "1";
        start.Environment["HYPERLAB_OMP_WAIT"] = "passive";
        start.Environment.Remove("HYPERLAB_STUDY");
        if (connection is not null) start.Environment["HYPERLAB_STUDY"] = connection;
        return new Worker(Process.Start(start) ?? throw new InvalidOperationException("could not start the course tool"));
    }

    /// <summary>Runs <c>course study ARGS</c> to the end.</summary>
    public static (int Exit, string Output) Course(string? connection, params string[] args)
    {
        using var w = Start(connection, args);
        return (w.Wait(TimeSpan.FromMinutes(3)), w.Output);
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Course.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("Course.sln not found above the test folder.");
    }
}

/// <summary>A running worker process and everything it printed so far.</summary>
internal sealed class Worker : IDisposable
{
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    public Worker(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Output { get { lock (gate) return output.ToString(); } }

    /// <summary>Waits until the output contains <paramref name="text"/>; false on timeout or exit.</summary>
    public bool WaitFor(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Output.Contains(text, StringComparison.Ordinal)) return true;
            if (Process.HasExited) return Output.Contains(text, StringComparison.Ordinal);
            Thread.Sleep(20);
        }
        return false;
    }

    public int Wait(TimeSpan timeout)
    {
        if (!Process.WaitForExit(timeout)) { Process.Kill(true); throw new TimeoutException($"worker did not finish in {timeout}:\n{Output}"); }
        Process.WaitForExit();
        return Process.ExitCode;
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(true);
        Process.Dispose();
    }
}
