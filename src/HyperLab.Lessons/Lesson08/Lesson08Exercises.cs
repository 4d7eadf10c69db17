using System.Globalization;
using HyperLab.Lessons.Exercises;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson08;

/// <summary>
/// Expected answers of lesson 08's three "Your turn" exercises (after the nine predictions, which
/// <see cref="Lesson08Answers"/> judges), computed here from the learner's own runs so that the notebook cell neither
/// shows the answer nor measures anything before the learner has answered. See <see cref="Exercise"/>.
/// </summary>
public static class Lesson08Exercises
{
    private static string Points(double gap) => (100 * gap).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Exercise 1: whether the optimism gap is smaller when the best is chosen among 3 configurations instead of
    /// all of them. <paramref name="fewer"/> is the gap measured with the first 3, <paramref name="all"/> the lesson's.</summary>
    public static Answer<bool> SmallerWithFewer(OptimismGap fewer, OptimismGap all)
    {
        ArgumentNullException.ThrowIfNull(fewer);
        ArgumentNullException.ThrowIfNull(all);
        bool smaller = fewer.Mean < all.Mean;
        string what = $"{Points(fewer.Mean)} points with {fewer.Configurations} configurations, {Points(all.Mean)} with {all.Configurations}";
        return new("smallerWithFewer (true or false)", v => v == smaller,
            _ => $"Right: {what}. " + (smaller ? "The more candidates, the more chances that one of them is lucky on the test set."
                : "Fewer candidates give luck fewer chances, but these 3 happen to be close to each other, so the lucky one is picked as often."),
            _ => $"{what}. Fewer candidates give luck fewer chances, but which ones you compare matters too: if one clearly beats the others, there is little to choose and little to inflate.");
    }

    /// <summary>Exercise 2: a test-set size (50 to 1,000 digits) and a prediction whether the optimism gap is smaller than
    /// with the lesson's 100. <paramref name="measure"/> measures the gap for a size; it is called only when both answers
    /// are filled in and the size is valid, so an unanswered cell measures nothing.</summary>
    /// <param name="myTestSize">The learner's test-set size; null while not filled in.</param>
    /// <param name="myPrediction">true: the gap is smaller than with 100 digits; false: it is not. Null while not filled in.</param>
    /// <param name="measure">Measures the gap with a test set of the given size (the lesson's trials, cuts and seed).</param>
    /// <param name="at100">The lesson's gap with 100 test digits.</param>
    public static FeedbackResult BiggerTestSet(int? myTestSize, bool? myPrediction, Func<int, OptimismGap> measure, OptimismGap at100)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(at100);
        if (myTestSize is null || myPrediction is null)
            return Reply(new(false, "Fill in myTestSize (50 to 1,000 digits) and myPrediction (true: the gap is smaller than with 100; false: it is not) first, then run the cell again."));
        if (myTestSize is < 50 or > 1000)
            return Reply(new(false, $"myTestSize = {myTestSize} is outside 50 to 1,000 digits: choose a size in that range, e.g. 800."));
        var sized = measure(myTestSize.Value);
        bool smaller = sized.Mean < at100.Mean;
        string what = $"{Points(sized.Mean)} points with {myTestSize} test digits against {Points(at100.Mean)} with 100";
        return Reply(myPrediction == smaller
            ? new(true, $"Right: {what}. Each accuracy on n digits wobbles by about √(p(1−p)/n), so a larger set leaves less luck to pick.")
            : new(false, $"{what}. The spread of an accuracy on n digits shrinks like 1/√n; with 200 cuts the averages still carry some noise, so a size close to 100 can go either way (try 50 or 800)."));
    }

    /// <summary>Exercise 3: whether early stopping that watches the training loss keeps a model as good on fresh digits
    /// (within 1 point of accuracy) as the one kept by watching the validation loss.</summary>
    /// <param name="onTraining">The model kept when watching the training loss, scored on fresh digits.</param>
    /// <param name="onValidation">The model kept when watching the validation loss, scored on fresh digits.</param>
    /// <param name="keptEpoch">The epoch the training-loss watcher kept.</param>
    public static Answer<bool> AsGoodOnTraining(FreshScore onTraining, FreshScore onValidation, int keptEpoch)
    {
        ArgumentNullException.ThrowIfNull(onTraining);
        ArgumentNullException.ThrowIfNull(onValidation);
        bool asGood = onTraining.FreshAccuracy >= onValidation.FreshAccuracy - 0.01;
        string P(double v) => v.ToString("P1", CultureInfo.InvariantCulture);
        return new("asGoodOnTraining (true or false)", v => v == asGood,
            _ => asGood ? $"Right, it happened to be about as good here ({P(onTraining.FreshAccuracy)} vs {P(onValidation.FreshAccuracy)})."
                : $"Right: watching the training loss, which keeps falling, it trained on and kept a memorizing model (epoch {keptEpoch}): {P(onTraining.FreshAccuracy)} on fresh digits against {P(onValidation.FreshAccuracy)}.",
            _ => $"Watching training loss kept epoch {keptEpoch}: fresh accuracy {P(onTraining.FreshAccuracy)} against {P(onValidation.FreshAccuracy)} when watching validation loss. " +
                 (asGood ? "Here the two happened to land close together; the training loss still cannot tell when memorizing starts." : "The training loss keeps falling while the network memorizes, so it cannot tell when to stop (lesson 03)."));
    }

    /// <summary>The feedback, returned for the notebook to show (<c>lesson.Feedback.Show(…)</c>).</summary>
    private static FeedbackResult Reply(FeedbackResult r) => r;
}
