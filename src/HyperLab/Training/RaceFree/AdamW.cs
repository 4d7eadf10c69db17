using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperLab.Training.RaceFree;

/// <summary>
/// AdamW (decoupled weight decay: w ← w·(1 − η·λ) before the Adam update), as TorchSharp's
/// <see cref="TorchSharp.Modules.AdamW"/> computes it, operation for operation, but with every <see cref="Scalar"/> held
/// for the step and disposed deterministically (<see cref="HeldScalars"/>). Only <see cref="step"/> is
/// replaced: parameter groups, schedulers, <c>zero_grad</c> and the saved and restored state are
/// TorchSharp's own. Two passes are saved without changing a bit: the decay's multiplication is
/// skipped when it is by exactly 1 (λ = 0), and the denominator is computed in place
/// (<see cref="Adam"/>).
/// </summary>
public sealed class AdamW : TorchSharp.Modules.AdamW
{
    /// <summary>Same arguments and defaults as <see cref="optim.AdamW(IEnumerable{Parameter}, double, double, double, double, double, bool, bool)"/>.</summary>
    public AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : base(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
    {
    }

    /// <summary>One update of every parameter with a gradient.</summary>
    /// <param name="closure">Re-evaluates the model and returns the loss (optional).</param>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var o = group.Options;
        var moments = new AdamMoments(o.beta1!.Value, o.beta2!.Value, o.eps!.Value, o.amsgrad!.Value);
        double lr = o.LearningRate!.Value, shrink = 1 - lr * o.weight_decay!.Value;
        bool maximize = o.maximize!.Value;
        using var decay = HeldScalars.Hold(shrink);
        using var held = moments.Hold();

        foreach (var param in group.Parameters)
        {
            var state = (State)_state[param.Handle];
            var grad = param.grad;
            if (grad is null) continue;
            if (maximize) grad = -grad;
            state.step += 1;
            if (shrink != 1) param.mul_(decay);                               // w·(1 − η·λ); ×1 changes no bit
            var biased = moments.Update(held, state.exp_avg, state.exp_avg_sq, ref state.max_exp_avg_sq, grad);
            moments.Apply(held, param, state.exp_avg, biased, state.step, lr);
        }
    }, closure);
}
