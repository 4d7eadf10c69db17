using System.Globalization;
using HyperLab.Data;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson05;

/// <summary>One cell of a <see cref="DecayGrid"/>: optimizer, learning rate, weight decay and the run's final validation loss.</summary>
public sealed record DecayCell(OptimizerKind Optimizer, double LearningRate, double WeightDecay, double ValidationLoss);

/// <summary>
/// Learning rate × weight decay for two ways of decaying weights (lesson 05; Loshchilov and Hutter 2019):
/// <see cref="OptimizerKind.Adam"/>, whose weight decay is an L2 term added to the gradient (and so rescaled by Adam
/// like the gradient), and <see cref="OptimizerKind.AdamW"/>, whose decay shrinks every weight directly by
/// rate × decay per update. Each optimizer gets its own decay values: the same number means different things to them.
/// </summary>
/// <param name="Cells">One cell per (optimizer, rate, decay).</param>
public sealed record DecayGrid(IReadOnlyList<DecayCell> Cells)
{
    /// <summary>Trains one run per (optimizer, rate, decay) from <paramref name="baseline"/>.</summary>
    /// <param name="data">Training and validation data.</param>
    /// <param name="baseline">Everything else.</param>
    /// <param name="rates">Learning rates.</param>
    /// <param name="decays">Weight decays per optimizer, e.g. Adam: 3e-3, 1e-2, 3e-2; AdamW: 0.3, 1, 3.</param>
    /// <param name="options">How to run each fit (e.g. a notebook's live progress, <c>lesson.Options</c>); its label is set per run. Default: silent.</param>
    public static DecayGrid Run(DataSplits data, Hyperparameters baseline, IReadOnlyList<double> rates, IReadOnlyDictionary<OptimizerKind, double[]> decays, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(decays);
        var cells = new List<DecayCell>();
        foreach (var (optimizer, values) in decays)
            foreach (double lr in rates)
                foreach (double wd in values)
                {
                    var hp = baseline with { Optimizer = optimizer, LearningRate = lr, WeightDecay = wd };
                    using var run = Trainer.Fit(hp, data, (options ?? new FitOptions()) with { Label = $"{optimizer} lr={Hyperparameters.Fmt(lr)} wd={Hyperparameters.Fmt(wd)}" });
                    cells.Add(new DecayCell(optimizer, lr, wd, run.History.FinalValidationLoss));
                }
        return new DecayGrid(cells);
    }

    /// <summary>The optimizers in the grid.</summary>
    public IReadOnlyList<OptimizerKind> Optimizers => Cells.Select(c => c.Optimizer).Distinct().ToList();

    /// <summary>The learning rates in the grid, ascending.</summary>
    public IReadOnlyList<double> Rates => Cells.Select(c => c.LearningRate).Distinct().Order().ToList();

    /// <summary>The decay with the lowest validation loss for this optimizer at this rate.</summary>
    public double BestDecay(OptimizerKind optimizer, double rate) =>
        Cells.Where(c => c.Optimizer == optimizer && c.LearningRate == rate).MinBy(c => c.ValidationLoss)?.WeightDecay
        ?? throw new ArgumentException($"No runs for {optimizer} at rate {rate}.");

    /// <summary>How far the best decay moves across the rates: log10(largest best / smallest best), in decades.</summary>
    public double Spread(OptimizerKind optimizer)
    {
        var best = Rates.Select(r => BestDecay(optimizer, r)).ToList();
        return Math.Log10(best.Max() / best.Min());
    }

    /// <summary>At every rate, <paramref name="larger"/>'s best decay over <paramref name="smaller"/>'s (the smallest ratio over the rates).</summary>
    public double SmallestRatio(OptimizerKind smaller, OptimizerKind larger) => Rates.Min(r => BestDecay(larger, r) / BestDecay(smaller, r));

    /// <summary>"Adam: best decay 1e-2 at lr 1e-3, 3e-2 at lr 3e-3 (moves 0.48 decades); AdamW: …".</summary>
    public override string ToString() => string.Join("; ", Optimizers.Select(o =>
        $"{o}: best decay {string.Join(", ", Rates.Select(r => $"{Hyperparameters.Fmt(BestDecay(o, r))} at lr {Hyperparameters.Fmt(r)}"))} " +
        $"(moves {Spread(o).ToString("0.##", CultureInfo.InvariantCulture)} decades)"));
}
