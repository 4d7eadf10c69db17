using HyperLab.Platform;

namespace HyperLab.Tests.Platform;

/// <summary>The intra-op thread count follows the load (docs/platform.md#p5-the-thread-count-can-follow-the-load), tested with scripted load sequences (no clock, no torch).</summary>
public class ThreadPolicyTests
{
    private static readonly ThreadPolicySettings TwoCores = new() { MaxThreads = 2 };

    private static LoadSample? Other(double cores) => new LoadSample(cores, 2);

    [Theory]
    [InlineData(0.0, 2)]
    [InlineData(0.3, 2)]
    [InlineData(0.49, 2)]
    [InlineData(0.5, 1)]
    [InlineData(1.0, 1)]
    [InlineData(2.0, 1)]
    public void One_thread_fewer_for_each_core_other_programs_hold(double other, int threads) =>
        Assert.Equal(threads, ThreadPolicy.Target(new LoadSample(other, 2), TwoCores));

    [Fact]
    public void On_eight_cores_it_gives_up_only_the_held_cores()
    {
        var eight = new ThreadPolicySettings { MaxThreads = 8 };
        Assert.Equal(8, ThreadPolicy.Target(new LoadSample(0.2, 8), eight));
        Assert.Equal(6, ThreadPolicy.Target(new LoadSample(1.6, 8), eight));
        Assert.Equal(1, ThreadPolicy.Target(new LoadSample(8, 8), eight));
        Assert.Equal(4, ThreadPolicy.Target(new LoadSample(0, 8), eight with { MaxThreads = 4 }));
    }

    [Fact]
    public void Starts_quiet_load_arrives_mid_run_drops_at_once()
    {
        var samples = new[] { Other(0.1), Other(0.0), Other(0.2), Other(1.3), Other(1.8), Other(1.6) };
        Assert.Equal(new[] { 2, 2, 2, 1, 1, 1 }, ThreadPolicy.Replay(new ThreadPolicyState(2, 0), samples, TwoCores));
    }

    [Fact]
    public void Starts_busy_load_leaves_mid_run_rises_after_two_quiet_samples()
    {
        var samples = new[] { Other(1.7), Other(1.9), Other(0.1), Other(0.0), Other(0.1) };
        Assert.Equal(new[] { 1, 1, 1, 2, 2 }, ThreadPolicy.Replay(new ThreadPolicyState(1, 0), samples, TwoCores));
    }

    [Fact]
    public void A_single_quiet_moment_in_a_busy_spell_does_not_flap()
    {
        var samples = new[] { Other(1.5), Other(0.1), Other(1.4), Other(0.2), Other(1.6), Other(0.0), Other(0.1) };
        Assert.Equal(new[] { 1, 1, 1, 1, 1, 1, 2 }, ThreadPolicy.Replay(new ThreadPolicyState(2, 0), samples, TwoCores));
    }

    [Fact]
    public void Unknown_load_keeps_the_state()
    {
        var samples = new LoadSample?[] { null, null, Other(1.0), null, Other(0), null, Other(0) };
        Assert.Equal(new[] { 2, 2, 1, 1, 1, 1, 2 }, ThreadPolicy.Replay(new ThreadPolicyState(2, 0), samples, TwoCores));
    }

    [Fact]
    public void A_sample_subtracts_this_process_own_time()
    {
        // 1 s of a 2-core machine at 100 ticks/s: 200 ticks in all, 180 busy, 120 of them ours: others used 0.6 cores.
        var s = LoadSample.Between(new CpuCounters(1000, 5000, 300), new CpuCounters(1180, 5200, 420), 2);
        Assert.NotNull(s);
        Assert.Equal(0.6, s.Value.OtherCores, 9);
        // Our own spinning threads alone (all busy time ours) are no load from others.
        Assert.Equal(0, LoadSample.Between(new CpuCounters(0, 0, 0), new CpuCounters(200, 200, 200), 2)!.Value.OtherCores);
        Assert.Null(LoadSample.Between(new CpuCounters(0, 0, 0), new CpuCounters(2, 4, 0), 2));   // too short to tell
    }

    private sealed class ScriptedSampler(params CpuCounters?[] readings) : ICpuLoadSampler
    {
        private int next;

        public int Cores => 2;

        public CpuCounters? Read() => readings[Math.Min(next++, readings.Length - 1)];
    }

