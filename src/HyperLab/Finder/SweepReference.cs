using System.Text.Json;
using System.Text.Json.Serialization;
using HyperLab.Data;
using HyperLab.Sweeps;

namespace HyperLab.Finder;

/// <summary>
/// What the finder is judged against (lesson 01, docs/lessons/01.md): a brute-force log-grid sweep of the
/// rate, each rate trained on several seeds, with the final validation loss averaged over the seeds. Its best
/// is read robustly (<see cref="RobustBest"/>): on a small validation set a single grid point's loss is noisy,
/// so the lowest point of a sweep flatters the sweep.
/// </summary>
/// <param name="Setting">What was trained, e.g. "digits · AdamW · 10 epochs".</param>
/// <param name="Rates">The grid, ascending (log-spaced).</param>
/// <param name="MeanLosses">Final validation loss at each rate, averaged over the seeds (∞ when a seed diverged).</param>
public sealed record SweepReference(string Setting, IReadOnlyList<double> Rates, IReadOnlyList<double> MeanLosses)
{
    /// <summary>Sweeps <paramref name="rates"/> with each of <paramref name="seeds"/> and averages the final
    /// validation losses per rate (a diverged run counts as ∞).</summary>
    /// <param name="setting">Label, e.g. "digits · AdamW · 10 epochs".</param>
    /// <param name="data">Training and validation data.</param>
    /// <param name="hp">Everything but rate and seed.</param>
    /// <param name="rates">The grid, e.g. <c>Sweep.LogGrid(1e-4, 0.3, 3)</c>.</param>
    /// <param name="seeds">The seeds, e.g. 0, 1, 2.</param>
    public static SweepReference Measure(string setting, DataSplits data, Hyperparameters hp, IReadOnlyList<double> rates, IReadOnlyList<int> seeds)
    {
        ArgumentNullException.ThrowIfNull(hp);
        var sweeps = seeds.Select(s => Sweep.Run(data, hp with { Seed = s }, "lr", rates, (h, v) => h with { LearningRate = v },
            new Training.FitOptions())).ToList();
        var mean = rates.Select((_, i) => sweeps.Average(sw => FinalLoss(sw.Points[i].History))).ToArray();
        return new SweepReference(setting, rates.ToArray(), mean);
    }

