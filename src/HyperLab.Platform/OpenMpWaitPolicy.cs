using System.Globalization;

namespace HyperLab.Platform;

/// <summary>
/// Chooses how libtorch's OpenMP threads wait for work, before libtorch loads (OpenMP reads the setting once, so it
/// cannot follow the load; the thread count can, see <see cref="IntraOpThreads"/>). libgomp's own default (spin
/// briefly, then sleep) is fastest on free cores; passive waiting made an epoch 1.2-2.7× slower there. On cores other
/// programs hold, spinning helper threads stall every step, but with one intra-op thread there is no helper to wait
/// for. So the library keeps libgomp's default and lets <see cref="IntraOpThreads"/> drop to one thread while other
/// work holds the cores, whether the machine is busy when the program starts or becomes busy later (measured by
/// <c>course bench policy</c> against every fixed policy, with load arriving and leaving mid-run:
/// docs/platform.md#p4-the-openmp-wait-policy-is-read-once). It samples the machine for 0.1 s (Linux <c>/proc/stat</c>,
/// minus this process's own time) so the first thread count is already right. A value the user set
/// (<c>OMP_WAIT_POLICY</c> or <c>GOMP_SPINCOUNT</c>) is kept; <c>HYPERLAB_OMP_WAIT=passive</c> or <c>=default</c> forces one choice.
/// </summary>
public static class OpenMpWaitPolicy
{
    /// <summary>The variable OpenMP reads.</summary>
    public const string Variable = "OMP_WAIT_POLICY";

    /// <summary>The course's own switch: "adaptive" (the default: libgomp's wait, threads follow the load), "default" (libgomp's) or "passive".</summary>
    public const string ChoiceVariable = "HYPERLAB_OMP_WAIT";

    /// <summary>What <see cref="NativeSetup.Prepare"/> decided, for the runner, doctor and the benchmark.</summary>
    public static string Decision { get; private set; } = "not applied yet";

    /// <summary>Applies the policy (see the class summary) and returns what was decided.</summary>
    internal static string Apply()
    {
        var current = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(current)) return Decision = $"{Variable}={current} (set by you)";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GOMP_SPINCOUNT")))
            return Decision = $"GOMP_SPINCOUNT={Environment.GetEnvironmentVariable("GOMP_SPINCOUNT")} (set by you)";
        string choice = (Environment.GetEnvironmentVariable(ChoiceVariable) ?? "adaptive").Trim().ToLowerInvariant();
        if (choice == "default") return Decision = $"libgomp's default wait ({ChoiceVariable}=default)";
        if (choice != "passive")
        {
            var sample = OtherLoad(ProcStatSampler.Instance, TimeSpan.FromMilliseconds(100));
            IntraOpThreads.InitialSample = sample;
            // Measured (docs/platform.md P4, bench policy): a busy start used to choose PASSIVE, whose two sleeping threads
            // lost to one spinning thread while the load stayed and to two spinning threads once it left (the policy can't change).
            return Decision = $"libgomp's default wait; intra-op threads follow the load ({sample?.ToString() ?? "machine load unknown"} at start)";
        }
        Environment.SetEnvironmentVariable(Variable, "PASSIVE");
        // On Linux and macOS .NET keeps its own copy of the environment; native code reads libc's.
        if (!OperatingSystem.IsWindows()) NativeEnvironment.Set(Variable, "PASSIVE");
        IntraOpThreads.WaitsPassively = true;
        return Decision = $"{Variable}=PASSIVE ({ChoiceVariable}=passive)";
    }

    /// <summary>What other programs did over <paramref name="window"/> (the calling thread sleeps meanwhile), or null where unknown.</summary>
    public static LoadSample? OtherLoad(ICpuLoadSampler sampler, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        if (sampler.Read() is not CpuCounters before) return null;
        Thread.Sleep(window);
        return sampler.Read() is CpuCounters after ? LoadSample.Between(before, after, sampler.Cores) : null;
    }

    /// <summary>The share of all cores' time spent busy over <paramref name="window"/> (Linux
    /// <c>/proc/stat</c>; the calling thread sleeps meanwhile), or null where unknown.</summary>
    public static double? BusyShare(TimeSpan window)
    {
        try
        {
            var (idle0, total0) = CpuTimes();
            Thread.Sleep(window);
            var (idle1, total1) = CpuTimes();
            return total1 > total0 ? 1 - (double)(idle1 - idle0) / (total1 - total0) : null;
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    // First line of /proc/stat: "cpu user nice system idle iowait irq softirq steal ...".
    private static (long Idle, long Total) CpuTimes()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields[3] + fields[4], fields.Sum());
    }
}
