using System.Globalization;
using HyperLab.Numerics;
using HyperLab.Training;

namespace HyperLab.Diagnosis;

/// <summary>How well a run's model fits, read from its curves (lesson 03; lessons 04 and 05 reuse it).</summary>
public enum FitVerdict
{
    /// <summary>Training and validation both still weak, or validation still improving when the run ended.</summary>
    Underfitting,
    /// <summary>The model sits at (or near) its validation minimum.</summary>
    GoodFit,
    /// <summary>Validation loss rose clearly above its minimum while training loss kept falling.</summary>
    Overfitting,
    /// <summary>The curves say something else: the run diverged, or was unstable (a learning-rate problem, lesson 01).</summary>
    Inconclusive,
}

/// <summary>The thresholds of <see cref="FitDiagnosis"/> (lesson 03); every default is stated.</summary>
/// <param name="RiseTolerance">Overfitting needs the final model's validation loss above the minimum by more than this
/// fraction. Default 0.10 (10%): smaller rises are within epoch-to-epoch noise.</param>
/// <param name="Window">Epochs at the end over which the trend is measured (least-squares slope). Default 3.</param>
/// <param name="MinImprovement">"Still improving" needs validation to fall by more than this fraction of its minimum over
/// the window. Default 0.01 (1%).</param>
/// <param name="WeakFraction">Training counts as weak while its loss is above this fraction of the first update's loss
/// (about ln C for C classes: a guess). Default 0.5.</param>
/// <remarks>Every value is checked when it is set (also through <c>with</c>): a bad one throws a
/// <see cref="HyperparameterException"/> naming the field, the value, the valid range and the default.</remarks>
public sealed record FitDiagnosisSettings(double RiseTolerance = 0.10, int Window = 3, double MinImprovement = 0.01, double WeakFraction = 0.5)
{
    /// <summary>Overfitting threshold, a fraction of the validation minimum. Valid: (0, 10].</summary>
    public double RiseTolerance { get; init => field = CheckRise(value); } = CheckRise(RiseTolerance);

    /// <summary>Epochs the trend is measured over. Valid: 2 to 1,000 (a slope needs two points).</summary>
    public int Window { get; init => field = CheckWindow(value); } = CheckWindow(Window);

    /// <summary>"Still improving" threshold, a fraction of the validation minimum. Valid: [0, 1).</summary>
    public double MinImprovement { get; init => field = CheckImprovement(value); } = CheckImprovement(MinImprovement);

    /// <summary>"Weak training" threshold, a fraction of the first update's loss. Valid: (0, 1].</summary>
    public double WeakFraction { get; init => field = CheckWeak(value); } = CheckWeak(WeakFraction);

    private static double CheckRise(double v) =>
        Valid.Open(nameof(RiseTolerance), v, 0, 10, "0.10 (a 10% rise above the validation minimum counts as overfitting)");

    private static int CheckWindow(int v) =>
        Valid.Int(nameof(Window), v, 2, 1_000, "3 (the trend over the last three epochs)");

    private static double CheckImprovement(double v) =>
        Valid.HalfOpen(nameof(MinImprovement), v, 0, 1, "0.01 (validation still falling by more than 1% over the window)");

    private static double CheckWeak(double v) =>
        Valid.Open(nameof(WeakFraction), v, 0, 1, "0.5 (training loss still above half the first update's loss is weak)");
}

/// <summary>The numbers behind a <see cref="FitDiagnosis"/> verdict (lesson 03; losses in nats, per example).</summary>
/// <param name="Epochs">Epochs that ran.</param>
/// <param name="BestEpoch">Epoch of the validation minimum.</param>
/// <param name="BestValidationLoss">The validation minimum.</param>
/// <param name="ModelEpoch">Epoch whose weights the model ends with (the restored one after early stopping, else the last).</param>
/// <param name="ValidationLoss">Validation loss of the model the run ends with.</param>
/// <param name="Rise">(ValidationLoss − BestValidationLoss) / BestValidationLoss.</param>
/// <param name="TrainLossAtBest">Training loss at the best epoch.</param>
/// <param name="TrainLoss">Training loss at <paramref name="ModelEpoch"/>.</param>
/// <param name="FirstLoss">Loss of the first update (a reference for "weak": about ln C).</param>
/// <param name="Gap">ValidationLoss − TrainLoss: the train-validation gap. Negative early in a run or with noisy labels,
/// because training loss is averaged over the epoch as the model learns (and with dropout on).</param>
/// <param name="ValidationTrend">Validation loss change per epoch over the last <paramref name="Window"/> epochs (negative: falling).</param>
/// <param name="TrainTrend">Training loss change per epoch over the same epochs.</param>
/// <param name="Window">Epochs the trends cover.</param>
public sealed record FitEvidence(int Epochs, int BestEpoch, double BestValidationLoss, int ModelEpoch, double ValidationLoss,
    double Rise, double TrainLossAtBest, double TrainLoss, double FirstLoss, double Gap, double ValidationTrend, double TrainTrend, int Window);

