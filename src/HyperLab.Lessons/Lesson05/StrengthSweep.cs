using HyperLab.Data;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson05;

/// <summary>One strength of a <see cref="StrengthSweep"/>: the run, its weights, and its loss on the training set
/// measured after training with dropout off (lesson 05).</summary>
/// <param name="Strength">The regularization strength (weight decay, L1 or dropout rate).</param>
/// <param name="History">The run.</param>
/// <param name="Weights">The final model's weight statistics.</param>
/// <param name="TrainLoss">Loss on the training set after training, dropout off (nats): comparable across dropout rates,
/// unlike the epoch average that the history records with dropout on.</param>
public sealed record StrengthPoint(double Strength, History History, WeightStats Weights, double TrainLoss)
{
    /// <summary>Validation loss of the model the run ended with (nats).</summary>
    public double ValidationLoss => History.FinalValidationLoss;

    /// <summary>Validation minus training loss (both after training, dropout off): how much better the model does on
    /// what it trained on than on new data.</summary>
    public double Gap => ValidationLoss - TrainLoss;

    /// <summary>"wd=1e-3: training loss 0.01, validation loss 0.67, gap 0.66, ‖W‖ = 17.2, 3.1% of … below 1e-3".</summary>
    public override string ToString() =>
        $"{History.Label}: training loss {TrainLoss:0.###}, validation loss {ValidationLoss:0.###}, gap {Gap:0.###}, {Weights}";
}

/// <summary>
/// A sweep over one regularization strength (lesson 05): one run per value, everything else fixed, keeping for each
/// run its history, its weight statistics and its training loss with dropout off. The trends the lesson claims
/// (training loss rises, weights shrink, validation is U-shaped) are read from it.
/// </summary>
/// <param name="Knob">The knob's name, e.g. "weight decay".</param>
/// <param name="Points">One point per strength, in sweep order (weakest first).</param>
public sealed record StrengthSweep(string Knob, IReadOnlyList<StrengthPoint> Points)
{
    /// <summary>Trains <paramref name="baseline"/> once per strength; <paramref name="apply"/> sets the knob.</summary>
    /// <param name="data">Training and validation data.</param>
    /// <param name="baseline">Everything that stays fixed.</param>
    /// <param name="knob">Name for labels, e.g. "wd", "l1", "dropout".</param>
    /// <param name="strengths">Values to try, weakest first (0 allowed).</param>
    /// <param name="apply">Sets the knob, e.g. <c>(hp, v) =&gt; hp with { WeightDecay = v }</c>.</param>
    /// <param name="threshold">Near-zero threshold for <see cref="WeightStats"/>. Default <see cref="WeightStats.DefaultThreshold"/>.</param>
    /// <param name="options">How to run each fit (e.g. a notebook's live progress, <c>lesson.Options</c>); its label is set per run. Default: silent.</param>
    public static StrengthSweep Run(DataSplits data, Hyperparameters baseline, string knob, IEnumerable<double> strengths,
        Func<Hyperparameters, double, Hyperparameters> apply, double threshold = WeightStats.DefaultThreshold, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(apply);
        var points = new List<StrengthPoint>();
        foreach (double s in strengths)
        {
            using var run = Trainer.Fit(apply(baseline, s), data, (options ?? new FitOptions()) with { Label = $"{knob}={Hyperparameters.Fmt(s)}" });
            points.Add(new StrengthPoint(s, run.History, WeightStats.Of(run.Model, threshold), Evaluation.Measure(run.Model, data.Train).Loss));
        }
        return new StrengthSweep(knob, points);
    }

    /// <summary>The strengths, in sweep order.</summary>
    public IReadOnlyList<double> Strengths => Points.Select(p => p.Strength).ToList();

    /// <summary>The point with the lowest final validation loss.</summary>
    public StrengthPoint Best => Points.MinBy(p => p.ValidationLoss) ?? throw new InvalidOperationException("The sweep has no runs.");

    /// <summary>The point nearest to <paramref name="strength"/> on a log scale (0 only matches 0).</summary>
    public StrengthPoint At(double strength) => Points.MinBy(p => p.Strength == strength ? -1 : strength == 0 || p.Strength == 0 ? double.MaxValue
        : Math.Abs(Math.Log(p.Strength / strength)))!;

    /// <summary>Training loss (dropout off) rises with the strength, allowing steps back of <paramref name="slack"/> nats (default 0.01).</summary>
    public Trend TrainingLossRises(double slack = 0.01) => new("training loss", true, Strengths, Points.Select(p => p.TrainLoss).ToList(), slack);

    /// <summary>The weight norm falls with the strength, allowing steps back of <paramref name="slack"/> (default 0.1).</summary>
    public Trend NormShrinks(double slack = 0.1) => new("weight norm ‖W‖", false, Strengths, Points.Select(p => p.Weights.L2Norm).ToList(), slack);

    /// <summary>The share of near-zero weights grows with the strength, allowing steps back of <paramref name="slack"/> (default 0.005).</summary>
    public Trend NearZeroGrows(double slack = 0.005) => new("share of near-zero weights", true, Strengths, Points.Select(p => p.Weights.NearZeroShare).ToList(), slack);

    /// <summary>The train-validation gap shrinks with the strength, allowing steps back of <paramref name="slack"/> nats (default 0.02).</summary>
    public Trend GapShrinks(double slack = 0.02) => new("train-validation gap", false, Strengths, Points.Select(p => p.Gap).ToList(), slack);

    /// <summary>Validation loss is U-shaped: its lowest point is strictly inside the sweep and both ends are worse than it
    /// by more than <paramref name="margin"/> (default 0.05: 5%).</summary>
    public StrengthUShape ValidationUShape(double margin = 0.05) => new(Knob, Strengths, Points.Select(p => p.ValidationLoss).ToList(), margin);

    /// <summary>The same sweep cut to the strengths up to <paramref name="max"/> (inclusive).</summary>
    public StrengthSweep UpTo(double max) => this with { Points = Points.Where(p => p.Strength <= max).ToList() };

    /// <inheritdoc/>
    public override string ToString() => $"{Knob} sweep, {Points.Count} runs; best {Knob}={Hyperparameters.Fmt(Best.Strength)} (validation loss {Best.ValidationLoss:0.###})";
}
