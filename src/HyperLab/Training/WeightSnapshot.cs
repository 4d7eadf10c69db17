using static TorchSharp.torch;

namespace HyperLab.Training;

/// <summary>
/// An exact in-memory copy of a model's state (weights, biases and buffers such as batch-norm
/// statistics): early stopping keeps the best epoch this way, and the learning-rate finder puts
/// the model back afterwards. The copies live outside any dispose scope until this is disposed.
/// </summary>
public sealed class WeightSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> state;

    private WeightSnapshot(Dictionary<string, Tensor> state) => this.state = state;

    /// <summary>Copies the model's current state.</summary>
    public static WeightSnapshot Capture(nn.Module model)
    {
        using var _ = no_grad();
        var copy = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());
        return new WeightSnapshot(copy);
    }

    /// <summary>Writes the saved state back into the model, bit for bit.</summary>
    public void RestoreInto(nn.Module model)
    {
        using var _ = no_grad();
        foreach (var (name, tensor) in model.state_dict()) tensor.copy_(state[name]);
    }

    /// <summary>For each saved tensor, the largest absolute difference from the model's current
    /// value (lesson 00: which parameters did training change?).</summary>
    public IReadOnlyList<(string Name, double LargestChange)> LargestChanges(nn.Module model)
    {
        using var scope = NewDisposeScope();
        return model.state_dict()
            .Select(kv => (kv.Key, (double)(kv.Value.detach() - state[kv.Key]).abs().max().item<float>()))
            .ToList();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var t in state.Values) t.Dispose();
        state.Clear();
    }
}
