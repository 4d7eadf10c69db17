using HyperLab.Schedules;

namespace HyperLab;

/// <summary>
/// The settings you choose around training (lesson 00): the five hyperparameters of the course
/// (learning rate, batch size, epochs, depth, regularization) plus the optimizer, schedule,
/// width and seed. Immutable: derive variants with <c>with</c>, e.g.
/// <c>baseline with { LearningRate = 3e-3 }</c>. Every value is checked when it is set; a bad
/// value throws a <see cref="HyperparameterException"/> that names the field, the value, the
/// valid range and a sensible starting value.
/// </summary>
public sealed record Hyperparameters
{
    /// <summary>Step size η of each update (lesson 01). Valid: (0, 100]. Default 1e-3 (a good start for Adam/AdamW; 0.05 for SGD).</summary>
    public double LearningRate { get; init => field = Valid.Open(nameof(LearningRate), value, 0, 100, "1e-3 for Adam/AdamW, 0.05 for SGD"); } = 1e-3;

    /// <summary>Examples per update (lesson 02). Valid: 1 to 1,000,000. Default 64.</summary>
    public int BatchSize { get; init => field = Valid.Int(nameof(BatchSize), value, 1, 1_000_000, "64 (try 32 to 256)"); } = 64;

    /// <summary>Full passes over the training data (lesson 03); with <see cref="Patience"/> set, an upper budget. Valid: 1 to 10,000. Default 10.</summary>
    public int Epochs { get; init => field = Valid.Int(nameof(Epochs), value, 1, 10_000, "10, with early stopping"); } = 10;

    /// <summary>Number of hidden layers (lesson 04); 0 is a linear model. Valid: 0 to 100. Default 2.</summary>
    public int Depth { get; init => field = Valid.Int(nameof(Depth), value, 0, 100, "2 (1-3 for small tables)"); } = 2;

    /// <summary>Units per hidden layer (lesson 04). Valid: 1 to 100,000. Default 128.</summary>
    public int Width { get; init => field = Valid.Int(nameof(Width), value, 1, 100_000, "128"); } = 128;

    /// <summary>Weight decay (lesson 05): decoupled for AdamW, an L2 gradient term for SGD and Adam. Valid: [0, 10]. Default 0.</summary>
    public double WeightDecay { get; init => field = Valid.Closed(nameof(WeightDecay), value, 0, 10, "1e-4 (grid: 1e-3, 1e-4, 1e-5)"); }

    /// <summary>L1 penalty on the weight matrices, added to the loss (lesson 05). Valid: [0, 10]. Default 0.</summary>
    public double L1 { get; init => field = Valid.Closed(nameof(L1), value, 0, 10, "1e-5"); }

    /// <summary>Probability that a hidden unit is switched off during training (lesson 05). Valid: [0, 1). Default 0.</summary>
    public double Dropout { get; init => field = Valid.HalfOpen(nameof(Dropout), value, 0, 1, "0.2"); }

    /// <summary>Random changes made to training images each time they are seen (lesson 05). Default <see cref="Augmentation.None"/>.</summary>
    public Augmentation Augmentation { get; init => field = value ?? throw Valid.Missing(nameof(Augmentation), "Augmentation.None"); } = Augmentation.None;

    /// <summary>Early stopping (lesson 03): stop after this many epochs without a better validation loss and restore the best epoch's weights. Null (default) trains every epoch. Valid: 1 to 1,000.</summary>
    public int? Patience { get; init => field = value is null ? null : Valid.Int(nameof(Patience), value.Value, 1, 1_000, "5"); }

    /// <summary>The update rule. Default <see cref="OptimizerKind.AdamW"/>.</summary>
    public OptimizerKind Optimizer { get; init => field = Valid.Defined(nameof(Optimizer), value, OptimizerKind.AdamW); } = OptimizerKind.AdamW;

    /// <summary>How the learning rate changes over the run (lesson 01). Default <see cref="Schedule.Constant"/>.</summary>
    public Schedule Schedule { get; init => field = value ?? throw Valid.Missing(nameof(Schedule), "Schedule.Constant"); } = Schedule.Constant;

    /// <summary>Hidden-layer nonlinearity (lesson 04). Default <see cref="Activation.ReLU"/>.</summary>
    public Activation Activation { get; init => field = Valid.Defined(nameof(Activation), value, Activation.ReLU); } = Activation.ReLU;

    /// <summary>Normalization after each hidden linear layer (lesson 04). Default <see cref="Normalization.None"/>.</summary>
    public Normalization Normalization { get; init => field = Valid.Defined(nameof(Normalization), value, Normalization.None); } = Normalization.None;

    /// <summary>Residual (skip) connections around hidden layers of equal width (lesson 04). Default false.</summary>
    public bool Residual { get; init; }

    /// <summary>Seed for weights, batch order, dropout and augmentation: the same seed gives the same numbers. Valid: 0 or more. Default 0.</summary>
    public int Seed { get; init => field = Valid.Int(nameof(Seed), value, 0, int.MaxValue, "0"); }

    /// <summary>One log line: the five hyperparameters always, the other settings only where they differ from the defaults.</summary>
    public override string ToString()
    {
        var parts = new List<string>
        {
            $"lr={Fmt(LearningRate)}", $"batch={BatchSize}", $"epochs={Epochs}", $"depth={Depth}", $"width={Width}",
            $"wd={Fmt(WeightDecay)}",
        };
        if (L1 > 0) parts.Add($"l1={Fmt(L1)}");
        if (Dropout > 0) parts.Add($"dropout={Fmt(Dropout)}");
        if (Augmentation != Augmentation.None) parts.Add($"aug={Augmentation}");
        if (Patience is int p) parts.Add($"patience={p}");
        parts.Add($"opt={Optimizer}");
        if (Schedule != Schedule.Constant) parts.Add($"schedule={Schedule}");
        if (Activation != Activation.ReLU) parts.Add($"act={Activation}");
        if (Normalization != Normalization.None) parts.Add($"norm={Normalization}");
        if (Residual) parts.Add("residual");
        parts.Add($"seed={Seed}");
        return string.Join(" ", parts);
    }

    /// <summary>Formats a number compactly for logs and labels: 0.001 as 1e-3, 0.05 as 0.05.</summary>
    public static string Fmt(double v) => Numerics.NumberText.Of(v);
}

/// <summary>The update rule used by the training loop.</summary>
public enum OptimizerKind
{
    /// <summary>Plain stochastic gradient descent: w ← w − η·∇L.</summary>
    Sgd,
    /// <summary>SGD with momentum 0.9.</summary>
    Momentum,
    /// <summary>Adam (betas 0.9, 0.999); weight decay as an L2 gradient term.</summary>
    Adam,
    /// <summary>Adam with decoupled weight decay (Loshchilov and Hutter 2019).</summary>
    AdamW,
}

/// <summary>Hidden-layer nonlinearity.</summary>
public enum Activation
{
    /// <summary>max(0, x).</summary>
    ReLU,
    /// <summary>Hyperbolic tangent.</summary>
    Tanh,
    /// <summary>Logistic sigmoid: prone to vanishing gradients in deep plain networks (lesson 04).</summary>
    Sigmoid,
    /// <summary>Gaussian error linear unit.</summary>
    GELU,
}

/// <summary>Normalization applied after each hidden linear layer.</summary>
public enum Normalization
{
    /// <summary>No normalization.</summary>
    None,
    /// <summary>Batch normalization over the mini-batch.</summary>
    BatchNorm,
    /// <summary>Layer normalization over each example's units.</summary>
    LayerNorm,
}
