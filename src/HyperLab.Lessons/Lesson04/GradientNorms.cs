using HyperLab.Data;
using HyperLab.Models;
using HyperLab.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperLab.Lessons.Lesson04;

/// <summary>
/// The size of the loss gradient at every hidden layer of a network, input side first (lesson 04): the
/// Frobenius norm ‖∂L/∂W‖ of each hidden layer's weight matrix, measured on one mini-batch.
/// </summary>
/// <param name="Label">What was measured, e.g. "20 layers, sigmoid".</param>
/// <param name="Norms">One norm per hidden layer; index 0 is the layer next to the input.</param>
/// <param name="Loss">The batch's cross-entropy loss (nats) at the measured weights.</param>
public sealed record LayerGradients(string Label, IReadOnlyList<double> Norms, double Loss)
{
    /// <summary>Norm at the first hidden layer (next to the input).</summary>
    public double First => Norms[0];

    /// <summary>Norm at the last hidden layer (next to the output).</summary>
    public double Last => Norms[^1];

    /// <summary>First ÷ last: far below 1 means the gradient vanishes on its way back to the input.</summary>
    public double FirstToLast => First / Last;

    /// <summary>Largest norm ÷ smallest norm over all hidden layers (1 = perfectly balanced).</summary>
    public double Spread => Norms.Max() / Norms.Min();

    /// <summary>Lesson 04's vanishing gradient: the first hidden layer's gradient is below <paramref name="threshold"/>
    /// (default 1e-2) × the last one's.</summary>
    public bool Vanishes(double threshold = 1e-2) => FirstToLast < threshold;

    /// <summary>Lesson 04's balanced gradients: every layer's gradient within <paramref name="maxSpread"/> (default 10×) of
    /// every other's, and the first at least <paramref name="minFirstToLast"/> (default 0.1) × the last.</summary>
    public bool Balanced(double maxSpread = 10, double minFirstToLast = 0.1) => Spread < maxSpread && FirstToLast > minFirstToLast;

    /// <summary>"20 layers, sigmoid: gradient norm 3.1e-9 (first) … 2.0e-2 (last), first/last 1.5e-7".</summary>
    public override string ToString() =>
        $"{Label}: gradient norm {First:0.0e0} (first hidden layer) … {Last:0.0e0} (last), first/last {FirstToLast:0.0e0}, largest/smallest {Spread:0.0e0}";
}

/// <summary>Measures <see cref="LayerGradients"/> (lesson 04).</summary>
public static class GradientNorms
{
    /// <summary>One forward and backward pass on the first <paramref name="batchSize"/> examples of
    /// <paramref name="data"/> (in training mode, as during an update), without changing the weights: the
    /// gradients are cleared afterwards. Tensors live only inside this call.</summary>
    /// <param name="model">The network (at initialization or after training).</param>
    /// <param name="data">Examples to measure on.</param>
    /// <param name="batchSize">Examples in the batch. Default 256 (fewer if the data is smaller).</param>
    /// <param name="label">Label of the result. Default the model's description.</param>
    public static LayerGradients Measure(Mlp model, Dataset data, int batchSize = 256, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (model.HiddenLayers.Count == 0) throw new ArgumentException("The model has no hidden layer to measure.", nameof(model));
        using var scope = NewDisposeScope();
        int n = Math.Min(batchSize, data.Count);
        var (x, y) = data.ToTensors();
        var xb = x.narrow(0, 0, n);
        var yb = y.narrow(0, 0, n);
        model.train();
        model.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(xb), yb);
        loss.backward();
        var norms = model.HiddenLayers.Select(l => l.Linear.weight!.grad!.norm().item<float>()).Select(v => (double)v).ToList();
        double value = loss.item<float>();
        model.zero_grad();
        return new LayerGradients(label ?? model.ToString(), norms, value);
    }

    /// <summary>Builds a fresh network from <paramref name="hp"/> (seeded) and measures it at initialization.</summary>
    /// <param name="hp">Depth, width, activation, normalization, residual and seed.</param>
    /// <param name="data">Examples to measure on; they also give the input and class counts.</param>
    /// <param name="label">Label of the result. Default the model's description.</param>
    /// <param name="batchSize">Examples in the batch. Default 256.</param>
    public static LayerGradients AtInit(Hyperparameters hp, Dataset data, string? label = null, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(hp);
        ArgumentNullException.ThrowIfNull(data);
        using var model = Mlp.Create(data.FeatureCount, data.ClassCount, hp);
        return Measure(model, data, batchSize, label);
    }
}
