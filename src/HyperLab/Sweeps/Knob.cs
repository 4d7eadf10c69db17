namespace HyperLab.Sweeps;

/// <summary>
/// One hyperparameter to vary (lesson 06): its name for labels, the values to try and how to set it. The
/// factories cover the five of the course, e.g. <c>Knob.LearningRate(Sweep.LogGrid(1e-4, 1e-1))</c>;
/// any other setting works with the constructor.
/// </summary>
/// <param name="Name">Short name for labels and axes: "lr", "batch", "epochs", "depth", "wd", "dropout".</param>
/// <param name="Values">The values to try, in order (at least one).</param>
/// <param name="Apply">Sets the knob, e.g. <c>(hp, v) =&gt; hp with { LearningRate = v }</c>.</param>
public sealed record Knob(string Name, IReadOnlyList<double> Values, Func<Hyperparameters, double, Hyperparameters> Apply)
{
    /// <summary>The values (at least one).</summary>
    public IReadOnlyList<double> Values { get; init; } = Values is { Count: > 0 } ? Values
        : throw new ArgumentException($"The knob '{Name}' needs at least one value to try.", nameof(Values));

    /// <summary>The learning rate (lesson 01), "lr".</summary>
    public static Knob LearningRate(params IReadOnlyList<double> values) => new("lr", values, (hp, v) => hp with { LearningRate = v });

    /// <summary>The batch size (lesson 02), "batch"; values are rounded to whole examples.</summary>
    public static Knob BatchSize(params IReadOnlyList<double> values) => new("batch", values, (hp, v) => hp with { BatchSize = (int)Math.Round(v) });

    /// <summary>The epoch budget (lesson 03), "epochs"; values are rounded to whole epochs.</summary>
    public static Knob Epochs(params IReadOnlyList<double> values) => new("epochs", values, (hp, v) => hp with { Epochs = (int)Math.Round(v) });

    /// <summary>The number of hidden layers (lesson 04), "depth"; values are rounded to whole layers.</summary>
    public static Knob Depth(params IReadOnlyList<double> values) => new("depth", values, (hp, v) => hp with { Depth = (int)Math.Round(v) });

    /// <summary>Weight decay (lesson 05), "wd": decoupled for AdamW, an L2 gradient term for Adam and SGD.</summary>
    public static Knob WeightDecay(params IReadOnlyList<double> values) => new("wd", values, (hp, v) => hp with { WeightDecay = v });

    /// <summary>Dropout probability (lesson 05), "dropout".</summary>
    public static Knob Dropout(params IReadOnlyList<double> values) => new("dropout", values, (hp, v) => hp with { Dropout = v });

    /// <summary>"lr: 1e-4, 1e-3, 0.01".</summary>
    public override string ToString() => $"{Name}: {string.Join(", ", Values.Select(Hyperparameters.Fmt))}";
}