    [Fact]
    public void The_governor_samples_only_every_interval_and_sets_the_count_it_decides()
    {
        // Counters every 0.5 s: quiet, then another program takes 1.5 cores, then quiet again.
        var sampler = new ScriptedSampler(
            new CpuCounters(0, 0, 0),
            new CpuCounters(100, 100, 100),        // all busy time ours: others 0
            new CpuCounters(200, 200, 140),        // 100 busy ticks, 40 ours: others 60 ticks over 50 per core = 1.2 cores
            new CpuCounters(300, 300, 240),        // others 0
            new CpuCounters(400, 400, 340));       // others 0
        var time = TimeSpan.Zero;
        int threads = 2;
        var applied = new List<int>();
        var governor = new ThreadGovernor(sampler, TwoCores, 2, () => time, n => { threads = n; applied.Add(n); }, () => threads);
        var seen = new List<int>();
        for (int step = 0; step < 25; step++)
        {
            seen.Add(governor.Tick());
            time += TimeSpan.FromSeconds(0.1);
        }
        Assert.Equal(new[] { 1, 2 }, applied);                      // down once, back up once
        Assert.Equal(2, governor.Changes);
        Assert.Equal(2, seen[0]);
        Assert.Equal(1, seen[10]);                                   // the busy sample at t = 1.0 s
        Assert.Equal(2, seen[24]);                                   // two quiet samples later
    }

    [Fact]
    public void The_governor_sets_a_thread_whose_count_differs_without_waiting()
    {
        var sampler = new ScriptedSampler(new CpuCounters(0, 0, 0));
        int threads = 4;
        var governor = new ThreadGovernor(sampler, TwoCores, 1, () => TimeSpan.Zero, n => threads = n, () => threads);
        governor.Tick();
        Assert.Equal(1, threads);
        threads = 2;                                                 // e.g. a new thread with libtorch's default
        governor.Tick();
        Assert.Equal(1, threads);
    }

    [Fact]
    public void Pinning_sets_the_count_and_restores_it()
    {
        int before = TorchSharp.torch.get_num_threads();
        using (IntraOpThreads.Pin(1))
        {
            Assert.Equal(1, TorchSharp.torch.get_num_threads());
            IntraOpThreads.Tick();                                   // the governor leaves a pinned thread alone
            Assert.Equal(1, TorchSharp.torch.get_num_threads());
        }
        Assert.Equal(before, TorchSharp.torch.get_num_threads());
        Assert.Throws<ArgumentOutOfRangeException>(() => IntraOpThreads.Pin(0));
    }

    [LinuxFact]
    public void The_thread_clock_counts_this_thread_only()
    {
        Assert.True(ThreadCpuClock.PerThread);
        var start = ThreadCpuClock.Now();
        var other = new Thread(() => { var sw = System.Diagnostics.Stopwatch.StartNew(); while (sw.ElapsedMilliseconds < 300) { } });
        other.Start();
        other.Join();                                                // another thread burns 0.3 s; this one sleeps
        var idle = ThreadCpuClock.Now() - start;
        Assert.True(idle < TimeSpan.FromMilliseconds(100), $"{idle.TotalMilliseconds} ms while waiting");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (sw.ElapsedMilliseconds < 200) { }
        Assert.True(ThreadCpuClock.Now() - start > TimeSpan.FromMilliseconds(20));
    }

    [LinuxFact]
    public void The_machine_sampler_reads_counters_that_only_grow()
    {
        var a = ProcStatSampler.Instance.Read();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (sw.ElapsedMilliseconds < 150) { }
        var b = ProcStatSampler.Instance.Read();
        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.True(b.Value.Total > a.Value.Total && b.Value.Own > a.Value.Own && b.Value.Busy >= a.Value.Busy);
    }

    [Fact]
    public void Settings_refuse_values_outside_their_range_with_a_teaching_message()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ThreadPolicySettings { HoldShare = 0 });
        Assert.Contains("HoldShare = 0 is not valid", e.Message);
        Assert.Contains("A sensible starting value is 0.5", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThreadPolicySettings { HoldShare = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThreadPolicySettings { HoldShare = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThreadPolicySettings { MaxThreads = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThreadPolicySettings { SamplesToRise = 0 });
        Assert.Equal(1.0, new ThreadPolicySettings { HoldShare = 1 }.HoldShare);
    }
}