/// <summary>A fit diagnosis (lesson 03): the verdict, the evidence in words and numbers, and what to do. It is a
/// <see cref="CurveDiagnosis"/>, like lesson 01's <see cref="SymptomDiagnosis"/>, so notebooks show both alike.</summary>
/// <param name="Verdict">Underfitting, good fit, overfitting or inconclusive.</param>
/// <param name="Finding">The verdict in words, e.g. "overfitting: too many epochs".</param>
/// <param name="Evidence">The measured reason, e.g. "validation loss lowest at epoch 8 (0.516), …".</param>
/// <param name="Action">The suggested next step.</param>
/// <param name="Numbers">The measurements (null when the run has no finished epoch).</param>
/// <param name="LearningRate">Lesson 01's <see cref="SymptomReader"/> reading, where the fit diagnosis defers to it or
/// agrees with it (diverged or unstable runs; a run still improving whose rate looks too low); else null.</param>
public sealed record FitReport(FitVerdict Verdict, string Finding, string Evidence, string Action, FitEvidence? Numbers, SymptomDiagnosis? LearningRate = null)
    : CurveDiagnosis(Finding, Evidence, Action, Verdict == FitVerdict.GoodFit)
{
    /// <summary>"✗ overfitting: too many epochs: evidence → action" (the <see cref="CurveDiagnosis"/> form).</summary>
    public override string ToString() => base.ToString();

    /// <summary>Whether the diagnosis reached <paramref name="expected"/>; the evidence is the reading in words, with both
    /// verdicts named when they differ.</summary>
    public Claims.Verdict Is(FitVerdict expected) =>
        new(Verdict == expected, $"{Finding}: {Evidence} → {Action}" + (Verdict == expected ? "" : $" (read as {Name(Verdict)}, expected {Name(expected)})"));

    /// <summary>Underfitting because the model is too weak (training loss itself stays high), not because the run was short.</summary>
    public bool ModelTooWeak => Verdict == FitVerdict.Underfitting && Finding.Contains("too weak", StringComparison.Ordinal);

    /// <summary>The verdict in words: "underfitting", "good fit", "overfitting", "inconclusive".</summary>
    public static string Name(FitVerdict v) => v switch
    {
        FitVerdict.GoodFit => "good fit",
        _ => v.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// Underfitting, good fit or overfitting, read from a training history (lesson 03). The rules, in order:
/// <list type="number">
/// <item>diverged: inconclusive, with lesson 01's <see cref="SymptomReader"/> reading (a learning-rate problem, not a budget
/// one); no finished epoch: inconclusive;</item>
/// <item>the final model's validation loss is more than <see cref="FitDiagnosisSettings.RiseTolerance"/> above the
/// minimum, which lies before it: overfitting when training loss kept falling meanwhile, else inconclusive (unstable
/// training: a learning-rate symptom, with the <see cref="SymptomReader"/>'s advice when it sees one);</item>
/// <item>the minimum lies in the last <see cref="FitDiagnosisSettings.Window"/> epochs and validation fell by more
/// than <see cref="FitDiagnosisSettings.MinImprovement"/> over them: underfitting, still improving (too few epochs;
/// when the <see cref="SymptomReader"/> finds the rate too low, its advice to raise it is added);</item>
/// <item>a run that early stopping ended (or whose best weights were restored) while validation fell in each of its last
/// <see cref="FitDiagnosisSettings.Window"/> epochs, by more than <see cref="FitDiagnosisSettings.MinImprovement"/> in all:
/// underfitting, stopped at a dip (patience or budget too small). Without this rule a run early-stopped with patience ≥ <see cref="FitDiagnosisSettings.Window"/>
/// could never be read as "too few epochs";</item>
/// <item>training loss still above <see cref="FitDiagnosisSettings.WeakFraction"/> of the first update's loss:
/// underfitting, both weak (too simple or too constrained a model);</item>
/// <item>otherwise: good fit.</item>
/// </list>
/// Where it overlaps lesson 01's <see cref="SymptomReader"/> it agrees with it: a validation loss that rises while training
/// falls is what the reader calls "validation stalls" and this calls overfitting (the reader points here for it).
/// </summary>
public static class FitDiagnosis
{
    /// <summary>Diagnoses one run.</summary>
    /// <param name="history">The run; after early stopping with restored weights, the restored epoch is the model judged.</param>
    /// <param name="settings">Thresholds; default <see cref="FitDiagnosisSettings"/>'s defaults.</param>
    public static FitReport Of(History history, FitDiagnosisSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var s = settings ?? new FitDiagnosisSettings();
        var ep = history.Epochs;
        if (history.Diverged)
        {
            var lr = SymptomReader.Read(history);
            return new FitReport(FitVerdict.Inconclusive, $"not a budget question: {lr.Finding}", lr.Evidence, $"{lr.Action}; then judge the fit", null, lr);
        }
        if (ep.Count == 0)
            return new FitReport(FitVerdict.Inconclusive, "nothing to judge", "no epoch finished", "train for at least a few epochs", null);

        var n = Numbers(history, s);
        string F(double v) => (Math.Abs(v) < 0.0005 ? 0 : v).ToString("0.###", CultureInfo.InvariantCulture);
        string P(double v) => v.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture);
        string gap = $"train-validation gap {F(n.Gap)}";
        string trend = $"trend over the last {n.Window} epochs: validation {F(n.ValidationTrend)}/epoch, training {F(n.TrainTrend)}/epoch";

        if (n.Rise > s.RiseTolerance && n.BestEpoch < n.ModelEpoch)
        {
            string rose = $"validation loss lowest at epoch {n.BestEpoch} ({F(n.BestValidationLoss)}), then {F(n.ValidationLoss)} at epoch {n.ModelEpoch} ({P(n.Rise)})";
            if (n.TrainLoss < n.TrainLossAtBest)
                return new FitReport(FitVerdict.Overfitting, "overfitting: too many epochs",
                    $"{rose} while training loss kept falling ({F(n.TrainLossAtBest)} → {F(n.TrainLoss)}); {gap}; {trend}",
                    $"stop near epoch {n.BestEpoch} (early stopping with patience, restoring the best weights); " +
                    "or regularize, reduce depth or width, or add data", n);
            var lr = SymptomReader.Read(history);
            bool rateSymptom = lr.Symptom is Symptom.UnstableLater or Symptom.TooHigh;
            return new FitReport(FitVerdict.Inconclusive, "unstable, not overfitting",
                $"{rose}, but training loss did not fall meanwhile ({F(n.TrainLossAtBest)} → {F(n.TrainLoss)}): the run improved, then became unstable" +
                (rateSymptom ? $"; the learning-rate reader says: {lr.Finding}" : ""),
                rateSymptom ? lr.Action : "a learning-rate symptom (lesson 01): decay the rate or reduce it on a plateau", n, lr);
        }

        // Early stopping (or a restore) ends the run `patience` epochs after its best, so with patience ≥ Window the best is
        // never among the last epochs and the rule below could never say "too few epochs". Look at how the run ended instead:
        // if validation fell in every one of the last Window epochs (without yet beating the dip that set the best), the run
        // was stopped while still improving.
        if ((history.StopReason == StopReason.EarlyStopped || history.RestoredEpoch is not null) && n.Window >= 2 && ep.Count - n.BestEpoch >= n.Window)
        {
            var tail = ep.Skip(ep.Count - n.Window).Select(e => e.ValidationLoss).ToList();
            bool fallingEachEpoch = tail.Zip(tail.Skip(1)).All(p => p.Second < p.First);
            double tailFall = (tail[0] - tail[^1]) / n.BestValidationLoss;
            if (fallingEachEpoch && tailFall > s.MinImprovement)
                return new FitReport(FitVerdict.Underfitting, "underfitting: too few epochs (stopped at a dip)",
                    $"the run ended {ep.Count - n.BestEpoch} epochs after its best (epoch {n.BestEpoch}, {F(n.BestValidationLoss)}), but validation loss fell in each of the last {n.Window} epochs " +
                    $"({string.Join(" → ", tail.Select(F))}, {tailFall:0.#%} of the best): the best was a dip in a falling curve; {gap}; {trend}",
                    "raise the patience (or the epoch budget) and train on; keep restoring the best weights", n);
        }

        int w = n.Window;
        double fall = -(n.ValidationTrend * (w - 1)) / n.BestValidationLoss;
        if (n.BestEpoch > n.Epochs - w && w >= 2 && fall > s.MinImprovement)
        {
            var lr = SymptomReader.Read(history);
            bool slow = lr.Symptom == Symptom.TooLow;
            return new FitReport(FitVerdict.Underfitting, "underfitting: too few epochs",
                $"validation loss still falling when the run ended (by {F(-n.ValidationTrend * (w - 1))} over the last {w} epochs, lowest at epoch {n.BestEpoch} of {n.Epochs}); {gap}; {trend}" +
                (slow ? "; the learning-rate reader finds the loss falling painfully slowly" : ""),
                "train longer (a bigger epoch budget, with early stopping to end it)" + (slow ? $"; or {SymptomReader.RaiseRate(history.Hyperparameters.LearningRate)}" : "; if the loss falls painfully slowly, raise the learning rate"),
                n, slow ? lr : null);
        }

        if (n.TrainLoss > s.WeakFraction * n.FirstLoss)
            return new FitReport(FitVerdict.Underfitting, "underfitting: model too weak",
                $"training loss only fell from {F(n.FirstLoss)} to {F(n.TrainLoss)} ({n.TrainLoss / n.FirstLoss:0%} of its start) and validation is {F(n.ValidationLoss)}: both weak; {gap}; {trend}",
                "the model is too simple or too constrained: add depth or width, weaken regularization, or improve the features", n);

        return new FitReport(FitVerdict.GoodFit, "good fit",
            $"validation loss lowest at epoch {n.BestEpoch} ({F(n.BestValidationLoss)}) and the model " +
            (n.ModelEpoch == n.BestEpoch ? $"is that epoch's ({n.Epochs - n.BestEpoch} later epochs confirm the minimum)" : $"(epoch {n.ModelEpoch}) is {P(n.Rise)} above it") + $"; {gap}; {trend}",
            "keep this budget (early stopping keeps it right when other settings change); tune the next hyperparameter", n);
    }

    /// <summary>The measurements behind <see cref="Of"/>.</summary>
    public static FitEvidence Numbers(History history, FitDiagnosisSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var ep = history.Epochs;
        if (ep.Count == 0) throw new ArgumentException("The run has no finished epoch.", nameof(history));
        var s = settings ?? new FitDiagnosisSettings();
        var best = history.BestEpoch!;
        int model = history.RestoredEpoch ?? ep.Count;
        var m = ep[model - 1];
        int w = Math.Clamp(s.Window, 1, ep.Count);
        var tail = ep.Skip(ep.Count - w).ToList();
        double first = history.Steps.Count > 0 ? history.Steps[0].Loss : ep[0].TrainLoss;
        return new FitEvidence(ep.Count, best.Epoch, best.ValidationLoss, model, m.ValidationLoss,
            (m.ValidationLoss - best.ValidationLoss) / best.ValidationLoss, best.TrainLoss, m.TrainLoss, first,
            m.ValidationLoss - m.TrainLoss, Slope(tail.Select(e => e.ValidationLoss)), Slope(tail.Select(e => e.TrainLoss)), w);
    }

    /// <summary>Least-squares slope of equally spaced values (change per step); 0 for fewer than two.</summary>
    internal static double Slope(IEnumerable<double> values) => LineFit.OfSequence(values).Slope;
}
