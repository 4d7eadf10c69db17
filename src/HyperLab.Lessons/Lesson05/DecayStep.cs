using System.Globalization;
using HyperLab.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperLab.Lessons.Lesson05;

/// <summary>
/// What one update does to the weights when the loss has no gradient at all, so that only the weight decay acts
/// (lesson 05): the optimizer of <see cref="Hyperparameters.Optimizer"/> takes one step on a fresh set of weights
/// whose loss gradient is zero. With AdamW (TorchSharp's and PyTorch's) every weight shrinks by the same fraction
/// η·λ, the effective decay λ′. With Adam + L2 the gradient is λ·w alone, Adam divides it by its own size √v̂ = λ·|w|,
/// and every weight moves by η towards zero whatever λ is: the decay's size is set by Adam's normalization, not by λ.
/// </summary>
/// <param name="Settings">The optimizer, rate and decay used.</param>
/// <param name="MeanShrink">Mean over the weights of 1 − w_after / w_before (the fraction each weight lost).</param>
/// <param name="ShrinkSpread">Largest minus smallest of those fractions (0 when every weight shrank by the same fraction).</param>
/// <param name="MeanMove">Mean over the weights of |w_before − w_after| (how far each weight moved).</param>
/// <param name="MoveSpread">Largest minus smallest of those distances (0 when every weight moved by the same amount).</param>
public sealed record DecayStep(Hyperparameters Settings, double MeanShrink, double ShrinkSpread, double MeanMove, double MoveSpread)
{
    /// <summary>One step of <paramref name="settings"/>' optimizer on <paramref name="count"/> weights of random sign and size 0.05 to 0.25
    /// (seeded by <see cref="Hyperparameters.Seed"/>) with a zero loss gradient.</summary>
    /// <param name="settings">Optimizer, learning rate and weight decay (the rest is ignored).</param>
    /// <param name="count">How many weights. Default 1,000.</param>
    public static DecayStep Of(Hyperparameters settings, int count = 1000)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "At least one weight; try 1,000.");
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)settings.Seed);
        var magnitude = rand(count, generator: generator) * 0.2f + 0.05f;                  // |w| in [0.05, 0.25]
        var sign = (rand(count, generator: generator) < 0.5f).to_type(ScalarType.Float32) * 2 - 1;
        var w = new TorchSharp.Modules.Parameter(magnitude * sign);
        var before = w.detach().clone();
        var optimizer = Optimizers.Create(new[] { w }, settings);
        w.grad = zeros_like(w);   // the loss's gradient: none
        optimizer.step();
        var after = w.detach();
        var shrink = (1 - after / before).to_type(ScalarType.Float64);
        var move = (before - after).abs().to_type(ScalarType.Float64);
        return new DecayStep(settings, shrink.mean().item<double>(), (shrink.max() - shrink.min()).item<double>(),
            move.mean().item<double>(), (move.max() - move.min()).item<double>());
    }

    /// <summary>Every weight lost the same fraction, η·λ (to float32 precision): a decoupled decay.</summary>
    public bool ShrinksByRateTimesDecay =>
        Math.Abs(MeanShrink - Settings.LearningRate * Settings.WeightDecay) <= 1e-3 * Settings.LearningRate * Settings.WeightDecay + 1e-7 && ShrinkSpread <= 1e-5;

    /// <summary>Every weight moved by the learning rate η towards zero, whatever the decay: Adam's normalization at work.</summary>
    public bool MovesByRate => Math.Abs(MeanMove - Settings.LearningRate) <= 1e-3 * Settings.LearningRate && MoveSpread <= 1e-3 * Settings.LearningRate;

    /// <summary>"AdamW, η = 1e-3, λ = 0.1: every weight × (1 − 1e-4) (fractions lost: mean 1.000e-4, spread 0); moved 5.2e-6 on average".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string name = Settings.Optimizer == OptimizerKind.Adam ? "Adam + L2" : Settings.Optimizer.ToString();
        return $"{name}, η = {Hyperparameters.Fmt(Settings.LearningRate)}, λ = {Hyperparameters.Fmt(Settings.WeightDecay)}: " +
               $"each weight lost {MeanShrink.ToString("0.###e0", inv)} of itself on average (spread {ShrinkSpread.ToString("0.#e0", inv)}) " +
               $"and moved {MeanMove.ToString("0.###e0", inv)} towards 0 (spread {MoveSpread.ToString("0.#e0", inv)})";
    }
}
