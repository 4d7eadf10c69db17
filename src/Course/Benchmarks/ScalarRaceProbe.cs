using System.Diagnostics;
using HyperLab;
using HyperLab.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Benchmarks;

/// <summary>
/// Provokes TorchSharp 0.107's optimizer race on purpose (docs/platform.md#p7-torchsharps-optimizers-race-the-garbage-collector): a background thread
/// forces garbage collections back to back while <c>optimizer.step()</c> runs, once with TorchSharp's
/// own SGD/momentum/Adam/AdamW and once with the course's (<see cref="Optimizers.Create"/>), and reports
/// after how many steps each failed, if it did. A diagnostic, not a test: a freed native scalar usually
/// makes the call throw, but it may also crash the process.
/// </summary>
public static class ScalarRaceProbe
{
    /// <summary>Runs each optimizer for at most <paramref name="maxSteps"/> steps under GC pressure, <paramref name="trials"/> times.</summary>
    /// <returns>0 when every TorchSharp optimizer failed at least once and none of the course's did; 1 otherwise.</returns>
    public static int Run(int maxSteps, int trials, TextWriter log)
    {
        log.WriteLine($"Scalar race probe: tiny MLP, optimizer.step() up to {maxSteps:N0} times per trial while another thread runs GC.Collect + WaitForPendingFinalizers in a loop; {trials} trials each");
        bool torchFailed = true, oursSurvived = true;
        foreach (var kind in Enum.GetValues<OptimizerKind>())
        {
            var hp = new Hyperparameters { Optimizer = kind, LearningRate = 1e-4, WeightDecay = 1e-4 };
            var theirs = Enumerable.Range(0, trials).Select(_ => Trial(ps => TorchSharps(ps, hp), maxSteps)).ToList();
            var ours = Enumerable.Range(0, trials).Select(_ => Trial(ps => Optimizers.Create(ps, hp), maxSteps)).ToList();
            log.WriteLine($"  {kind,-8} TorchSharp's: {Summary(theirs, maxSteps)}");
            log.WriteLine($"  {kind,-8} the course's: {Summary(ours, maxSteps)}");
            torchFailed &= theirs.Any(t => t.Error is not null);
            oursSurvived &= ours.All(t => t.Error is null);
        }
        log.WriteLine(torchFailed && oursSurvived
            ? "Every TorchSharp optimizer failed under GC pressure; the course's survived every trial."
            : $"TorchSharp's optimizers all failed: {torchFailed}; the course's all survived: {oursSurvived}.");
        return torchFailed && oursSurvived ? 0 : 1;
    }

    private sealed record Outcome(long Steps, string? Error, double Seconds);

    private static string Summary(List<Outcome> outcomes, int maxSteps)
    {
        var failed = outcomes.Where(o => o.Error is not null).ToList();
        string survived = $"{outcomes.Count - failed.Count} of {outcomes.Count} trials survived {maxSteps:N0} steps";
        return failed.Count == 0 ? survived
            : $"{failed.Count} of {outcomes.Count} trials failed, after {string.Join(", ", failed.Select(f => $"{f.Steps:N0}"))} steps ({failed[0].Error}); {survived}";
    }

    private static optim.Optimizer TorchSharps(IEnumerable<TorchSharp.Modules.Parameter> ps, Hyperparameters hp) => hp.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(ps, hp.LearningRate, weight_decay: hp.WeightDecay),
        OptimizerKind.Momentum => optim.SGD(ps, hp.LearningRate, momentum: 0.9, weight_decay: hp.WeightDecay),
        OptimizerKind.Adam => optim.Adam(ps, hp.LearningRate, weight_decay: hp.WeightDecay),
        _ => optim.AdamW(ps, hp.LearningRate, weight_decay: hp.WeightDecay),
    };

    private static Outcome Trial(Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer> make, int maxSteps)
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var model = nn.Sequential(nn.Linear(5, 13), nn.ReLU(), nn.Linear(13, 7), nn.Tanh(), nn.Linear(7, 3));
        using (no_grad())
            foreach (var p in model.parameters()) p.grad = randn_like(p).mul_(1e-3);
        using var optimizer = make(model.parameters());
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested) { GC.Collect(); GC.WaitForPendingFinalizers(); }
        })
        { IsBackground = true };
        collector.Start();
        var clock = Stopwatch.StartNew();
        long steps = 0;
        try
        {
            for (; steps < maxSteps; steps++) optimizer.step();
            return new Outcome(steps, null, clock.Elapsed.TotalSeconds);
        }
        catch (Exception e)
        {
            return new Outcome(steps, $"{e.GetType().Name}: {e.Message.Split('\n', '(')[0].Trim()}", clock.Elapsed.TotalSeconds);
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }
    }
}
