namespace HyperLab.Platform;

/// <summary>How <see cref="ThreadPolicy.Next"/> reacts to load. Every field has a default.</summary>
public sealed record ThreadPolicySettings
{
    /// <summary>Most intra-op threads to use (libtorch's default is one per core). Must be at least 1.</summary>
    public int MaxThreads
    {
        get;
        init => field = value >= 1 ? value : throw Invalid(nameof(MaxThreads), value, "a whole number of at least 1", "Environment.ProcessorCount");
    } = Environment.ProcessorCount;

    /// <summary>Other programs "hold" a core once they use at least this share of it; each held core takes one thread
    /// away. In (0, 1]; default 0.5.</summary>
    public double HoldShare
    {
        get;
        init => field = value is > 0 and <= 1 ? value : throw Invalid(nameof(HoldShare), value, "a number greater than 0 and at most 1", "0.5");
    } = 0.5;

    /// <summary>Consecutive samples that must show free cores before threads are added back (leaving is instant:
    /// a waiting thread on a taken core costs far more than a missing one on a free core). At least 1; default 2.</summary>
    public int SamplesToRise
    {
        get;
        init => field = value >= 1 ? value : throw Invalid(nameof(SamplesToRise), value, "a whole number of at least 1", "2");
    } = 2;

    // The core's HyperparameterException (same message shape) lives a layer above this project.
    private static ArgumentOutOfRangeException Invalid(string field, object value, string valid, string start) =>
        new(field, value, $"{field} = {value} is not valid: {field} must be {valid}. A sensible starting value is {start}.");
}

/// <summary>The policy's state: the thread count in force and how many samples in a row asked for more.</summary>
/// <param name="Threads">Intra-op threads in force.</param>
/// <param name="RiseStreak">Consecutive samples that asked for more threads.</param>
public readonly record struct ThreadPolicyState(int Threads, int RiseStreak);

/// <summary>
/// How many intra-op threads libtorch should use while other programs share the machine: a pure function of the
/// sampled load (no clock, no torch), so it is tested with scripted load sequences. libtorch's OpenMP threads wait for
/// work by spinning, which is fastest on free cores; on cores other programs hold, a spinning or descheduled helper
/// thread stalls every parallel step. With one thread there is no helper to wait for. So: one thread fewer for every
/// core other programs hold (at least one thread), dropping at once and rising again only after
/// <see cref="ThreadPolicySettings.SamplesToRise"/> samples in a row showed the cores free.
/// </summary>
public static class ThreadPolicy
{
    /// <summary>The thread count the load asks for: cores not held by other programs, in [1, MaxThreads].</summary>
    public static int Target(LoadSample sample, ThreadPolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        int held = (int)Math.Floor(sample.OtherCores + (1 - settings.HoldShare) + 1e-9);
        return Math.Clamp(sample.Cores - held, 1, Math.Max(1, settings.MaxThreads));
    }

    /// <summary>The next state after <paramref name="sample"/> (null: nothing known, state kept).</summary>
    public static ThreadPolicyState Next(ThreadPolicyState state, LoadSample? sample, ThreadPolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (sample is not LoadSample s) return state;
        int target = Target(s, settings);
        if (target < state.Threads) return new ThreadPolicyState(target, 0);
        if (target == state.Threads) return state with { RiseStreak = 0 };
        int streak = state.RiseStreak + 1;
        return streak >= settings.SamplesToRise ? new ThreadPolicyState(target, 0) : state with { RiseStreak = streak };
    }

    /// <summary>Runs <see cref="Next"/> over a sequence of samples from <paramref name="start"/>: the thread count after each.</summary>
    public static IReadOnlyList<int> Replay(ThreadPolicyState start, IEnumerable<LoadSample?> samples, ThreadPolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var counts = new List<int>();
        var state = start;
        foreach (var s in samples)
        {
            state = Next(state, s, settings);
            counts.Add(state.Threads);
        }
        return counts;
    }
}
