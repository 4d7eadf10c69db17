using static TorchSharp.torch;

namespace HyperLab.Training;

/// <summary>
/// How far training moved each parameter tensor, against the size of one update (lesson 00). Any
/// single AdamW step moves every weight by about η, so "every tensor changed" alone proves nothing;
/// this asks whether every tensor moved by many steps' worth.
/// </summary>
/// <param name="Changes">Each tensor's name and largest absolute change.</param>
/// <param name="Rate">The learning rate η, the size of one AdamW step per weight.</param>
public sealed record ParameterChange(IReadOnlyList<(string Name, double LargestChange)> Changes, double Rate)
{
    /// <summary>Compares the model now with a snapshot taken before training.</summary>
    public static ParameterChange Of(WeightSnapshot before, nn.Module model, double rate)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new(before.LargestChanges(model), rate);
    }

    /// <summary>The smallest of the tensors' largest changes.</summary>
    public double Smallest => Changes.Min(c => c.LargestChange);

    /// <summary>True when every tensor's largest change exceeds <paramref name="steps"/> × η.</summary>
    public bool EveryTensorMovedBeyond(double steps) => Smallest > steps * Rate;

    /// <summary>"6 tensors; smallest largest change 4.1e-2 = 41 × η (η = 1e-3)".</summary>
    public override string ToString() =>
        $"{Changes.Count} tensors; the smallest largest-change is {Smallest:0.0e0} = {Smallest / Rate:0.#} × η (η = {Hyperparameters.Fmt(Rate)})";
}
