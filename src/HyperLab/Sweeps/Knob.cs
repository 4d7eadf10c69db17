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
    /// <summary>Short name for labels; not blank.</summary>
    public string Name { get; init => field = string.IsNullOrWhiteSpace(value) ? throw BlankName(value) : value; }
        = string.IsNullOrWhiteSpace(Name) ? throw BlankName(Name) : Name;

    /// <summary>The values: at least one, each a finite number. Checked also through <c>with</c>.</summary>
    public IReadOnlyList<double> Values { get; init => field = CheckValues(value, Name); } = CheckValues(Values, Name);

    /// <summary>Sets the knob; not null.</summary>
    public Func<Hyperparameters, double, Hyperparameters> Apply { get; init => field = value ?? throw Valid.Missing(nameof(Apply), ApplyExample); }
        = Apply ?? throw Valid.Missing(nameof(Apply), ApplyExample);

    private const string ApplyExample = "(hp, v) => hp with { LearningRate = v }";

    private static HyperparameterException BlankName(string? name) =>
        new(nameof(Name), name, "a short, non-blank name for labels and axes", "\"lr\"");

    private static IReadOnlyList<double> CheckValues(IReadOnlyList<double>? values, string? name)
    {
        if (values is not { Count: > 0 })
            throw new HyperparameterException(nameof(Values), values is null ? null : "[]",
                $"at least one value to try (the knob '{name}' sets a hyperparameter to each value)",
                "a few values spread over the range, e.g. Sweep.LogGrid(1e-4, 1e-1) for a rate or [0, 0.2, 0.5] for dropout");
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new HyperparameterException($"{nameof(Values)}[{i}]", values[i],
                    $"a finite number (the knob '{name}' sets a hyperparameter to each value)", "the values of a grid such as Sweep.LogGrid(1e-4, 1e-1)");
        }
        return values;
    }

    // The named knobs set a known hyperparameter: each value is tried on the defaults, so a value out of its range
    // (a rate of 0, a dropout of 1) is refused here, with that hyperparameter's message, not in the middle of a sweep.
    private static Knob Named(string name, IReadOnlyList<double> values, Func<Hyperparameters, double, Hyperparameters> apply)
    {
        var knob = new Knob(name, values, apply);
        foreach (var v in knob.Values) apply(new Hyperparameters(), v);
        return knob;
    }

    /// <summary>The learning rate (lesson 01), "lr".</summary>
    public static Knob LearningRate(params IReadOnlyList<double> values) => Named("lr", values, (hp, v) => hp with { LearningRate = v });

    /// <summary>The batch size (lesson 02), "batch"; values are rounded to whole examples.</summary>
    public static Knob BatchSize(params IReadOnlyList<double> values) => Named("batch", values, (hp, v) => hp with { BatchSize = (int)Math.Round(v) });

    /// <summary>The epoch budget (lesson 03), "epochs"; values are rounded to whole epochs.</summary>
    public static Knob Epochs(params IReadOnlyList<double> values) => Named("epochs", values, (hp, v) => hp with { Epochs = (int)Math.Round(v) });

    /// <summary>The number of hidden layers (lesson 04), "depth"; values are rounded to whole layers.</summary>
    public static Knob Depth(params IReadOnlyList<double> values) => Named("depth", values, (hp, v) => hp with { Depth = (int)Math.Round(v) });

    /// <summary>Weight decay (lesson 05), "wd": decoupled for AdamW, an L2 gradient term for Adam and SGD.</summary>
    public static Knob WeightDecay(params IReadOnlyList<double> values) => Named("wd", values, (hp, v) => hp with { WeightDecay = v });

    /// <summary>Dropout probability (lesson 05), "dropout".</summary>
    public static Knob Dropout(params IReadOnlyList<double> values) => Named("dropout", values, (hp, v) => hp with { Dropout = v });

    /// <summary>"lr: 1e-4, 1e-3, 0.01".</summary>
    public override string ToString() => $"{Name}: {string.Join(", ", Values.Select(Hyperparameters.Fmt))}";
}
