using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperLab.Training.RaceFree;

/// <summary>
/// Adam (L2 weight decay added to the gradient), as TorchSharp's <see cref="TorchSharp.Modules.Adam"/> computes it,
/// operation for operation, but with every <see cref="Scalar"/> held for the step and disposed
/// deterministically (<see cref="HeldScalars"/>). Only <see cref="step"/> is replaced: parameter
/// groups, schedulers, <c>zero_grad</c> and the saved and restored state (step count and moments) are
/// TorchSharp's own. The denominator √(v/(1−β₂ᵗ))+ε is computed into its square-root tensor in
/// place, one allocation per parameter instead of two, with the same kernels (bit for bit).
/// </summary>
public sealed class Adam : TorchSharp.Modules.Adam
{
    /// <summary>Same arguments and defaults as <see cref="optim.Adam(IEnumerable{Parameter}, double, double, double, double, double, bool, bool)"/>.</summary>
    public Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : base(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
    {
    }

    /// <summary>One update of every parameter with a gradient.</summary>
    /// <param name="closure">Re-evaluates the model and returns the loss (optional).</param>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var o = group.Options;
        var moments = new AdamMoments(o.beta1!.Value, o.beta2!.Value, o.eps!.Value, o.amsgrad!.Value);
        double weightDecay = o.weight_decay!.Value, lr = o.LearningRate!.Value;
        bool maximize = o.maximize!.Value;
        using var decay = HeldScalars.Hold(weightDecay);
        using var held = moments.Hold();

        foreach (var param in group.Parameters)
        {
            var state = (State)_state[param.Handle];
            var grad = param.grad;
            if (grad is null) continue;
            if (maximize) grad = -grad;
            state.step += 1;
            if (weightDecay != 0) grad = grad.add(param, decay);              // g + λ·w (L2, Adam's way)
            var biased = moments.Update(held, state.exp_avg, state.exp_avg_sq, ref state.max_exp_avg_sq, grad);
            moments.Apply(held, param, state.exp_avg, biased, state.step, lr);
        }
    }, closure);
}
