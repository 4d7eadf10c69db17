using System.Globalization;
using HyperLab.Data;
using HyperLab.Sweeps;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson06;

/// <summary>
/// "Which hyperparameter matters most?" (lesson 06): around one good baseline, varies each knob over its range
/// with everything else fixed (one <see cref="Sweep"/> per knob) and measures the spread of final validation loss
/// each one causes. The answer depends on the ranges you call sensible: state them with the result.
/// </summary>
public static class SweepImportance
{
    /// <summary>One sweep per knob around <paramref name="baseline"/>.</summary>
    /// <param name="data">Training and validation data.</param>
    /// <param name="baseline">The good baseline every sweep starts from.</param>
    /// <param name="knobs">The knobs and the range of each, e.g. <c>Knob.LearningRate(1e-4, 1e-3, 1e-2)</c>.</param>
    /// <param name="options">Fit options for every run. Default none.</param>
    public static ImportanceResult Measure(DataSplits data, Hyperparameters baseline, IEnumerable<Knob> knobs, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(knobs);
        var spreads = knobs.Select(k => new KnobSpread(k, Sweep.Run(data, baseline, k.Name, k.Values, k.Apply, options))).ToList();
        if (spreads.Count < 2) throw new ArgumentException("Compare at least two knobs.", nameof(knobs));
        return new ImportanceResult(baseline, spreads);
    }
}

/// <summary>How much one knob moved the final validation loss over its range (diverged runs left out and counted).</summary>
/// <param name="Knob">The knob and its range.</param>
/// <param name="Sweep">Its runs.</param>
public sealed record KnobSpread(Knob Knob, SweepResult<double> Sweep)
{
    private IEnumerable<SweepPoint<double>> Finished => Sweep.Points.Where(p => !p.History.Diverged && double.IsFinite(p.History.FinalValidationLoss));

    /// <summary>The lowest final validation loss over the range (nats).</summary>
    public double Lowest => Finished.Min(p => p.History.FinalValidationLoss);

    /// <summary>The highest final validation loss over the range among runs that did not diverge (nats).</summary>
    public double Highest => Finished.Max(p => p.History.FinalValidationLoss);

    /// <summary>Highest − lowest: how much getting this knob wrong (within its range) can cost, in nats.</summary>
    public double Spread => Highest - Lowest;

    /// <summary>Runs that diverged (not in the spread).</summary>
    public int Diverged => Sweep.Points.Count(p => p.History.Diverged);

    /// <summary>"lr over 1e-4..0.03: 0.09 to 1.53 nats, spread 1.44".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Knob.Name} over {Hyperparameters.Fmt(Knob.Values.Min())}..{Hyperparameters.Fmt(Knob.Values.Max())}: {Lowest:0.###} to {Highest:0.###} nats, spread {Spread:0.###}{(Diverged > 0 ? $" ({Diverged} diverged, left out)" : "")}");
}

/// <summary>The spread of validation loss each knob caused around one baseline (lesson 06).</summary>
/// <param name="Baseline">The baseline.</param>
/// <param name="Knobs">One entry per knob, in the order measured.</param>
public sealed record ImportanceResult(Hyperparameters Baseline, IReadOnlyList<KnobSpread> Knobs)
{
    /// <summary>The knob with the largest spread.</summary>
    public KnobSpread Largest => Knobs.MaxBy(k => k.Spread)!;

    /// <summary>The spread of the knob named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such knob was measured.</exception>
    public KnobSpread this[string name] => Knobs.FirstOrDefault(k => k.Knob.Name == name) ?? throw new KeyNotFoundException($"No knob named '{name}' was measured; measured: {string.Join(", ", Knobs.Select(k => k.Knob.Name))}.");

    /// <summary>The spread of <paramref name="name"/> divided by the largest spread of any other knob (&gt; 1: it matters most).</summary>
    public double RatioToNext(string name) => this[name].Spread / Knobs.Where(k => k.Knob.Name != name).Max(k => k.Spread);

    /// <summary>"largest spread: lr (1.44 nats), 3.2× the next (batch 0.45); lr …; batch …".</summary>
    public override string ToString()
    {
        var next = Knobs.Where(k => k != Largest).MaxBy(k => k.Spread)!;
        return string.Create(CultureInfo.InvariantCulture,
            $"largest spread: {Largest.Knob.Name} ({Largest.Spread:0.###} nats), {Largest.Spread / next.Spread:0.0}× the next ({next.Knob.Name}, {next.Spread:0.###}); ") +
            string.Join("; ", Knobs.OrderByDescending(k => k.Spread));
    }
}
