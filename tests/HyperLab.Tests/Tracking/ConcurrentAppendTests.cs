using HyperLab.Tracking;

namespace HyperLab.Tests.Tracking;

/// <summary>Appends are atomic across threads and processes: nothing lost, nothing torn (several notebooks or workers may log to one file).</summary>
public class ConcurrentAppendTests
{
    private static void AssertComplete(LogContents read, IEnumerable<string> experiments, int each)
    {
        Assert.Empty(read.Skipped);                                   // nothing torn or interleaved
        foreach (var name in experiments)
            Assert.Equal(Enumerable.Range(1, each), read.Of(name).Select(r => r.Trial).Order());   // nothing lost, nothing twice
    }

    [Fact]
    public void Four_threads_appending_300_records_each_lose_nothing()
    {
        var log = new ExperimentLog(TrackingData.TempLog());
        var names = Enumerable.Range(1, 4).Select(i => $"thread {i}").ToList();
        Parallel.ForEach(names, new ParallelOptions { MaxDegreeOfParallelism = 4 }, name =>
        {
            var mine = new ExperimentLog(log.Path);                   // each thread its own instance, as two notebooks would
            for (int i = 1; i <= 300; i++) mine.Append(ChildProcess.Synthetic(name, i));
        });
        AssertComplete(log.Load(), names, 300);
        Assert.Equal(1200, File.ReadAllLines(log.Path).Length);
    }

    [Fact]
    public void Four_processes_appending_500_records_each_lose_nothing_and_tear_nothing()
    {
        var log = new ExperimentLog(TrackingData.TempLog());
        var names = Enumerable.Range(1, 4).Select(i => $"process {i}").ToList();
        var children = names.Select(n => ChildProcess.Start("append", log.Path, n, "500")).ToList();
        Assert.All(children, c => Assert.Equal(0, ChildProcess.Finish(c)));
        AssertComplete(log.Load(), names, 500);
        Assert.Equal(2000, File.ReadAllLines(log.Path).Length);
    }

    [Fact]
    public void An_append_inside_Locked_does_not_wait_for_itself()
    {
        var log = new ExperimentLog(TrackingData.TempLog());
        var started = DateTime.UtcNow;
        int count = log.Locked(() => { log.Append(ChildProcess.Synthetic("inner", 1)); return log.Load().Records.Count; });
        Assert.Equal(1, count);
        Assert.True(DateTime.UtcNow - started < ExperimentLog.LockTimeout, "the append waited for the lock its own thread held");
    }
}
