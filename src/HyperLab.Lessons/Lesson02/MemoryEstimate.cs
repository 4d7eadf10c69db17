using System.Globalization;
using HyperLab.Models;

namespace HyperLab.Lessons.Lesson02;

/// <summary>
/// Memory of one training step of an <see cref="Models.Mlp"/>, computed from its layer sizes (lesson 02; lesson 06
/// uses it for depth × batch). All values are float32, 4 bytes each:
/// <code>
/// memory ≈ 4 bytes × [ P × (1 weights + 1 gradients + S optimizer state) + B × A ]
///   P = Σ over linear layers (inputs × outputs + outputs)   (+ 2 × width per normalized layer)
///   A = D + depth × width × (1 linear + 1 activation [+ 1 norm] [+ 1 dropout] [+ 1 skip sum]) + C
///   S = 0 for SGD, 1 for momentum, 2 for Adam/AdamW (two moving averages)
/// </code>
/// with B the batch size, D the input features and C the classes. Activations (A per example: the input and
/// every layer's output, which the backward pass needs) are the only part that grows with the batch, linearly;
/// for a fixed width they grow with depth × batch. An estimate of what the model itself holds: the framework
/// adds workspace and, during the backward pass, gradient buffers of about the activations' size.
/// </summary>
public sealed record MemoryEstimate
{
    /// <summary>Bytes per stored value (float32).</summary>
    public const int BytesPerValue = 4;

    /// <summary>The formula in words, as in the class summary.</summary>
    public const string FormulaText = "memory ≈ 4 bytes × [P × (2 + S) + B × A]: parameters and their gradients, S copies of optimizer state, and B × A activations";

    /// <summary>The estimate for a network built from <paramref name="hp"/> (depth, width, normalization, dropout, residual, optimizer) at batch size <see cref="Hyperparameters.BatchSize"/>.</summary>
    /// <param name="inputs">Features per example D.</param>
    /// <param name="classes">Classes C (output units).</param>
    /// <param name="hp">The shape, optimizer and batch size.</param>
    public static MemoryEstimate For(int inputs, int classes, Hyperparameters hp)
    {
        ArgumentNullException.ThrowIfNull(hp);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        long parameters = Mlp.CountParameters(inputs, classes, hp), perExample = inputs + classes;
        for (int layer = 0; layer < hp.Depth; layer++)
        {
            int tensorsPerLayer = 2;                                           // linear output, activation output
            if (hp.Normalization != Normalization.None) tensorsPerLayer++;
            if (hp.Dropout > 0) tensorsPerLayer++;
            if (hp.Residual && layer > 0) tensorsPerLayer++;                   // the skip connection's sum
            perExample += (long)tensorsPerLayer * hp.Width;
        }
        int state = hp.Optimizer switch { OptimizerKind.Sgd => 0, OptimizerKind.Momentum => 1, _ => 2 };
        return new MemoryEstimate(hp.BatchSize, hp.Depth, hp.Width, parameters, perExample, state);
    }

    /// <summary>The largest batch size whose estimate fits in <paramref name="budgetBytes"/> (0 if not even the parameters fit).</summary>
    public static int LargestBatch(int inputs, int classes, Hyperparameters hp, long budgetBytes)
    {
        var one = For(inputs, classes, hp with { BatchSize = 1 });
        long free = budgetBytes - one.FixedBytes;
        if (free < one.ActivationBytesPerExample) return 0;
        return (int)Math.Min(1_000_000, free / one.ActivationBytesPerExample);
    }

    private MemoryEstimate(int batchSize, int depth, int width, long parameters, long activationsPerExample, int optimizerStateCopies)
    {
        BatchSize = batchSize;
        Depth = depth;
        Width = width;
        Parameters = parameters;
        ActivationsPerExample = activationsPerExample;
        OptimizerStateCopies = optimizerStateCopies;
    }

    /// <summary>The batch size B.</summary>
    public int BatchSize { get; }

    /// <summary>Hidden layers of the network estimated.</summary>
    public int Depth { get; }

    /// <summary>Units per hidden layer of the network estimated.</summary>
    public int Width { get; }

    /// <summary>Learned values P (weights and biases).</summary>
    public long Parameters { get; }

    /// <summary>Activation values kept per example A (input, every layer's output, the logits).</summary>
    public long ActivationsPerExample { get; }

    /// <summary>Copies of the parameters the optimizer keeps, S: 0 (SGD), 1 (momentum), 2 (Adam, AdamW).</summary>
    public int OptimizerStateCopies { get; }

    /// <summary>4 · P.</summary>
    public long ParameterBytes => BytesPerValue * Parameters;

    /// <summary>4 · P: one gradient per parameter.</summary>
    public long GradientBytes => BytesPerValue * Parameters;

    /// <summary>4 · P · S.</summary>
    public long OptimizerStateBytes => BytesPerValue * Parameters * OptimizerStateCopies;

    /// <summary>Memory that does not depend on the batch: parameters, gradients and optimizer state.</summary>
    public long FixedBytes => ParameterBytes + GradientBytes + OptimizerStateBytes;

    /// <summary>4 · A: activation bytes per example.</summary>
    public long ActivationBytesPerExample => BytesPerValue * ActivationsPerExample;

    /// <summary>4 · B · A: grows linearly with the batch.</summary>
    public long ActivationBytes => BatchSize * ActivationBytesPerExample;

    /// <summary>Everything: fixed part plus activations.</summary>
    public long TotalBytes => FixedBytes + ActivationBytes;

    /// <summary>The formula with this estimate's numbers, e.g. "4 B × [118,282 × (2 + 2) + 64 × 1,050] = 2.16 MB".</summary>
    public string Formula => string.Create(CultureInfo.InvariantCulture,
        $"4 B × [{Parameters:N0} × (2 + {OptimizerStateCopies}) + {BatchSize:N0} × {ActivationsPerExample:N0}] = {Megabytes(TotalBytes)}");

    /// <summary>Bytes as megabytes (10⁶ bytes), e.g. "2.16 MB".</summary>
    public static string Megabytes(long bytes) => (bytes / 1e6).ToString(bytes < 10_000_000 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " MB";

    /// <summary>"batch 64: activations 0.27 MB + parameters, gradients and optimizer state 1.89 MB = 2.16 MB".</summary>
    public override string ToString() =>
        $"batch {BatchSize:N0}: activations {Megabytes(ActivationBytes)} + parameters, gradients and optimizer state {Megabytes(FixedBytes)} = {Megabytes(TotalBytes)}";
}
