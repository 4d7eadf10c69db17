using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HyperLab.Platform;
using HyperLab.Tests.Tracking;

namespace HyperLab.Tests.Platform;

/// <summary>
/// Loading HyperLab has no side effects; <see cref="NativeSetup.Prepare"/> applies the native fixes, once. The load
/// side is checked in a fresh child process (this test process prepared itself at start, see <see cref="TestSetup"/>),
/// which reports the environment as .NET and as native code (libc's <c>getenv</c>, what OpenMP and MKL read) see it.
/// </summary>
public class NativeSetupTests
{
    private static readonly string[] Variables = [OpenMpWaitPolicy.Variable, MklReproducibility.Variable];

    [Fact]
    public void Loading_HyperLab_changes_no_environment_variable_and_Prepare_sets_them_once()
    {
        var seen = Probe(new() { [OpenMpWaitPolicy.ChoiceVariable] = "passive" });   // a forced choice: no load sampling

        Assert.Equal("", seen["changed-by-load"]);                     // no variable added, removed or changed
        foreach (string v in Variables)
        {
            Assert.Equal("(unset)", seen[$"loaded {v}"]);
            Assert.Equal("(unset)", seen[$"loaded native {v}"]);
        }
        Assert.Equal("False", seen["loaded prepared"]);
        Assert.Equal("False", seen["loaded adaptive"]);                // the governor is off until Prepare

        Assert.Equal("PASSIVE", seen[$"prepared {OpenMpWaitPolicy.Variable}"]);
        Assert.Equal(MklReproducibility.Value, seen[$"prepared {MklReproducibility.Variable}"]);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("PASSIVE", seen[$"prepared native {OpenMpWaitPolicy.Variable}"]);
            Assert.Equal(MklReproducibility.Value, seen[$"prepared native {MklReproducibility.Variable}"]);
        }
        Assert.Equal("True", seen["prepared prepared"]);
        Assert.Equal("True", seen["same report"]);                    // idempotent: the second call returns the first report
        Assert.Equal("", seen["changed-by-second-prepare"]);
        Assert.StartsWith("TorchSharp native fix: ", seen["report 0"]);
        Assert.StartsWith("OpenMP threads wait: OMP_WAIT_POLICY=PASSIVE", seen["report 1"]);
        Assert.Equal("MKL: MKL_CBWR=AUTO,STRICT (bit-for-bit reproducible matrix products)", seen["report 2"]);
        Assert.StartsWith("native preload: not needed", seen["report 3"]);   // a built app carries its own libtorch
        Assert.Equal("intra-op threads: fixed (threads wait passively)", seen["report 4"]);
        Assert.Equal("5", seen["report lines"]);
    }

    [Fact]
    public void Prepare_keeps_values_the_user_set()
    {
        var seen = Probe(new() { [OpenMpWaitPolicy.Variable] = "ACTIVE", [MklReproducibility.Variable] = "COMPATIBLE" });

        Assert.Equal("ACTIVE", seen[$"prepared {OpenMpWaitPolicy.Variable}"]);
        Assert.Equal("COMPATIBLE", seen[$"prepared {MklReproducibility.Variable}"]);
        Assert.Equal("OpenMP threads wait: OMP_WAIT_POLICY=ACTIVE (set by you)", seen["report 1"]);
        Assert.Equal("MKL: MKL_CBWR=COMPATIBLE (set by you)", seen["report 2"]);
        Assert.Equal("", seen["changed-by-second-prepare"]);
    }

    [Fact]
    public void A_busy_start_keeps_the_spinning_default_and_leaves_the_load_to_the_thread_count()
    {
        // One busy loop per core in this process while the child prepares: its 0.1 s sample sees the machine taken.
        // The old rule chose PASSIVE here (then it could not go back to spinning once the load left; README, Benchmark).
        using var stop = new CancellationTokenSource();
        var loops = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
        {
            while (!stop.IsCancellationRequested) Thread.SpinWait(1000);
        })
        { IsBackground = true }).ToList();
        loops.ForEach(t => t.Start());
        Dictionary<string, string> seen;
        try
        {
            seen = Probe([]);
        }
        finally
        {
            stop.Cancel();
            loops.ForEach(t => t.Join());
        }

        Assert.Equal("(unset)", seen[$"prepared {OpenMpWaitPolicy.Variable}"]);
        if (OperatingSystem.IsLinux()) Assert.Equal("(unset)", seen[$"prepared native {OpenMpWaitPolicy.Variable}"]);
        Assert.StartsWith("OpenMP threads wait: libgomp's default wait; intra-op threads follow the load (", seen["report 1"]);
        Assert.StartsWith("intra-op threads: follow the machine's load", seen["report 4"]);
    }

    [Fact]
    public void No_course_assembly_runs_code_when_it_loads()
    {
        foreach (var assembly in new[] { typeof(Hyperparameters).Assembly, typeof(NativeSetup).Assembly })
        {
            var initializers = assembly.GetTypes()
                .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly))
                .Where(m => m.IsDefined(typeof(ModuleInitializerAttribute), false)).Select(m => $"{m.DeclaringType}.{m.Name}");
            Assert.Empty(initializers);
        }
        var inSource = Directory.EnumerateFiles(Path.Combine(PlatformDocsTests.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && File.ReadAllText(f).Contains("[ModuleInitializer", StringComparison.Ordinal));
        Assert.Empty(inSource);
    }

    [Fact]
    public void Prepare_returns_one_report_to_every_caller_one_line_per_step()
    {
        var reports = new NativeSetupReport[8];
        Parallel.For(0, reports.Length, i => reports[i] = NativeSetup.Prepare());

        Assert.True(NativeSetup.IsPrepared);
        Assert.All(reports, r => Assert.Same(reports[0], r));
        var lines = reports[0].ToString().Split('\n');
        Assert.Equal(reports[0].Lines, lines);
        Assert.Equal(["TorchSharp native fix: ", "OpenMP threads wait: ", "MKL: ", "native preload: ", "intra-op threads: "],
            lines.Select(l => l[..(l.IndexOf(':') + 2)]));
        Assert.True(reports[0].Succeeded, reports[0].ToString());
        Assert.Equal(reports[0].WaitPolicy, OpenMpWaitPolicy.Decision);
    }

    /// <summary>Runs <see cref="ChildMain"/> in a fresh process with <paramref name="set"/> (and the course's variables
    /// otherwise unset) and returns what it printed, "key: value" per line.</summary>
    private static Dictionary<string, string> Probe(Dictionary<string, string> set)
    {
        var start = ChildProcess.StartInfo("native-setup");
        foreach (string v in (string[])[.. Variables, "GOMP_SPINCOUNT", "OMP_NUM_THREADS", OpenMpWaitPolicy.ChoiceVariable, IntraOpThreads.ChoiceVariable])
            start.Environment.Remove(v);
        foreach (var (k, v) in set) start.Environment[k] = v;
        using var child = System.Diagnostics.Process.Start(start)!;
        var error = child.StandardError.ReadToEndAsync();
        string output = child.StandardOutput.ReadToEnd();
        Assert.True(child.WaitForExit(120_000), "the child process did not finish in 2 minutes");
        Assert.True(child.ExitCode == 0, $"child process failed with {child.ExitCode}: {error.Result}\n{output}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1].TrimEnd('\r') : "");
    }

    /// <summary>The child's side: snapshot the environment, touch HyperLab, snapshot again, prepare twice.</summary>
    internal static int ChildMain(TextWriter output)
    {
        var before = Snapshot();
        Touch();
        var loaded = Snapshot();
        output.WriteLine($"changed-by-load: {Changes(before, loaded)}");
        Report(output, "loaded");

        var first = NativeSetup.Prepare();
        var prepared = Snapshot();
        var second = NativeSetup.Prepare();
        output.WriteLine($"changed-by-second-prepare: {Changes(prepared, Snapshot())}");
        output.WriteLine($"same report: {ReferenceEquals(first, second)}");
        Report(output, "prepared");
        for (int i = 0; i < first.Lines.Count; i++) output.WriteLine($"report {i}: {first.Lines[i]}");
        output.WriteLine($"report lines: {first.Lines.Count}");
        return 0;
    }

    /// <summary>Touches a core type and a platform type, as a learner's program would (a module initializer, which the
    /// library once had, would run at exactly this moment).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Touch()
    {
        var hp = new Hyperparameters { LearningRate = 1e-3 };
        GC.KeepAlive(hp.ToString());
        GC.KeepAlive(IntraOpThreads.ChoiceVariable.Length + (IntraOpThreads.Adaptive ? 1 : 0));
    }

    private static void Report(TextWriter output, string when)
    {
        foreach (string v in Variables)
        {
            output.WriteLine($"{when} {v}: {Environment.GetEnvironmentVariable(v) ?? "(unset)"}");
            if (OperatingSystem.IsLinux()) output.WriteLine($"{when} native {v}: {NativeValue(v) ?? "(unset)"}");
        }
        output.WriteLine($"{when} prepared: {NativeSetup.IsPrepared}");
        output.WriteLine($"{when} adaptive: {IntraOpThreads.Adaptive}");
    }

    private static Dictionary<string, string> Snapshot() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");

    private static string Changes(Dictionary<string, string> a, Dictionary<string, string> b) =>
        string.Join(", ", a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || x != y));

    private static string? NativeValue(string name) => Marshal.PtrToStringUTF8(GetEnv(name));

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
