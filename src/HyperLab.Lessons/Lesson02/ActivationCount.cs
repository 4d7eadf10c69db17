using static TorchSharp.torch;

namespace HyperLab.Lessons.Lesson02;

/// <summary>
/// Counts activations by running the model (lesson 02): the check on <see cref="MemoryEstimate"/>'s formula.
/// A forward hook on every module records each distinct output tensor of one forward pass of a batch; the
/// count is the input's values plus those outputs' values (a tensor passed on unchanged, e.g. a layer's result
/// returned by its parent, counts once).
/// </summary>
public static class ActivationCount
{
    /// <summary>Values produced by one forward pass of <paramref name="batchSize"/> random examples (input included).</summary>
    /// <param name="model">The model (not changed; no gradients are recorded).</param>
    /// <param name="inputs">Features per example.</param>
    /// <param name="batchSize">Examples in the batch, at least 1.</param>
    public static long Measure(nn.Module<Tensor, Tensor> model, int inputs, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var seen = new HashSet<IntPtr>();
        long values = 0;
        var removers = new List<Action>();
        foreach (var module in model.modules().Append(model).OfType<nn.Module<Tensor, Tensor>>().Distinct())
        {
            var handle = module.register_forward_hook((_, _, output) =>
            {
                if (seen.Add(output.Handle)) values += output.numel();
                return output;
            });
            removers.Add(handle.remove);
        }
        try
        {
            var x = randn(batchSize, inputs);
            values += x.numel();
            model.call(x);
            return values;
        }
        finally
        {
            foreach (var remove in removers) remove();
        }
    }
}
