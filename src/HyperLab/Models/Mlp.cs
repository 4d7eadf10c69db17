using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HyperLab.Models;

/// <summary>
/// A multilayer perceptron whose shape comes from the hyperparameters (lessons 00 and 04):
/// <see cref="Hyperparameters.Depth"/> hidden layers of <see cref="Hyperparameters.Width"/> units,
/// each a linear layer, optional normalization, the activation and optional dropout, then a
/// linear output layer giving one score (logit) per class. With
/// <see cref="Hyperparameters.Residual"/> every hidden layer after the first adds its input to its
/// output (a skip connection).
/// </summary>
public sealed class Mlp : Module<Tensor, Tensor>
{
    private readonly ModuleList<HiddenLayer> hidden;
    private readonly Linear output;

    /// <summary>Builds the network with weights drawn from TorchSharp's default initialization, from its shared
    /// generator (seed it with <c>torch.manual_seed</c> first; other threads drawing meanwhile change the weights).
    /// Prefer <see cref="Create"/>, which draws from a generator of its own.</summary>
    /// <param name="inputs">Features per example.</param>
    /// <param name="classes">Number of classes (output units).</param>
    /// <param name="hp">Depth, width, activation, normalization, dropout and residual are read from here.</param>
    public Mlp(int inputs, int classes, Hyperparameters hp) : base("Mlp")
    {
        Inputs = inputs;
        Classes = classes;
        Shape = hp;
        var layers = new List<HiddenLayer>();
        int width = inputs;
        for (int i = 0; i < hp.Depth; i++)
        {
            layers.Add(new HiddenLayer(width, hp.Width, hp, residual: hp.Residual && i > 0));
            width = hp.Width;
        }
        hidden = ModuleList(layers.ToArray());
        output = Linear(width, classes);
        RegisterComponents();
    }

    /// <summary>Builds the network with initial weights drawn from a generator of its own, seeded with
    /// <see cref="Hyperparameters.Seed"/>: the same seed gives the same weights (the ones
    /// <c>torch.manual_seed(seed)</c> followed by <c>new Mlp(...)</c> gives), whatever other threads draw meanwhile
    /// (a model built on another thread during a fit used to shift its weights). TorchSharp's default generator is also seeded, as before, for code that continues from it.</summary>
    public static Mlp Create(int inputs, int classes, Hyperparameters hp)
    {
        ArgumentNullException.ThrowIfNull(hp);
        torch.manual_seed(hp.Seed);
        var model = new Mlp(inputs, classes, hp);
        using var generator = new Generator((ulong)hp.Seed);
        model.Initialize(generator);
        return model;
    }

    // Draws every linear layer's weights again, in construction order, exactly as TorchSharp's Linear does
    // (kaiming_uniform_ with a = √5 for the weight, U(−1/√fan_in, 1/√fan_in) for the bias), but from
    // generator: TorchSharp 0.107's nn.init functions take no generator (kaiming_uniform_) or ignore it
    // (uniform_), while Tensor.uniform_ honours it.
    private void Initialize(Generator generator)
    {
        using var _ = torch.no_grad();
        foreach (var layer in hidden.Select(h => h.Linear).Append(output))
        {
            long fanIn = layer.weight!.shape[1];
            double gain = Math.Sqrt(2.0 / (1 + Math.Pow(Math.Sqrt(5), 2)));
            double bound = Math.Sqrt(3.0) * (gain / Math.Sqrt(fanIn));
            layer.weight.uniform_(-bound, bound, generator);
            if (layer.bias is { } bias)
            {
                double b = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
                bias.uniform_(-b, b, generator);
            }
        }
    }

