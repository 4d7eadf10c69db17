using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HyperLab.Platform;

/// <summary>
/// The processor time the calling thread itself has used (Linux and macOS: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>;
/// Windows: <c>GetThreadTimes</c>). Unlike the wall clock it does not run while the thread waits for a core another
/// program holds, and unlike the process's processor time it does not count other threads (OpenMP helpers spinning,
/// the garbage collector). With libtorch on one intra-op thread (<see cref="IntraOpThreads.Pin"/>) all of a training
/// step's arithmetic runs on the calling thread, so this clock measures what the step costs, whatever else runs.
/// </summary>
public static class ThreadCpuClock
{
    /// <summary>Whether the platform gives a per-thread clock; where not, <see cref="Now"/> falls back to the process's processor time.</summary>
    public static bool PerThread { get; } = Probe();

    /// <summary>Processor time of the calling thread so far.</summary>
    public static TimeSpan Now()
    {
        if (PerThread)
        {
            if (OperatingSystem.IsWindows())
            {
                GetThreadTimes(GetCurrentThread(), out _, out _, out long kernel, out long user);
                return TimeSpan.FromTicks(kernel + user);
            }
            int id = OperatingSystem.IsMacOS() ? 16 : 3;   // CLOCK_THREAD_CPUTIME_ID
            if (clock_gettime(id, out var ts) == 0) return TimeSpan.FromTicks(ts.Seconds * TimeSpan.TicksPerSecond + ts.Nanoseconds / 100);
        }
        return Process.GetCurrentProcess().TotalProcessorTime;
    }

    private static bool Probe()
    {
        try
        {
            if (OperatingSystem.IsWindows()) return GetThreadTimes(GetCurrentThread(), out _, out _, out _, out _);
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) return clock_gettime(OperatingSystem.IsMacOS() ? 16 : 3, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
        return false;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    [DllImport("kernel32")]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool GetThreadTimes(IntPtr thread, out long creation, out long exit, out long kernel, out long user);

    [DllImport("kernel32")]
    private static extern IntPtr GetCurrentThread();
}
