using System.Diagnostics;
using HyperLab;
using HyperLab.Numerics;
using HyperLab.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Benchmarks;

/// <summary>
/// The AdamW update alone, the part of a training step the flat parameter buffer is meant to speed up: one
/// epoch's worth of <c>optimizer.step()</c> calls on the benchmark MLP with fixed gradients, with the course's optimizer (<see cref="Optimizers.Create"/>) on
/// the six parameter tensors as they are and on one contiguous buffer (<see cref="FlatParameters"/>),
/// and with TorchSharp's own <c>optim.AdamW</c> on the flat buffer (the update the course used before
/// its race-free optimizers), rotating the order each round, so the epoch-level ratio of
/// <see cref="TrainingLoopBenchmark"/> can be checked against what the update itself costs.
/// </summary>
public static class OptimizerStepBenchmark
{
    private enum Contestant { Separate, Flat, TorchSharpFlat }

    /// <summary>Times <paramref name="steps"/> updates each way, <paramref name="rounds"/> rotating rounds, and prints the medians.</summary>
    public static void Run(int steps, int rounds, TextWriter log)
    {
        var contestants = Enum.GetValues<Contestant>();
        var times = contestants.ToDictionary(c => c, _ => new List<double>());
        foreach (var c in contestants) Time(c, 20);
        for (int r = 0; r < rounds; r++)
            for (int i = 0; i < contestants.Length; i++)
            {
                var c = contestants[(r + i) % contestants.Length];
                times[c].Add(Time(c, steps));
            }
        double s = Median.Of(times[Contestant.Separate]), f = Median.Of(times[Contestant.Flat]), t = Median.Of(times[Contestant.TorchSharpFlat]);
        var ours = times[Contestant.Flat].Zip(times[Contestant.TorchSharpFlat], (a, b) => a / b).Order().ToList();
        log.WriteLine($"AdamW step alone, {steps} steps (one epoch), medians of {rounds} rotating rounds: separate tensors {s:0.000} s ({1e6 * s / steps:0} µs/step), " +
            $"flat buffer {f:0.000} s ({1e6 * f / steps:0} µs/step), TorchSharp's optim.AdamW on the flat buffer {t:0.000} s ({1e6 * t / steps:0} µs/step); " +
            $"flat/separate {f / s:0.000}; the course's/TorchSharp's per round: median {Median.Of(ours):0.000}, range {ours[0]:0.000}-{ours[^1]:0.000}");
    }

    private static double Time(Contestant contestant, int steps)
    {
        using var model = TrainingLoopBenchmark.NewModel();
        using var scope = NewDisposeScope();
        using (no_grad())
            foreach (var p in model.parameters()) p.grad = randn_like(p).mul_(1e-3);
        using var bound = contestant == Contestant.Separate ? null : FlatParameters.Bind(model);
        var hp = new Hyperparameters { LearningRate = 1e-3, Optimizer = OptimizerKind.AdamW };
        var parameters = bound is null ? model.parameters() : [bound.Values];
        using var optimizer = contestant == Contestant.TorchSharpFlat
            ? optim.AdamW(parameters, hp.LearningRate, weight_decay: hp.WeightDecay)
            : Optimizers.Create(parameters, hp);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) optimizer.step();
        return clock.Elapsed.TotalSeconds;
    }
}
