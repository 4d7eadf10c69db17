namespace HyperLab.Platform;

/// <summary>
/// Applies <see cref="ThreadPolicy"/> while a program runs: <see cref="Tick"/> is called often (the training loop calls
/// it before every step) and costs a clock read, except every <see cref="Interval"/> when it reads the load counters
/// and sets the thread count the policy asks for. The sampler, clock and the way threads are set are injected, so it
/// is tested with scripted load; <see cref="IntraOpThreads"/> wires it to the machine and to libtorch.
/// </summary>
public sealed class ThreadGovernor
{
    private readonly ICpuLoadSampler sampler;
    private readonly Func<TimeSpan> now;
    private readonly Action<int> apply;
    private readonly Func<int> current;
    private readonly object gate = new();
    private CpuCounters? last;
    private TimeSpan? lastAt;

    /// <summary>A governor starting at <paramref name="start"/> threads.</summary>
    /// <param name="sampler">The load counters.</param>
    /// <param name="settings">The policy's settings.</param>
    /// <param name="start">Threads at the start, in [1, MaxThreads].</param>
    /// <param name="now">A monotonic clock.</param>
    /// <param name="apply">Sets the calling thread's intra-op thread count.</param>
    /// <param name="current">Reads the calling thread's intra-op thread count.</param>
    public ThreadGovernor(ICpuLoadSampler sampler, ThreadPolicySettings settings, int start, Func<TimeSpan> now, Action<int> apply, Func<int> current)
    {
        this.sampler = sampler ?? throw new ArgumentNullException(nameof(sampler));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        this.now = now ?? throw new ArgumentNullException(nameof(now));
        this.apply = apply ?? throw new ArgumentNullException(nameof(apply));
        this.current = current ?? throw new ArgumentNullException(nameof(current));
        State = new ThreadPolicyState(Math.Clamp(start, 1, Math.Max(1, settings.MaxThreads)), 0);
    }

    /// <summary>The policy's settings.</summary>
    public ThreadPolicySettings Settings { get; }

    /// <summary>Time between two load samples. Default 0.5 s.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The state in force.</summary>
    public ThreadPolicyState State { get; private set; }

    /// <summary>The last sample taken, for the record.</summary>
    public LoadSample? LastSample { get; private set; }

    /// <summary>How many times the thread count changed.</summary>
    public int Changes { get; private set; }

    /// <summary>Samples the load when <see cref="Interval"/> has passed and sets the calling thread's thread count to
    /// what the policy asks for (also when this thread's count differs from it, e.g. a new thread). Returns the count in force.</summary>
    public int Tick()
    {
        var t = now();
        bool due = lastAt is not TimeSpan at || t - at >= Interval;
        if (!due && current() == State.Threads) return State.Threads;
        lock (gate)
        {
            if (due)
            {
                var counters = sampler.Read();
                var sample = last is CpuCounters a && counters is CpuCounters b ? LoadSample.Between(a, b, sampler.Cores) : null;
                if (counters is not null && (sample is not null || last is null)) { last = counters; lastAt = t; }
                if (counters is null) lastAt = t;                     // nothing to read here: try again later, cheaply
                if (sample is LoadSample s)
                {
                    LastSample = s;
                    var next = ThreadPolicy.Next(State, s, Settings);
                    if (next.Threads != State.Threads) Changes++;
                    State = next;
                }
            }
            if (current() != State.Threads) apply(State.Threads);
            return State.Threads;
        }
    }
}
