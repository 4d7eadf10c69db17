using HyperLab.Training;

namespace HyperLab.Diagnosis;

/// <summary>
/// Reads a training history like a doctor reads symptoms (lesson 01) and names the row of the
/// learning-rate symptom table it matches, with the numbers that led there and what to try.
/// <para>How it reads a run, in order (thresholds in <see cref="SymptomThresholds"/>):</para>
/// <list type="number">
/// <item>The step losses are averaged in ten consecutive blocks to remove mini-batch noise, and compared
/// with the first step's loss (an untrained network's, about ln C). A history with fewer than 10 steps, or fewer
/// steps than epochs, is read from its epochs' training losses instead.</item>
/// <item><b>Diverged</b> (NaN, ∞ or exploded, see <see cref="History.Divergence"/>): <i>too high</i>, unless the
/// loss had first shed at least 30% of its starting value; then <i>fine early, too high later</i>.</item>
/// <item>Never shed 30%, and a step's loss jumped above 1.5× the start or a block average rose ≥ 25% above an
/// earlier one: <i>too high</i> (jumps wildly).</item>
/// <item>Shed 30% or more, then a block average rose ≥ 25% above an earlier one: <i>fine early, too high later</i>.</item>
/// <item>Shed less than 5%, or the second half of the run removed at least 0.4× as much loss as the first
/// half (still falling in a straight line instead of leveling off): <i>too low</i>.</item>
/// <item>Validation's best epoch is ≥ 2 epochs before the end and the final validation loss is ≥ 3% above it, or
/// the mean validation loss of the last third of the epochs is not at least 2% below the mean of the third
/// before it: <i>validation stalls</i>.</item>
/// <item>Otherwise <i>healthy</i>.</item>
/// </list>
/// Limits: it judges the learning rate only. A validation loss that rises while training keeps falling is
/// overfitting (lesson 03), which this reader also reports as a stall; a task whose best possible loss is
/// close to ln C would look "too low" to it.
/// </summary>
public static class SymptomReader
{
    /// <summary>The symptom table of lesson 01, one row per symptom (healthy last).</summary>
    public static IReadOnlyList<SymptomRow> Table { get; } =
    [
        new(Symptom.TooHigh, "loss becomes NaN, explodes, or jumps wildly", "learning rate too high", "cut it by 3× to 10×"),
        new(Symptom.TooLow, "loss decreases, but painfully slowly", "learning rate too low", "raise it, or use a schedule"),
        new(Symptom.UnstableLater, "loss improves first, then turns unstable", "fine early, too high later", "decay it (step, cosine) or reduce on plateau"),
        new(Symptom.Stalled, "validation improves, then stalls", "not fine enough for the final convergence", "lower the rate to fine-tune"),
        new(Symptom.Healthy, "loss falls smoothly, validation still improving", "a good rate", "keep it"),
    ];

    /// <summary>Diagnoses one run.</summary>
    /// <param name="history">The run (from <c>Trainer.Fit</c>).</param>
    /// <param name="thresholds">Default <c>new SymptomThresholds()</c>.</param>
    public static SymptomDiagnosis Read(History history, SymptomThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var t = thresholds ?? new SymptomThresholds();
        double lr = history.Hyperparameters.LearningRate;
        string Rate(double x) => Hyperparameters.Fmt(x);
        if (history.Steps.Count == 0)
            return Make(Symptom.Unreadable, "nothing to read", "the run recorded no training step", "train for at least one epoch", Empty);

        var m = Measure(history);
        string fell = $"training loss {m.FirstLoss:0.###} at step 1, lowest block average {m.LowestLoss:0.###} ({m.Progress:P0} shed)";
        string cut = $"cut the rate 3-10×: try {Rate(lr / 3)} down to {Rate(lr / 10)}";
        string decay = $"keep the start but decay the rate: a cosine or step-decay schedule, or reduce-on-plateau; or start lower ({Rate(lr / 3)})";

        if (history.Divergence is { } d)
            return m.Progress >= t.Progress
                ? Make(Symptom.UnstableLater, "fine early, too high later", $"{fell}, then {d}", decay, m)
                : Make(Symptom.TooHigh, "learning rate too high", $"{d}; before that, {fell}", cut, m);

        if (m.Progress < t.Progress && (m.LargestJump >= t.Jump || m.LargestRise >= t.Rise))
            return Make(Symptom.TooHigh, "learning rate too high",
                $"the loss jumps: a step reached {m.LargestJump:0.##}× the first loss, a block average rose {m.LargestRise:P0} above an earlier one; {fell}", cut, m);

        if (m.LargestRise >= t.Rise)
        {
            var blocks = CurveMeasures.BlockMeans(Curve(history));
            var (_, from, to) = CurveMeasures.LargestRiseAt(blocks);
            return Make(Symptom.UnstableLater, "fine early, too high later",
                $"training loss {m.FirstLoss:0.###} at step 1, down to {blocks[from]:0.###} (block {from + 1} of {blocks.Length}), then back up to {blocks[to]:0.###} " +
                $"(block {to + 1}, +{m.LargestRise:P0}); it ends at {m.EndLoss:0.###}", decay, m);
        }

        if (m.Progress < t.BarelyMoves || m.SlowRatio >= t.SlowRatio)
            return Make(Symptom.TooLow, "learning rate too low",
                $"{fell}; the second half of the run removed {m.SlowRatio:0.##}× as much loss as the first: still falling in a straight line",
                RaiseRate(lr) + "; or train longer", m);

        if (IsStalled(history, t))
            return Make(Symptom.Stalled, "validation stalls",
                $"best validation loss {m.BestValidation:0.####} at epoch {m.BestEpoch} of {history.Epochs.Count}, final {m.FinalValidation:0.####}; training loss still falls ({m.EndLoss:0.###} at the end)",
                $"lower the rate to fine-tune: a decaying schedule (cosine, step) or reduce-on-plateau; or continue at {Rate(lr / 10)}. If validation keeps rising while training falls, it is overfitting instead (lesson 03)", m);

        return Make(Symptom.Healthy, "healthy",
            $"{fell}; the curve levels off (second half removed {m.SlowRatio:0.##}× the first half's drop); validation best at epoch {m.BestEpoch} of {history.Epochs.Count}",
            "keep the rate", m);
    }

