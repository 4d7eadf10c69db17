using System.Globalization;
using HyperLab.Data;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson06;

/// <summary>Which weight-decay number a grid is laid out in (lessons 05 and 06).</summary>
public enum DecayAxis
{
    /// <summary>The coefficient λ given to the optimizer (<see cref="Hyperparameters.WeightDecay"/>).</summary>
    Coefficient,

    /// <summary>The effective decay λ′ = η·λ: the fraction by which PyTorch's and TorchSharp's AdamW shrink every weight
    /// per update at the peak rate η (the quantity Loshchilov and Hutter's decoupled decay keeps apart from the rate).</summary>
    Effective,
}

/// <summary>
/// Learning rate × weight decay for one optimizer, every cell trained on several seeds (lesson 06). The grid is laid out
/// in <see cref="GridAxis"/>: on <see cref="DecayAxis.Effective"/> each rate η gets the coefficients λ = λ′/η, so the
/// rows hold the same per-update shrink at every rate. Decay 0 may be one of the values. A run that diverged counts as +∞.
/// </summary>
/// <param name="Optimizer">Adam (an L2 term, divided by Adam's √v̂ like the gradient) or AdamW (decoupled).</param>
/// <param name="GridAxis">What <paramref name="Decays"/> are.</param>
/// <param name="Rates">Peak learning rates, ascending.</param>
/// <param name="Decays">Decay values on <paramref name="GridAxis"/>, ascending (0 first if present).</param>
/// <param name="Seeds">The seeds of the repeats.</param>
/// <param name="Losses">Losses[s][r][d]: final validation loss of seed s at rate r and decay d.</param>
public sealed record DecayRateGrid(OptimizerKind Optimizer, DecayAxis GridAxis, IReadOnlyList<double> Rates, IReadOnlyList<double> Decays,
    IReadOnlyList<int> Seeds, IReadOnlyList<double[][]> Losses)
{
    /// <summary>Trains <paramref name="baseline"/> once per (seed, rate, decay).</summary>
    /// <param name="data">Data for a seed (e.g. <c>s =&gt; new OverfitRecipe().Build(CourseData.Digits(), s).Data</c>).</param>
    /// <param name="baseline">Everything else (schedule, epochs, network); its seed is replaced by each of <paramref name="seeds"/>.</param>
    /// <param name="optimizer">Adam or AdamW.</param>
    /// <param name="axis">What <paramref name="decays"/> are.</param>
    /// <param name="rates">Peak learning rates.</param>
    /// <param name="decays">Decays on <paramref name="axis"/>, ascending, e.g. 0 and a half-decade grid.</param>
    /// <param name="seeds">At least one seed; three to see the seed-to-seed spread.</param>
    /// <param name="options">How to run each fit (e.g. a notebook's live progress, <c>lesson.Options</c>); its label is set per run. Default: silent.</param>
    public static DecayRateGrid Run(Func<int, DataSplits> data, Hyperparameters baseline, OptimizerKind optimizer, DecayAxis axis,
        IReadOnlyList<double> rates, IReadOnlyList<double> decays, IReadOnlyList<int> seeds, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(baseline);
        Require(rates, decays, seeds);
        var losses = new List<double[][]>();
        foreach (int seed in seeds)
        {
            var split = data(seed);
            losses.Add(rates.Select(rate => decays.Select(d =>
            {
                var hp = baseline with { Optimizer = optimizer, LearningRate = rate, WeightDecay = Coefficient(axis, d, rate), Seed = seed };
                // Only the final validation loss is read, so the validation set is measured once, after the last epoch.
                using var run = Trainer.Fit(hp, split, (options ?? new FitOptions()) with { Label = $"{optimizer} lr={Hyperparameters.Fmt(rate)} {Name(axis)}={Hyperparameters.Fmt(d)} seed {seed}", EvaluateEachEpoch = false });
                double loss = run.History.Diverged ? double.NaN : Evaluation.Measure(run.Model, split.Validation).Loss;
                return double.IsFinite(loss) ? loss : double.PositiveInfinity;
            }).ToArray()).ToArray());
        }
        return new DecayRateGrid(optimizer, axis, rates.ToList(), decays.ToList(), seeds.ToList(), losses);
    }

    /// <summary>The coefficient λ the optimizer gets for decay <paramref name="value"/> on <paramref name="axis"/> at rate <paramref name="rate"/>.</summary>
    public static double Coefficient(DecayAxis axis, double value, double rate) =>
        axis == DecayAxis.Coefficient ? value : Math.Round(value / rate, 12);

    /// <summary>"λ" or "λ′ = η·λ".</summary>
    public static string Name(DecayAxis axis) => axis == DecayAxis.Coefficient ? "λ" : "λ′";

    /// <summary>Mean over the seeds: Mean[r][d].</summary>
    public double[][] Mean => Rates.Select((_, r) => Decays.Select((_, d) => Losses.Average(s => s[r][d])).ToArray()).ToArray();

    /// <summary>For each rate, the index into <see cref="Decays"/> of the lowest seed-averaged loss.</summary>
    public IReadOnlyList<int> BestIndex => Rates.Select((_, r) => ArgMin(Mean[r])).ToList();

    /// <summary>For each rate, the best decay of the seed-averaged grid (on <see cref="GridAxis"/>).</summary>
    public IReadOnlyList<double> BestDecay => BestIndex.Select(i => Decays[i]).ToList();

    /// <summary>For seed index <paramref name="s"/>, each rate's best decay index.</summary>
    public IReadOnlyList<int> BestIndexOfSeed(int s) => Rates.Select((_, r) => ArgMin(Losses[s][r])).ToList();

    /// <summary>How far the best decay moves across the rates on the averaged grid, in grid steps (the largest best
    /// index minus the smallest; decay 0 counts as one step below the smallest positive value).</summary>
    public int ShiftSteps => Shift(BestIndex);

    /// <summary>The same shift measured on each seed alone.</summary>
    public IReadOnlyList<int> ShiftStepsPerSeed => Seeds.Select((_, s) => Shift(BestIndexOfSeed(s))).ToList();

    /// <summary>Rates whose best decay is the largest value of the grid: the best may lie beyond it ("extend the range").</summary>
    public IReadOnlyList<double> BestAtTopEdge => Rates.Where((_, r) => BestIndex[r] == Decays.Count - 1).ToList();

    /// <summary>Rates whose best decay is 0: decay did not help there, so there is no best decay to compare.</summary>
    public IReadOnlyList<double> BestIsNoDecay => Rates.Where((_, r) => Decays[BestIndex[r]] == 0).ToList();

    /// <summary>The best decay of each rate read on <paramref name="axis"/>, on the averaged grid and on each seed.</summary>
    /// <param name="axis">Coefficient λ or effective decay λ′ = η·λ.</param>
    /// <param name="name">What to call it. Default e.g. "AdamW's λ′ = η·λ".</param>
    public BestDecayTrack Track(DecayAxis axis, string? name = null)
    {
        IReadOnlyList<double> On(IReadOnlyList<int> best) => Rates.Select((rate, r) => Convert(Decays[best[r]], rate, axis)).ToList();
        return new BestDecayTrack(name ?? $"{OptimizerName}'s {(axis == DecayAxis.Coefficient ? "λ" : "λ′ = η·λ")}", Rates, On(BestIndex),
            Seeds.Select((_, s) => On(BestIndexOfSeed(s))).ToList());
    }

    /// <summary>Why a best decay cannot be read from this grid: a best on its largest decay ("extend the range"), or
    /// decay 0 best at a rate (decay did not help there), on the averaged grid.</summary>
    public IReadOnlyList<string> Problems =>
        BestAtTopEdge.Select(r => $"{OptimizerName} at lr {Hyperparameters.Fmt(r)}: best at the top edge of the grid ({Name(GridAxis)} = {Hyperparameters.Fmt(Decays[^1])}), extend the range")
        .Concat(BestIsNoDecay.Select(r => $"{OptimizerName} at lr {Hyperparameters.Fmt(r)}: decay 0 is best, so decay did not help at this rate"))
        .ToList();

    /// <summary>"Adam + L2" or "AdamW".</summary>
    public string OptimizerName => Optimizer == OptimizerKind.Adam ? "Adam + L2" : Optimizer.ToString();

    private double Convert(double value, double rate, DecayAxis axis) =>
        axis == GridAxis ? value : Snap(axis == DecayAxis.Coefficient ? Coefficient(DecayAxis.Effective, value, rate) : value * rate);

    // A product of grid values written to three digits (3.16 × 0.0316 = 0.0999) is shown as the half-decade value it
    // stands for (0.1) when it is within 1% of one.
    private static double Snap(double value)
    {
        if (value <= 0) return value;
        double lattice = Math.Pow(10, Math.Round(2 * Math.Log10(value)) / 2);
        return Math.Abs(value / lattice - 1) < 0.01 ? lattice : value;
    }

    /// <summary>
    /// The same seed-averaged losses as a table on <paramref name="axis"/>: rows are the union of the decays every rate
    /// reaches on that axis, and cells no run measured are NaN (a sheared grid when <paramref name="axis"/> is not
    /// <see cref="GridAxis"/>).
    /// </summary>
    public (IReadOnlyList<double> Rows, double[][] Loss) TableOn(DecayAxis axis)
    {
        var mean = Mean;
        double Value(int r, int d) => Convert(Decays[d], Rates[r], axis);
        var rows = new List<double>();
        for (int r = 0; r < Rates.Count; r++)
            for (int d = 0; d < Decays.Count; d++)
                if (!rows.Any(v => Same(v, Value(r, d)))) rows.Add(Value(r, d));
        rows.Sort();
        var loss = rows.Select(row => Rates.Select((_, r) =>
        {
            int d = Enumerable.Range(0, Decays.Count).FirstOrDefault(i => Same(Value(r, i), row), -1);
            return d < 0 ? double.NaN : mean[r][d];
        }).ToArray()).ToArray();
        return (rows, loss);
    }

    /// <summary>"AdamW, λ′ = η·λ (3 seeds): best λ′ 1e-3 at lr 1e-3, …; moves 2 steps (per seed 2, 2, 1)".</summary>
    public override string ToString() =>
        $"{OptimizerName} ({Seeds.Count} seeds): best {Name(GridAxis)} " +
        string.Join(", ", Rates.Select((rate, r) => $"{Hyperparameters.Fmt(BestDecay[r])} at lr {Hyperparameters.Fmt(rate)}")) +
        $"; moves {ShiftSteps} grid step{(ShiftSteps == 1 ? "" : "s")} across the rates (per seed {string.Join(", ", ShiftStepsPerSeed)})";

    private static int Shift(IReadOnlyList<int> indices) => indices.Max() - indices.Min();

    private static int ArgMin(double[] values) => Enumerable.Range(0, values.Length).MinBy(i => double.IsNaN(values[i]) ? double.PositiveInfinity : values[i]);

    // Grid values are written to three digits (3.16 for √10), so products that agree within 1% are the same decay.
    private static bool Same(double a, double b) => a == b || Math.Abs(a - b) <= 0.01 * Math.Max(Math.Abs(a), Math.Abs(b));

    private static void Require(IReadOnlyList<double> rates, IReadOnlyList<double> decays, IReadOnlyList<int> seeds)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(decays);
        ArgumentNullException.ThrowIfNull(seeds);
        if (rates.Count < 2 || rates.Any(r => r <= 0))
            throw new ArgumentException($"A rate × decay grid needs at least two positive learning rates (got {rates.Count}); try 1e-3, 3.16e-3, 1e-2.", nameof(rates));
        if (decays.Count < 3 || decays.Any(d => d < 0) || decays.Zip(decays.Skip(1)).Any(p => p.Second <= p.First))
            throw new ArgumentException($"A rate × decay grid needs at least three ascending decays ≥ 0 (got {string.Join(", ", decays.Select(d => d.ToString(CultureInfo.InvariantCulture)))}); try 0 and a half-decade grid.", nameof(decays));
        if (seeds.Count < 1) throw new ArgumentException("A rate × decay grid needs at least one seed (three to measure the seed-to-seed spread).", nameof(seeds));
    }
}
