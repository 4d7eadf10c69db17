using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Finder;

/// <summary>
/// Everything the range test could disturb in a model, saved before it and put back after it
/// (lesson 01): the weights, biases and buffers (via <see cref="WeightSnapshot"/>), each parameter's
/// gradient (or its absence), the train/eval flag, and the state of torch's random generator
/// (dropout). Restoring is exact: bit for bit.
/// </summary>
internal sealed class RestorePoint : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> model;
    private readonly WeightSnapshot weights;
    private readonly List<Tensor?> gradients;
    private readonly Tensor generator;
    private readonly bool training;

    public RestorePoint(nn.Module<Tensor, Tensor> model)
    {
        this.model = model;
        weights = WeightSnapshot.Capture(model);
        using var _ = no_grad();
        gradients = model.parameters().Select(p => p.grad is Tensor g ? g.detach().clone().DetachFromDisposeScope() : null).ToList();
        generator = get_rng_state().DetachFromDisposeScope();
        training = model.training;
    }

    /// <summary>Puts everything back.</summary>
    public void Restore()
    {
        weights.RestoreInto(model);
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            foreach (var (p, saved) in model.parameters().Zip(gradients))
            {
                if (saved is null) p.grad = null;
                else if (p.grad is Tensor g) g.copy_(saved);
                else p.grad = saved.clone();
            }
        }
        set_rng_state(generator);
        model.train(training);
    }

    public void Dispose()
    {
        weights.Dispose();
        foreach (var g in gradients) g?.Dispose();
        generator.Dispose();
    }
}