    /// <summary>Features per example.</summary>
    public int Inputs { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>The hyperparameters that gave this network its shape.</summary>
    public Hyperparameters Shape { get; }

    /// <summary>The hidden layers, input side first (lesson 04 reads their gradient norms).</summary>
    public IReadOnlyList<HiddenLayer> HiddenLayers => hidden.ToList();

    /// <summary>The output layer.</summary>
    public Linear Output => output;

    /// <inheritdoc/>
    public override Tensor forward(Tensor x)
    {
        foreach (var layer in hidden) x = layer.call(x);
        return output.call(x);
    }

    /// <summary>Weights and biases per layer: name, shape and count (lesson 00).</summary>
    public IReadOnlyList<ParameterCount> ParameterCounts() =>
        named_parameters().Select(p => new ParameterCount(p.name, p.parameter.shape.ToArray(), p.parameter.numel())).ToList();

    /// <summary>Parameters of the network <paramref name="hp"/> describes, computed from its shape without
    /// building it: (inputs+1)·width + (depth−1)·(width+1)·width + (width+1)·classes, or
    /// (inputs+1)·classes at depth 0; normalization adds 2·width per hidden layer (lessons 02 and 04).</summary>
    public static long CountParameters(int inputs, int classes, Hyperparameters hp)
    {
        ArgumentNullException.ThrowIfNull(hp);
        if (hp.Depth == 0) return (long)(inputs + 1) * classes;
        long w = hp.Width, norm = hp.Normalization == Normalization.None ? 0 : 2 * w;
        return (inputs + 1) * w + (hp.Depth - 1) * (w + 1) * w + (w + 1) * classes + hp.Depth * norm;
    }

    /// <summary>Total number of learned values.</summary>
    public long TotalParameters => parameters().Sum(p => p.numel());

    /// <summary>"784 → 128 → 128 → 10 (ReLU), 118,282 parameters".</summary>
    public override string ToString()
    {
        var sizes = new[] { Inputs }.Concat(Enumerable.Repeat(Shape.Width, Shape.Depth)).Append(Classes);
        return $"{string.Join(" → ", sizes)} ({Shape.Activation}{(Shape.Residual ? ", residual" : "")}{(Shape.Normalization != Normalization.None ? $", {Shape.Normalization}" : "")}), {TotalParameters:N0} parameters";
    }
}

/// <summary>One hidden layer: linear, optional normalization, activation, optional dropout, and
/// an optional skip connection that adds the layer's input to its output.</summary>
public sealed class HiddenLayer : Module<Tensor, Tensor>
{
    private readonly Linear linear;
    private readonly Module<Tensor, Tensor>? norm;
    private readonly Module<Tensor, Tensor> activation;
    private readonly double dropout;
    private readonly bool residual;

    internal HiddenLayer(int inputs, int outputs, Hyperparameters hp, bool residual) : base("Hidden")
    {
        linear = Linear(inputs, outputs);
        norm = hp.Normalization switch
        {
            Normalization.BatchNorm => BatchNorm1d(outputs),
            Normalization.LayerNorm => LayerNorm(new long[] { outputs }),
            _ => null,
        };
        activation = hp.Activation switch
        {
            Activation.Tanh => Tanh(),
            Activation.Sigmoid => Sigmoid(),
            Activation.GELU => GELU(),
            _ => ReLU(),
        };
        dropout = hp.Dropout;
        this.residual = residual && inputs == outputs;
        RegisterComponents();
    }

    // Inside a fit on this thread, the mask comes from the fit's own generator (FitRandom), drawn exactly as
    // libtorch's CPU dropout draws it (bernoulli(1 − p), divided by 1 − p, times the input), so the numbers are
    // those of TorchSharp's Dropout seeded the same way; elsewhere it is TorchSharp's dropout.
    private static Tensor Dropout(Tensor h, double p)
    {
        if (FitRandom.Current is not { } generator) return nn.functional.dropout(h, p, training: true);
        var noise = torch.empty_like(h).bernoulli_(1 - p, generator);
        using (var keep = (1 - p).ToScalar()) noise.div_(keep);   // held, like every Scalar in the step
        return h * noise;
    }

    /// <summary>The layer's linear part (its weight is what lesson 04 measures).</summary>
    public Linear Linear => linear;

    /// <inheritdoc/>
    public override Tensor forward(Tensor x)
    {
        var h = linear.call(x);
        if (norm is not null) h = norm.call(h);
        h = activation.call(h);
        if (dropout > 0 && training) h = Dropout(h, dropout);
        if (!residual) return h;
        using var one = 1.ToScalar();   // held: `x + h` passes an implicit Scalar that a collection may free mid-call (TorchSharp 0.107)
        return x.add(h, one);
    }
}

/// <summary>One parameter tensor of a model: its name (e.g. "hidden.0.linear.weight"), shape and
/// number of values.</summary>
public sealed record ParameterCount(string Name, long[] Shape, long Count)
{
    /// <summary>"hidden.0.linear.weight [128×784]: 100,352".</summary>
    public override string ToString() => $"{Name} [{string.Join("×", Shape)}]: {Count:N0}";
}
