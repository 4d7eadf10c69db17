using System.Diagnostics;

namespace HyperLab.Platform;

/// <summary>
/// libtorch's intra-op thread count, adjusted to the machine's load while the course runs, because spinning helper
/// threads on cores other programs hold stall every step (docs/platform.md#p5-the-thread-count-can-follow-the-load): the
/// training loop calls <see cref="Tick"/> before every step; twice a second it looks at how much of the machine other
/// programs use (<see cref="ProcStatSampler"/>) and keeps one thread per core they leave free (<see cref="ThreadPolicy"/>).
/// Timing experiments <see cref="Pin"/> one thread instead. <see cref="Tick"/> does nothing until
/// <see cref="NativeSetup.Prepare"/> has run; <c>HYPERLAB_THREADS=fixed</c>, a user's <c>OMP_NUM_THREADS</c> or a
/// passive wait policy turns the adjustment off.
/// </summary>
public static class IntraOpThreads
{
    /// <summary>The course's switch: "adaptive" (the default) or "fixed".</summary>
    public const string ChoiceVariable = "HYPERLAB_THREADS";

    private static readonly Lazy<ThreadGovernor?> Governor = new(Create);
    private static volatile bool enabled;
    [ThreadStatic] private static int pinned;

    /// <summary>Whether the thread count follows the load: false before <see cref="NativeSetup.Prepare"/>, when switched
    /// off (see the class summary) or when OpenMP's threads sleep while they wait (a PASSIVE the user forced: there are
    /// no spinning helpers to guard against, and the user's choice of threads is left alone).</summary>
    public static bool Adaptive => enabled && !WaitsPassively && FollowsLoad;

    private static bool FollowsLoad { get; } =
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"))
        && !string.Equals(Environment.GetEnvironmentVariable(ChoiceVariable)?.Trim(), "fixed", StringComparison.OrdinalIgnoreCase);

    /// <summary>Set when OpenMP's wait policy is PASSIVE (by <see cref="OpenMpWaitPolicy.Apply"/> or by the user).</summary>
    internal static bool WaitsPassively { get; set; } =
        string.Equals(Environment.GetEnvironmentVariable(OpenMpWaitPolicy.Variable)?.Trim(), "PASSIVE", StringComparison.OrdinalIgnoreCase);

    /// <summary>The load seen when the wait policy was chosen (set by <see cref="OpenMpWaitPolicy.Apply"/>), used for the first choice.</summary>
    internal static LoadSample? InitialSample { get; set; }

    /// <summary>Adjusts the calling thread's intra-op thread count to the load when it is time to look again (cheap otherwise).
    /// Does nothing before <see cref="NativeSetup.Prepare"/>, when switched off or inside <see cref="Pin"/>.</summary>
    public static void Tick()
    {
        if (pinned > 0 || !Adaptive) return;
        Governor.Value?.Tick();
    }

    /// <summary>Runs the calling thread's torch work on <paramref name="threads"/> intra-op threads until disposed, whatever
    /// the load: a timing experiment on one thread has no helper thread waiting (spinning) for work, so the time the
    /// processor spends on it does not depend on what else runs.</summary>
    public static IDisposable Pin(int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        int before = TorchSharp.torch.get_num_threads();
        pinned++;
        if (before != threads) TorchSharp.torch.set_num_threads(threads);
        return new Unpin(before);
    }

    /// <summary>"adaptive: 1 of 2 threads (other programs used 1.6 of 2 cores), 3 changes" or why it is off.</summary>
    public static string Describe()
    {
        if (!Adaptive) return $"fixed at {TorchSharp.torch.get_num_threads()} ({OffReason()})";
        var g = Governor.Value;
        if (g is null) return $"fixed at {TorchSharp.torch.get_num_threads()} (machine load unknown)";
        return $"adaptive: {g.State.Threads} of {g.Settings.MaxThreads} threads ({g.LastSample?.ToString() ?? InitialSample?.ToString() ?? "load not sampled yet"}), {g.Changes} changes";
    }

    /// <summary>Turns the adjustment on (called by <see cref="NativeSetup.Prepare"/>; touches no torch code, since in a
    /// notebook TorchSharp is not referenced yet) and says whether the count will follow the load.</summary>
    internal static string Enable()
    {
        enabled = true;
        return Adaptive
            ? $"follow the machine's load (one per core other programs leave free, checked twice a second; {ChoiceVariable}=fixed turns this off)"
            : $"fixed ({OffReason()})";
    }

    private static string OffReason() =>
        !enabled ? "NativeSetup.Prepare() was not called"
        : WaitsPassively ? "threads wait passively"
        : string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_NUM_THREADS")) ? $"{ChoiceVariable}=fixed"
        : "OMP_NUM_THREADS set by you";

    private static ThreadGovernor? Create()
    {
        var sampler = ProcStatSampler.Instance;
        if (sampler.Read() is null) return null;
        var settings = new ThreadPolicySettings { MaxThreads = TorchSharp.torch.get_num_threads() };
        int start = InitialSample is LoadSample s ? ThreadPolicy.Target(s, settings) : settings.MaxThreads;
        var clock = Stopwatch.StartNew();
        return new ThreadGovernor(sampler, settings, start, () => clock.Elapsed, TorchSharp.torch.set_num_threads, TorchSharp.torch.get_num_threads);
    }

    private sealed class Unpin(int before) : IDisposable
    {
        private bool done;

        public void Dispose()
        {
            if (done) return;
            done = true;
            pinned--;
            if (TorchSharp.torch.get_num_threads() != before) TorchSharp.torch.set_num_threads(before);
        }
    }
}
