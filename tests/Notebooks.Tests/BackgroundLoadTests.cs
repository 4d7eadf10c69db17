using System.Globalization;
using Course.Cli;

namespace Notebooks.Tests;

/// <summary>A fact that reads Linux's /proc: skipped elsewhere, visibly.</summary>
public sealed class ProcFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> off Linux.</summary>
    public ProcFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Linux only (reads /proc)";
    }
}

/// <summary><c>course run --with-load</c>'s CPU-bound child: one endless loop per requested core, always runnable, all gone after disposal.</summary>
public class BackgroundLoadTests
{
    [ProcFact]
    public void The_load_runs_one_busy_loop_per_core_and_stops_when_disposed()
    {
        List<int> loops;
        using (var load = BackgroundLoad.Start(2))
        {
            Thread.Sleep(500);
            Assert.True(load.Running);
            loops = ChildrenOf(load.ProcessId);
            Assert.Equal(2, loops.Count);
            // A busy loop never sleeps: its state is R (running or waiting for a core), never S.
            Assert.All(loops, pid => Assert.Equal("R", StatField(pid, 0)));
            load.Dispose();
            Assert.False(load.Running);
        }
        // A killed loop on an overloaded machine may take a moment to be scheduled and exit.
        bool Alive(int pid) => StatField(pid, 0) is not ("gone" or "Z" or "X");
        for (int i = 0; i < 100 && loops.Any(Alive); i++) Thread.Sleep(100);
        Assert.All(loops, pid => Assert.False(Alive(pid), $"loop {pid} still running 10 s after disposal"));
        Assert.Throws<ArgumentOutOfRangeException>(() => BackgroundLoad.Start(0));
    }

    // Fields after "pid (comm) ": 0 state, 1 ppid, ...
    private static string StatField(int pid, int index)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[index];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "gone";
        }
    }

    private static List<int> ChildrenOf(int parent) =>
        Directory.GetDirectories("/proc").Select(Path.GetFileName)
            .Where(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(n => int.Parse(n!, CultureInfo.InvariantCulture))
            .Where(pid => StatField(pid, 1) == parent.ToString(CultureInfo.InvariantCulture))
            .ToList();
}
