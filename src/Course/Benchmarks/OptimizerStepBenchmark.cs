using System.Diagnostics;
using HyperLab;
using HyperLab.Numerics;
using HyperLab.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Benchmarks;

/// <summary>
/// The AdamW update alone (issue 8): one epoch's worth of <c>optimizer.step()</c> calls on the benchmark
/// MLP with fixed gradients, once with the six parameter tensors as they are and once with them in one
/// contiguous buffer (<see cref="FlatParameters"/>), alternating, so the epoch-level ratio of
/// <see cref="TrainingLoopBenchmark"/> can be checked against what the update itself saves.
/// </summary>
public static class OptimizerStepBenchmark
{
    /// <summary>Times <paramref name="steps"/> updates each way, <paramref name="rounds"/> alternating rounds, and prints the medians.</summary>
    public static void Run(int steps, int rounds, TextWriter log)
    {
        var separate = new List<double>();
        var flat = new List<double>();
        Time(false, 20);
        Time(true, 20);
        for (int r = 0; r < rounds; r++)
        {
            if (r % 2 == 0) { separate.Add(Time(false, steps)); flat.Add(Time(true, steps)); }
            else { flat.Add(Time(true, steps)); separate.Add(Time(false, steps)); }
        }
        double s = Median.Of(separate), f = Median.Of(flat);
        log.WriteLine($"AdamW step alone, {steps} steps (one epoch): separate tensors {s:0.000} s ({1e6 * s / steps:0} µs/step), " +
            $"flat buffer {f:0.000} s ({1e6 * f / steps:0} µs/step); flat/separate {f / s:0.000}, medians of {rounds} alternating rounds");
    }

    private static double Time(bool flat, int steps)
    {
        using var model = TrainingLoopBenchmark.NewModel();
        using var scope = NewDisposeScope();
        using (no_grad())
            foreach (var p in model.parameters()) p.grad = randn_like(p).mul_(1e-3);
        using var bound = flat ? FlatParameters.Bind(model) : null;
        var hp = new Hyperparameters { LearningRate = 1e-3, Optimizer = OptimizerKind.AdamW };
        using var optimizer = Optimizers.Create(bound is null ? model.parameters() : [bound.Values], hp);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) optimizer.step();
        return clock.Elapsed.TotalSeconds;
    }
}
