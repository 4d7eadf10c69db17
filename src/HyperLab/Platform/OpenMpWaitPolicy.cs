using System.Globalization;

namespace HyperLab.Platform;

/// <summary>
/// Chooses how libtorch's OpenMP threads wait for work, before libtorch loads (OpenMP reads the
/// setting once). On a quiet machine libgomp's own default (spin briefly, then sleep) is fastest:
/// passive waiting made an epoch 2.7× slower. On a machine whose cores are already busy (an
/// editor, a build, another kernel), spinning threads fight for the cores and small training steps
/// become 10-60× slower; there <c>OMP_WAIT_POLICY=PASSIVE</c> wins. So the library looks at the
/// machine when it starts (Linux: the cores' busy time over 0.1 s, from <c>/proc/stat</c>): when other
/// work already keeps three quarters of the cores busy it sets PASSIVE, otherwise it leaves libgomp's
/// default. <c>course bench</c> measures both conditions. A value the user set
/// (<c>OMP_WAIT_POLICY</c> or <c>GOMP_SPINCOUNT</c>) is kept; <c>HYPERLAB_OMP_WAIT=default</c> or
/// <c>=passive</c> forces one choice.
/// </summary>
public static class OpenMpWaitPolicy
{
    /// <summary>The variable OpenMP reads.</summary>
    public const string Variable = "OMP_WAIT_POLICY";

    /// <summary>The course's own switch: "adaptive" (the default), "default" (libgomp's) or "passive".</summary>
    public const string ChoiceVariable = "HYPERLAB_OMP_WAIT";

    /// <summary>What <see cref="Apply"/> decided, for doctor and the benchmark.</summary>
    public static string Decision { get; private set; } = "not applied yet";

    /// <summary>Applies the policy (see the class summary) and returns what was decided.</summary>
    public static string Apply()
    {
        var current = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(current)) return Decision = $"{Variable}={current} (set by you)";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GOMP_SPINCOUNT")))
            return Decision = $"GOMP_SPINCOUNT={Environment.GetEnvironmentVariable("GOMP_SPINCOUNT")} (set by you)";
        string choice = (Environment.GetEnvironmentVariable(ChoiceVariable) ?? "adaptive").Trim().ToLowerInvariant();
        double? busy = choice is "passive" or "default" ? null : BusyShare(TimeSpan.FromMilliseconds(100));
        bool passive = choice switch
        {
            "passive" => true,
            "default" => false,
            _ => busy >= 0.75,
        };
        string why = choice is "passive" or "default" ? $"{ChoiceVariable}={choice}" : busy is double b ? $"cores {b:P0} busy with other work" : "machine load unknown";
        if (!passive) return Decision = $"libgomp's default wait ({why})";
        Environment.SetEnvironmentVariable(Variable, "PASSIVE");
        // On Linux and macOS .NET keeps its own copy of the environment; native code reads libc's.
        if (!OperatingSystem.IsWindows()) NativeEnvironment.Set(Variable, "PASSIVE");
        return Decision = $"{Variable}=PASSIVE ({why})";
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
