namespace HyperLab.Platform;

/// <summary>
/// The one entry point for the native fixes TorchSharp 0.107 needs on this kind of machine (docs/platform.md). Nothing
/// happens when a HyperLab assembly loads: a program calls <see cref="Prepare"/> once, before its first <c>torch.*</c>
/// call (the course's runner, notebooks, tests and exported lessons do). In order, it
/// <list type="number">
/// <item>marks <c>GLIBCXX_3.4.32</c> weak in TorchSharp's native library where the host's libstdc++ lacks it
/// (<see cref="TorchSharpNativeFix"/>; docs/platform.md#p2-torchsharp-asks-for-a-newer-libstdc);</item>
/// <item>chooses how OpenMP's threads wait (<see cref="OpenMpWaitPolicy"/>; docs/platform.md#p4-the-openmp-wait-policy-is-read-once);</item>
/// <item>sets <c>MKL_CBWR=AUTO,STRICT</c> (<see cref="MklReproducibility"/>; docs/platform.md#p6-mkl-picks-code-paths-by-memory-alignment);</item>
/// <item>in a notebook kernel, loads TorchSharp's own libtorch by full path so that a system libtorch is not picked up
/// (<see cref="TorchSharpPreload"/>; docs/platform.md#p3-a-system-libtorch-breaks-notebook-kernels);</item>
/// <item>lets <see cref="IntraOpThreads.Tick"/> adjust the thread count to the machine's load
/// (docs/platform.md#p5-the-thread-count-can-follow-the-load).</item>
/// </list>
/// The environment variables go first because OpenMP and MKL read them once, when libtorch loads; the preload comes
/// after them and after the patch because it loads libtorch. A program that never calls <see cref="Prepare"/> still
/// works, without these fixes (docs/platform.md#what-a-program-that-never-calls-prepare-gets).
/// </summary>
public static class NativeSetup
{
    private static readonly Lazy<NativeSetupReport> Cached = new(Run, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Applies the fixes (see the class summary) once per process; later calls, from any thread, return the
    /// first call's report at no cost. Never throws: a step that cannot be done says so in its line.</summary>
    /// <returns>What each step found and did; its <c>ToString()</c> is one line per step.</returns>
    public static NativeSetupReport Prepare() => Cached.Value;

    /// <summary>Whether <see cref="Prepare"/> has run in this process.</summary>
    public static bool IsPrepared => Cached.IsValueCreated;

    private static NativeSetupReport Run()
    {
        bool lateCall = LibTorchAlreadyLoaded();
        var fix = TorchSharpNativeFix.Apply();
        string wait = OpenMpWaitPolicy.Apply();
        string mkl = MklReproducibility.Apply();
        string preload = TorchSharpPreload.Apply();
        string threads = IntraOpThreads.Enable();
        return new NativeSetupReport(fix, wait, mkl, preload, threads, lateCall);
    }

    /// <summary>True when libtorch is already mapped into this process (Linux; false elsewhere or when unknown).</summary>
    private static bool LibTorchAlreadyLoaded()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return File.ReadLines("/proc/self/maps").Any(l => l.EndsWith("/libtorch_cpu.so", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

/// <summary>What <see cref="NativeSetup.Prepare"/> found and did, one step per line.</summary>
/// <param name="NativeFix">The GLIBCXX patch of TorchSharp's native library.</param>
/// <param name="WaitPolicy">The OpenMP wait policy chosen, and why (also in <see cref="OpenMpWaitPolicy.Decision"/>).</param>
/// <param name="Mkl">The <c>MKL_CBWR</c> value in force, and who set it.</param>
/// <param name="Preload">Whether TorchSharp's own libtorch was preloaded (only a notebook kernel needs it).</param>
/// <param name="Threads">Whether the intra-op thread count follows the machine's load.</param>
/// <param name="LibTorchWasLoaded">True when libtorch was already loaded when <see cref="NativeSetup.Prepare"/> ran, so
/// the wait policy and <c>MKL_CBWR</c> take effect only in the next process.</param>
public sealed record NativeSetupReport(
    TorchSharpNativeFixReport NativeFix,
    string WaitPolicy,
    string Mkl,
    string Preload,
    string Threads,
    bool LibTorchWasLoaded)
{
    /// <summary>One line per step, in the order they ran (and a warning last when libtorch was already loaded).</summary>
    public IReadOnlyList<string> Lines =>
    [
        NativeFix.ToString(),
        $"OpenMP threads wait: {WaitPolicy}",
        $"MKL: {Mkl}",
        Preload,
        $"intra-op threads: {Threads}",
        .. LibTorchWasLoaded
            ? ["warning: libtorch was loaded before NativeSetup.Prepare(); the wait policy and MKL_CBWR apply from the next process on (call Prepare before the first torch call)"]
            : Array.Empty<string>(),
    ];

    /// <summary>True unless the GLIBCXX patch was needed and failed for some copy.</summary>
    public bool Succeeded => NativeFix.Succeeded;

    /// <summary>The lines, separated by newlines.</summary>
    public override string ToString() => string.Join('\n', Lines);
}
