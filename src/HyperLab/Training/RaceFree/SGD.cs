using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperLab.Training.RaceFree;

/// <summary>
/// Plain SGD and SGD with momentum (optionally Nesterov, dampening, weight decay), as TorchSharp's
/// <see cref="TorchSharp.Modules.SGD"/> computes them, operation for operation, but with every <see cref="Scalar"/> held
/// for the step and disposed deterministically (<see cref="HeldScalars"/>). Only <see cref="step"/> is
/// replaced: parameter groups, the learning-rate schedulers, <c>zero_grad</c> and the saved and
/// restored state (the momentum buffers) are TorchSharp's own, so the two are interchangeable and
/// TorchSharp's optimizer is the oracle of the tests (same parameters bit for bit).
/// </summary>
public sealed class SGD : TorchSharp.Modules.SGD
{
    /// <summary>Same arguments and defaults as <see cref="optim.SGD(IEnumerable{Parameter}, double, double, double, double, bool, bool)"/>.</summary>
    public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : base(parameters, lr, momentum, dampening, weight_decay, nesterov, maximize)
    {
    }

    /// <summary>One update of every parameter with a gradient.</summary>
    /// <param name="closure">Re-evaluates the model and returns the loss (optional).</param>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        double momentum = options.momentum!.Value, dampening = options.dampening!.Value, weightDecay = options.weight_decay!.Value;
        bool nesterov = options.nesterov!.Value, maximize = options.maximize!.Value;
        double lr = options.LearningRate!.Value;

        // Every number the native calls read, held until the group is done.
        using var decay = HeldScalars.Hold(weightDecay);
        using var keep = HeldScalars.Hold(momentum);
        using var undamped = HeldScalars.Hold(1 - dampening);
        using var rate = HeldScalars.Hold(maximize ? lr : -lr);

        foreach (var param in group.Parameters)
        {
            var state = (State)_state[param.Handle];
            var grad = param.grad;
            if (grad is null) continue;
            if (weightDecay != 0) grad = grad.add(param, decay);              // g + λ·w
            if (momentum != 0)
            {
                var buffer = state.momentum_buffer;
                if (buffer is null)
                {
                    buffer = grad.clone().detach().DetachFromDisposeScope();   // first step: v = g
                    state.momentum_buffer = buffer;
                }
                else
                {
                    buffer.mul_(keep).add_(grad, undamped);                 // v = μ·v + (1 − dampening)·g
                }
                grad = nesterov ? grad.add(buffer, keep) : buffer;
            }
            param.add_(grad, rate);                                         // w = w − η·(update)
        }
    }, closure);
}