    /// <summary>The advice for a rate that is too low, at <paramref name="rate"/> (the reader's and the fit
    /// diagnosis's wording).</summary>
    internal static string RaiseRate(double rate) =>
        $"raise the rate 3-10× (try {Hyperparameters.Fmt(rate * 3)} to {Hyperparameters.Fmt(rate * 10)}), or use a schedule";

    /// <summary>The measurements behind a reading (see <see cref="SymptomMeasures"/>).</summary>
    public static SymptomMeasures Measure(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Steps.Count == 0) return Empty;
        var losses = Curve(history);
        double first = losses[0];
        var blocks = CurveMeasures.BlockMeans(losses);
        var finite = blocks.Where(double.IsFinite).ToArray();
        double low = finite.Length > 0 ? finite.Min() : double.NaN;
        double end = finite.Length > 0 ? finite[^1] : double.NaN;
        double mid = finite.Length > 0 ? finite[Math.Max(0, finite.Length / 2 - 1)] : double.NaN;
        double firstDrop = first - mid, secondDrop = mid - end;
        double slow = firstDrop > 0 ? secondDrop / firstDrop : secondDrop > 0 ? double.PositiveInfinity : 0;
        double jump = losses.Where(double.IsFinite).DefaultIfEmpty(first).Max() / first;
        var best = history.BestEpoch;
        return new SymptomMeasures(first, low, end, 1 - low / first, CurveMeasures.LargestRise(blocks), jump, slow,
            best?.Epoch ?? 0, best?.ValidationLoss ?? double.NaN, history.LastEpoch?.ValidationLoss ?? double.NaN);
    }

    // The curve read: every step's loss; for a history with fewer steps than epochs (or under 10), the first
    // step's loss followed by each epoch's mean training loss.
    private static List<double> Curve(History history) =>
        history.Steps.Count >= Math.Max(10, history.Epochs.Count)
            ? history.Steps.Select(s => s.Loss).ToList()
            : history.Steps.Take(1).Select(s => s.Loss).Concat(history.Epochs.Select(e => e.TrainLoss)).ToList();

    private static bool IsStalled(History history, SymptomThresholds t)
    {
        var val = history.Epochs.Select(e => e.ValidationLoss).ToArray();
        if (val.Length < 3 || !val.All(double.IsFinite)) return false;
        int best = CurveMeasures.ArgMin(val);
        if (best <= val.Length - 3 && val[^1] >= (1 + t.StallExcess) * val[best]) return true;
        int k = Math.Max(2, (int)Math.Ceiling(val.Length / 3.0));
        if (val.Length < 2 * k) return false;
        return val[^k..].Average() >= (1 - t.StallGain) * val[^(2 * k)..^k].Average();
    }

    private static readonly SymptomMeasures Empty = new(double.NaN, double.NaN, double.NaN, 0, 0, 0, 0, 0, double.NaN, double.NaN);

    private static SymptomDiagnosis Make(Symptom s, string finding, string evidence, string action, SymptomMeasures m) => new(s, finding, evidence, action, m);
}
