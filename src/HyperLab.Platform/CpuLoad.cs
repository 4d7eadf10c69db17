using System.Globalization;

namespace HyperLab.Platform;

/// <summary>One reading of the machine's processor counters: all cores' busy and total time, and this process's own
/// processor time, in clock ticks, at one moment.</summary>
/// <param name="Busy">Busy time of all cores together (everything but idle and I/O wait).</param>
/// <param name="Total">Total time of all cores together.</param>
/// <param name="Own">Processor time of this process (user + system, all its threads), in the same ticks.</param>
public readonly record struct CpuCounters(long Busy, long Total, long Own);

/// <summary>What other programs did between two <see cref="CpuCounters"/> readings.</summary>
/// <param name="OtherCores">Cores' worth of work done by other programs (0 on an idle machine, up to the core count).</param>
/// <param name="Cores">Cores of the machine.</param>
public readonly record struct LoadSample(double OtherCores, int Cores)
{
    /// <summary>The work of other programs between <paramref name="before"/> and <paramref name="after"/>: the cores'
    /// busy time minus this process's own time (its spinning threads included), per unit of wall time. Null when too
    /// little time passed to tell (fewer than 5 ticks per core).</summary>
    public static LoadSample? Between(CpuCounters before, CpuCounters after, int cores)
    {
        long total = after.Total - before.Total;
        if (cores < 1 || total < 5L * cores) return null;
        double wall = (double)total / cores;                          // ticks of wall time
        double other = (after.Busy - before.Busy - (after.Own - before.Own)) / wall;
        return new LoadSample(Math.Clamp(other, 0, cores), cores);
    }

    /// <summary>"other programs used 1.3 of 2 cores".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"other programs used {OtherCores:0.0} of {Cores} cores");
}

/// <summary>Reads the processor counters (behind an interface so the thread policy can be tested with scripted load).</summary>
public interface ICpuLoadSampler
{
    /// <summary>Cores of the machine.</summary>
    int Cores { get; }

    /// <summary>The counters now, or null where the platform does not tell.</summary>
    CpuCounters? Read();
}

/// <summary>Linux: <c>/proc/stat</c> for the cores and <c>/proc/self/stat</c> for this process (both in clock ticks).
/// Elsewhere <see cref="Read"/> returns null and the thread policy leaves the thread count alone.</summary>
public sealed class ProcStatSampler : ICpuLoadSampler
{
    /// <summary>The one instance.</summary>
    public static ProcStatSampler Instance { get; } = new();

    /// <inheritdoc/>
    public int Cores { get; } = Environment.ProcessorCount;

    /// <inheritdoc/>
    public CpuCounters? Read()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            // "cpu user nice system idle iowait irq softirq steal ..."
            var cpu = FirstLine("/proc/stat").Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            long total = cpu.Sum(), idle = cpu[3] + cpu[4];
            // "pid (comm) state ppid ... utime stime": fields 14 and 15, counted after the command's closing parenthesis.
            var self = FirstLine("/proc/self/stat");
            var rest = self[(self.LastIndexOf(')') + 2)..].Split(' ');
            long own = long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
            return new CpuCounters(total - idle, total, own);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string FirstLine(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine() ?? throw new FormatException($"{path} is empty.");
    }
}