    /// <summary>
    /// <see cref="Measure"/>, then, while the robust best sits next to an end of the grid whose loss is finite,
    /// extends the grid on that side by one decade at the same spacing and measures the new rates (at most
    /// <paramref name="maxExtensions"/> times): a best on a grid's edge means "extend the grid".
    /// </summary>
    /// <param name="setting">Label, e.g. "digits · Momentum · 12 epochs".</param>
    /// <param name="data">Training and validation data.</param>
    /// <param name="hp">Everything but rate and seed.</param>
    /// <param name="rates">The starting grid, log-spaced, at least 3 rates.</param>
    /// <param name="seeds">The seeds, e.g. 0, 1, 2.</param>
    /// <param name="maxExtensions">How many decades may be added in all; default 3.</param>
    public static SweepReference MeasureExtended(string setting, DataSplits data, Hyperparameters hp, IReadOnlyList<double> rates, IReadOnlyList<int> seeds, int maxExtensions = 3)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var reference = Measure(setting, data, hp, rates, seeds);
        for (int k = 0; k < maxExtensions; k++)
        {
            var side = reference.EdgeToExtend;
            if (side == 0) break;
            double step = reference.Rates[1] / reference.Rates[0];
            int perDecade = (int)Math.Round(Math.Log(10) / Math.Log(step));
            var added = Enumerable.Range(1, perDecade)
                .Select(i => side < 0 ? reference.Rates[0] / Math.Pow(step, perDecade + 1 - i) : reference.Rates[^1] * Math.Pow(step, i)).ToArray();
            var more = Measure(setting, data, hp, added, seeds);
            reference = side < 0
                ? new SweepReference(setting, [.. more.Rates, .. reference.Rates], [.. more.MeanLosses, .. reference.MeanLosses])
                : new SweepReference(setting, [.. reference.Rates, .. more.Rates], [.. reference.MeanLosses, .. more.MeanLosses]);
        }
        return reference;
    }

    /// <summary>−1 when the robust best is next to the low end of the grid (or the lowest point is the single best),
    /// +1 when next to the high end and that end's loss is finite, 0 when the best is inside.</summary>
    [JsonIgnore]
    public int EdgeToExtend
    {
        get
        {
            int best = Rates.ToList().IndexOf(RobustBest.Rate);
            int point = Enumerable.Range(0, Rates.Count).MinBy(i => MeanLosses[i]);
            if (best <= 1 || point == 0) return -1;
            if ((best >= Rates.Count - 2 || point == Rates.Count - 1) && double.IsFinite(MeanLosses[^1])) return 1;
            return 0;
        }
    }

    /// <summary>The mean loss at any <paramref name="rate"/>, interpolated linearly in log rate between the two
    /// neighbouring grid points (∞ when either is ∞; the end value outside the grid). Used to compare candidate
    /// rules cheaply while designing them; reported figures train at the suggestion instead.</summary>
    public double Interpolated(double rate)
    {
        if (!(rate > 0)) return double.NaN;
        if (rate <= Rates[0]) return MeanLosses[0];
        if (rate >= Rates[^1]) return MeanLosses[^1];
        int i = 1;
        while (Rates[i] < rate) i++;
        double t = Math.Log(rate / Rates[i - 1]) / Math.Log(Rates[i] / Rates[i - 1]);
        double a = MeanLosses[i - 1], b = MeanLosses[i];
        return double.IsFinite(a) && double.IsFinite(b) ? a + t * (b - a) : double.PositiveInfinity;
    }

    /// <summary>The final validation loss of a run, ∞ when it diverged or has none.</summary>
    public static double FinalLoss(Training.History run)
    {
        ArgumentNullException.ThrowIfNull(run);
        double v = run.FinalValidationLoss;
        return run.Diverged || !double.IsFinite(v) ? double.PositiveInfinity : v;
    }

    /// <summary>The robust best: the lowest 3-point moving median of <see cref="MeanLosses"/> along the grid
    /// (each interior rate with its two neighbours), and the rate at its centre. A lone lucky grid point cannot
    /// set it; two neighbouring good points can.</summary>
    [JsonIgnore]
    public (double Rate, double Loss) RobustBest
    {
        get
        {
            if (Rates.Count < 3) throw new InvalidOperationException($"A robust best needs at least 3 grid rates; this sweep has {Rates.Count}.");
            return Enumerable.Range(1, Rates.Count - 2)
                .Select(i => (Rates[i], Median3(MeanLosses[i - 1], MeanLosses[i], MeanLosses[i + 1])))
                .MinBy(p => p.Item2);
        }
    }

    /// <summary>The lowest single grid point (for comparison with <see cref="RobustBest"/>).</summary>
    [JsonIgnore]
    public (double Rate, double Loss) PointBest => Rates.Zip(MeanLosses).MinBy(p => p.Second);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Several references as JSON (a diverged rate's loss is written "Infinity").</summary>
    public static string ToJson(IReadOnlyList<SweepReference> references) => JsonSerializer.Serialize(references, Json) + "\n";

    /// <summary>References read back from <see cref="ToJson"/>'s text.</summary>
    public static IReadOnlyList<SweepReference> FromJson(string json) =>
        JsonSerializer.Deserialize<List<SweepReference>>(json, Json) ?? throw new ArgumentException("The JSON holds no sweep references.", nameof(json));

    private static double Median3(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    /// <summary>"digits · AdamW · 10 epochs: robust best 0.0912 at 3.2e-3 (lowest single point 0.0874 at 1e-2)".</summary>
    public override string ToString() =>
        $"{Setting}: robust best {RobustBest.Loss:0.####} at {Hyperparameters.Fmt(RobustBest.Rate)} (lowest single point {PointBest.Loss:0.####} at {Hyperparameters.Fmt(PointBest.Rate)})";
}
