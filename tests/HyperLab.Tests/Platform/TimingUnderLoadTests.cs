using System.Diagnostics;
using HyperLab.Data;
using HyperLab.Lessons.Lesson02;
using HyperLab.Lessons.Lesson04;
using Xunit.Abstractions;

namespace HyperLab.Tests.Platform;

/// <summary>A CPU-bound child process (a shell running one endless loop per core) for as long as it lives.</summary>
internal sealed class BusyCores : IDisposable
{
    private readonly Process process;

    public BusyCores()
    {
        string loops = string.Concat(Enumerable.Repeat("(while :; do :; done) & ", Environment.ProcessorCount));
        process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", loops + "wait"]) { UseShellExecute = false })!;
        Thread.Sleep(300);
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(5000);
        process.Dispose();
    }
}

/// <summary>
/// Timing claims must survive a busy machine (docs/platform.md#p5-the-thread-count-can-follow-the-load): the timing experiments of lessons 02 and 04, exactly as the lessons run them, while another process keeps
/// every core busy, five times in a row; each time the claims' own checks (02.6, 02.7, 02.10's speed part, 04.2) must
/// hold. Not a timed assertion: the claims are ratios and shapes measured in one run. About a minute on 2 busy cores.
/// </summary>
[Trait("Category", "Load")]
public class TimingUnderLoadTests(ITestOutputHelper output)
{
    [LinuxFact]
    public void Lesson_02_and_04_timing_claims_hold_five_times_while_both_cores_are_busy()
    {
        using var load = new BusyCores();
        var clock = Stopwatch.StartNew();
        for (int run = 0; run < 5; run++)
        {
            int seed = run;
            var pool02 = CourseData.FashionMnistTrain().StratifiedSample(5_000, seed);
            var data02 = Splits.Stratified(pool02, validationFraction: 0.2, seed: seed);
            var baseline02 = new Hyperparameters { Depth = 2, Width = 128, LearningRate = 1e-3, BatchSize = 64, Epochs = 5, Seed = seed };
            var speed = Throughput.Measure(baseline02, data02.Train, new[] { 8, 32, 128, 256, 512, 2048 }, new ThroughputOptions { Repeats = 5, ExamplesPerRepeat = 512 });
            var c6 = speed.Faster(8, 256, 2);
            var c7 = speed.Flattens(8, 32, 512, 2048);
            var c10 = speed.Faster(8, 2048, 2);

            var pool04 = CourseData.FashionMnistTrain().StratifiedSample(3_000, seed);
            var fashion = Splits.Stratified(pool04, validationFraction: 0.2, seed: seed);
            var baseline04 = new Hyperparameters { Width = 128, BatchSize = 64, LearningRate = 1e-3, Seed = seed };
            var cost = DepthCost.Measure(fashion, baseline04, new[] { 1, 2, 4, 8, 16 }, epochs: 2, rounds: 3);

            output.WriteLine($"run {run + 1} (seed {seed}, {clock.Elapsed.TotalSeconds:0} s): 02.6 {c6}; 02.7 {c7}; 02.10 {c10}; 04.2 {cost.TimeEvidence}");
            Assert.True(c6.Holds, $"02.6 under load, run {run + 1}: {c6}");
            Assert.True(c7.Holds, $"02.7 under load, run {run + 1}: {c7}");
            Assert.True(c10.Holds, $"02.10 under load, run {run + 1}: {c10}");
            Assert.True(cost.TimeGrowsLinearly, $"04.2 under load, run {run + 1}: {cost.TimeEvidence}");
        }
    }
}
