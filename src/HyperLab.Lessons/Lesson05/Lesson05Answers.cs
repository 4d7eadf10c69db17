using HyperLab.Diagnosis;
using HyperLab.Lessons.Exercises;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson05;

/// <summary>
/// Expected answers of lesson 05's "Your turn" exercises, computed here from the learner's own runs so that the notebook
/// cell shows neither the answer nor a measurement before the learner has answered. See <see cref="Exercise"/>.
/// </summary>
public static class Lesson05Answers
{
    /// <summary>Exercise 1: a weight decay for Adam + L2, judged by a run at that decay (<paramref name="mine"/>) against the
    /// best final validation loss of the lesson's weight-decay grid: right within <paramref name="factor"/>× of it (default 1.1).</summary>
    /// <param name="mine">The run at the learner's decay.</param>
    /// <param name="grid">The lesson's weight-decay sweep.</param>
    /// <param name="factor">How far above the grid's best still counts as right. Default 1.1 (10 %).</param>
    public static Answer<double> WeightDecay(History mine, StrengthSweep grid, double factor = 1.1)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(grid);
        var best = grid.Best;
        double loss = mine.Diverged || !double.IsFinite(mine.FinalValidationLoss) ? double.PositiveInfinity : mine.FinalValidationLoss;
        string L(double v) => double.IsFinite(v) ? v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "diverged";
        return new("myDecay (a positive number)", v => v > 0 && loss <= factor * best.ValidationLoss,
            v => $"Validation loss {L(loss)}, within {(factor - 1):P0} of the grid's best {L(best.ValidationLoss)} (weight decay {Hyperparameters.Fmt(best.Strength)}): strong enough to stop the memorizing, weak enough to let the network learn.",
            v => v <= 0 ? "A weight decay is a positive number: try one of the grid's values."
                : loss > 1.5 && v > best.Strength
                    ? $"Validation loss {L(loss)}: the decay is so strong that the network cannot learn the task (underfitting). Go down by a decade."
                    : $"Validation loss {L(loss)} against the grid's best {L(best.ValidationLoss)}: " + (v < best.Strength
                        ? "still overfitting, the weights are free to memorize the wrong labels. Go up by a decade."
                        : "too strong: the decay pulls the weights down faster than the data can push them up. Go down a little."));
    }

    /// <summary>Exercise 2: whether more than half of the weights are near zero (below the threshold of
    /// <paramref name="weights"/>) after training with an L1 penalty.</summary>
    public static Answer<bool> MostlyNearZero(WeightStats weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        bool most = weights.NearZeroShare > 0.5;
        string share = weights.NearZeroShare.ToString("P0", System.Globalization.CultureInfo.InvariantCulture);
        return new("myGuess (true: more than half near zero; false: half or fewer)", v => v == most,
            _ => $"Right: {share} of the weights are near zero. L1 pulls every weight towards zero with the same force λ, so any weight whose gradient from the data is weaker than λ ends up at zero.",
            _ => $"{share} of the weights are near zero. L1's pull does not fade as a weight shrinks (unlike L2's λ·w), so every weight the data does not need is driven to zero.");
    }

    /// <summary>Exercise 3: the fit verdict of the run with the strongest weight decay, as <see cref="FitDiagnosis"/> reads it.</summary>
    public static Answer<FitVerdict> StrongDecayVerdict(History strongest)
    {
        var d = FitDiagnosis.Of(strongest ?? throw new ArgumentNullException(nameof(strongest)));
        return new("myVerdict (FitVerdict.Underfitting, FitVerdict.GoodFit or FitVerdict.Overfitting)", v => v == d.Verdict,
            _ => $"Right, {d.Finding}: {d.Evidence}. A weight decay this strong pulls the weights to zero faster than the data pushes them up: the network stays close to a constant guess.",
            v => $"Not {FitReport.Name(v)}: the helper says {FitReport.Name(d.Verdict)} ({d.Evidence}). Look at the right end of the weight-decay chart: where are the training and the validation loss?");
    }

    /// <summary>Exercise 4: the learner picks an augmentation and predicts whether it ends with a lower final validation
    /// loss than no augmentation. Right when the prediction matches the run. <paramref name="train"/> is called only when
    /// both are filled in, so an unanswered cell trains nothing.</summary>
    /// <param name="myAugmentation">The learner's augmentation; null while not filled in.</param>
    /// <param name="myPrediction">true: it beats no augmentation; false: it does not. Null while not filled in.</param>
    /// <param name="train">Trains one run with the given augmentation (the lesson's image model and data).</param>
    /// <param name="plain">The lesson's run without augmentation.</param>
    /// <param name="lessons">The lesson's run with its own augmentation (mirror and noise).</param>
    public static FeedbackResult AugmentationHelps(Augmentation? myAugmentation, bool? myPrediction, Func<Augmentation, History> train, History plain, History lessons)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(plain);
        ArgumentNullException.ThrowIfNull(lessons);
        if (myAugmentation is null || myPrediction is null)
            return Reply(new(false, "Fill in myAugmentation (e.g. new Augmentation(MaxShift: 1) or new Augmentation(Noise: 0.2)) and myPrediction (true or false) first, then run the cell again."));
        var yours = train(myAugmentation);
        bool helps = !yours.Diverged && yours.FinalValidationLoss < plain.FinalValidationLoss;
        string what = $"{myAugmentation}: final validation loss {yours.FinalValidationLoss:0.###}, {(helps ? "below" : "not below")} no augmentation ({plain.FinalValidationLoss:0.###}); the lesson's augmentation reached {lessons.FinalValidationLoss:0.###}";
        return Reply(myPrediction == helps
            ? new(true, $"Right: {what}. " + (helps ? "Every label-preserving change gives the network new examples to learn from." : "Changes that are too big, or too few epochs to learn from harder examples, can cost more than they give."))
            : new(false, $"{what}. " + (helps ? "Even a change without the mirror gives the network new examples it cannot memorize." : "Not every change pays off within 30 epochs: try a smaller one, or predict again.")));
    }

    /// <summary>The feedback, returned for the notebook to show (<c>lesson.Feedback.Show(…)</c>).</summary>
    private static FeedbackResult Reply(FeedbackResult r) => r;
}
