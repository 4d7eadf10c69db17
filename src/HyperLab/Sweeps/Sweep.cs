using HyperLab.Data;
using HyperLab.Training;

namespace HyperLab.Sweeps;

/// <summary>
/// Changes one knob at a time (lessons 01-06): trains one run per value, everything else fixed,
/// and returns the labelled histories. Models are freed after each run.
/// </summary>
public static class Sweep
{
    /// <summary>Runs <paramref name="baseline"/> once per value with <paramref name="apply"/> setting the knob.</summary>
    /// <param name="data">Training and validation data.</param>
    /// <param name="baseline">Everything that stays fixed.</param>
    /// <param name="knob">The knob's name, for labels ("lr", "batch").</param>
    /// <param name="values">The values to try.</param>
    /// <param name="apply">Sets the knob, e.g. <c>(hp, v) =&gt; hp with { LearningRate = v }</c>.</param>
    /// <param name="options">Fit options for every run (labels are set per run).</param>
    public static SweepResult<T> Run<T>(DataSplits data, Hyperparameters baseline, string knob, IEnumerable<T> values,
        Func<Hyperparameters, T, Hyperparameters> apply, FitOptions? options = null)
    {
        var points = new List<SweepPoint<T>>();
        foreach (var value in values)
        {
            var hp = apply(baseline, value);
            string label = $"{knob}={(value is double d ? Hyperparameters.Fmt(d) : value?.ToString())}";
            using var run = Trainer.Fit(hp, data, (options ?? new FitOptions()) with { Label = label });
            points.Add(new SweepPoint<T>(value, run.History));
        }
        return new SweepResult<T>(knob, points);
    }

    /// <summary>Log-spaced values from <paramref name="from"/> to <paramref name="to"/>, <paramref name="perDecade"/> per factor of ten (default 2).</summary>
    public static double[] LogGrid(double from, double to, int perDecade = 2)
    {
        int n = (int)Math.Round(Math.Log10(to / from) * perDecade);
        return Enumerable.Range(0, n + 1).Select(i => from * Math.Pow(10, (double)i / perDecade)).ToArray();
    }
}

/// <summary>One value of a sweep and the run it gave.</summary>
public sealed record SweepPoint<T>(T Value, History History);

/// <summary>All runs of a sweep over one knob.</summary>
public sealed record SweepResult<T>(string Knob, IReadOnlyList<SweepPoint<T>> Points)
{
    /// <summary>The histories, in sweep order.</summary>
    public IEnumerable<History> Histories => Points.Select(p => p.History);

    /// <summary>The point with the lowest final validation loss among runs that did not diverge.</summary>
    public SweepPoint<T> Best => Points.Where(p => !p.History.Diverged && double.IsFinite(p.History.FinalValidationLoss))
        .MinBy(p => p.History.FinalValidationLoss) ?? throw new InvalidOperationException("Every run of the sweep diverged: lower the values and try again.");

    /// <inheritdoc/>
    public override string ToString() => $"sweep over {Knob}: {Points.Count} runs, best {Knob}={Best.Value} (validation loss {Best.History.FinalValidationLoss:0.####})";
}
