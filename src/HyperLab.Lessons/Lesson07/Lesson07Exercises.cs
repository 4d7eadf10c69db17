using HyperLab.Data;
using HyperLab.Lessons.Exercises;
using HyperLab.Tracking;
using HyperLab.Tuning;

namespace HyperLab.Lessons.Lesson07;

/// <summary>
/// The checks of lesson 07's exercises. The expected answers are computed here, from the learner's own log and
/// runs, so the notebook cell does not show them; nothing is measured or printed before an answer is given. Each returns
/// its feedback without showing it: the notebook shows it with <c>lesson.Feedback.Show(…)</c>.
/// </summary>
public static class Lesson07Exercises
{
    /// <summary>How many of the best search trials define the promising range of learning rates. 3.</summary>
    public const int TopTrials = 3;

    /// <summary>Exercise "the next trial": a learning rate for the next search trial, read off the study's log
    /// table. Right when it lies within the rates of the <see cref="TopTrials"/> best search trials (by logged
    /// validation loss), give or take a factor 1.25.</summary>
    public static FeedbackResult NextTrial(LogContents study, double? myNextRate)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (myNextRate is not double rate) return Reply(new(false, "Fill in myNextRate first: a learning rate for the next trial, read off the table."));
        if (!(rate > 0) || !double.IsFinite(rate)) return Reply(new(false, $"myNextRate = {rate} is not a positive learning rate."));
        var ranked = study.Records.Where(r => r.Experiment == TuningWorkflow.Grid || r.Experiment.StartsWith(TuningWorkflow.QuasiRandom, StringComparison.Ordinal))
            .Where(r => double.IsFinite(r.FinalValidationLoss)).OrderBy(r => r.FinalValidationLoss).ToList();
        if (ranked.Count < TopTrials) return Reply(new(false, "Run the searches above first: the log has too few search trials."));
        var top = ranked.Take(TopTrials).ToList();
        double low = top.Min(r => r.Hyperparameters.LearningRate) / 1.25, high = top.Max(r => r.Hyperparameters.LearningRate) * 1.25;
        string evidence = $"the {TopTrials} best search trials used η = {string.Join(", ", top.Select(r => $"{Hyperparameters.Fmt(r.Hyperparameters.LearningRate)} (loss {r.FinalValidationLoss:0.###})"))}";
        if (rate >= low && rate <= high)
            return Reply(new(true, $"η = {Hyperparameters.Fmt(rate)} lies where the log's best trials are: {evidence}. The next trial refines the promising region instead of re-testing a poor one."));
        var nearest = ranked.MinBy(r => Math.Abs(Math.Log(r.Hyperparameters.LearningRate / rate)))!;
        return Reply(new(false, $"η = {Hyperparameters.Fmt(rate)} is outside the promising range: the logged trial closest to it (η {Hyperparameters.Fmt(nearest.Hyperparameters.LearningRate)}) " +
            $"reached a validation loss of {nearest.FinalValidationLoss:0.###}, while {evidence}. Sort the table by validation loss and read the rates of its first rows."));
    }

    /// <summary>Exercise "which knob mattered": the learner's pick against the search's rank correlations.</summary>
    public static FeedbackResult MostImportant(SearchResult search, string? myPrediction)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (string.IsNullOrWhiteSpace(myPrediction)) return Reply(new(false, $"Fill in myPrediction first: one of {string.Join(", ", search.Space.Dimensions.Select(d => $"\"{d.Name}\""))}."));
        var importance = Importance.Rank(search);
        return Reply(myPrediction.Trim() == importance.Top
            ? new(true, $"Right: {importance.Top} explains the validation loss best ({importance}). A grid that spends its trials on the other knobs falls behind.")
            : new(false, $"The log says {importance.Top}: {importance}. In the chart, look for the axis where the dark (low-loss) lines bunch together."));
    }

    /// <summary>Exercise "a messy CSV": the learner decides which columns to drop and whether to drop rows with a
    /// missing value; the cleaned copy is written to <paramref name="cleanedPath"/> and loaded with the course's
    /// loader, whose error (if any) is the feedback. Right when it loads and no column without information (text,
    /// constant) is left, and no good column was dropped.</summary>
    public static FeedbackResult MessyCsv(string messyPath, string labelColumn, string[]? myDrop, bool? myDropIncompleteRows, string cleanedPath)
    {
        if (myDrop is null || myDropIncompleteRows is null)
            return Reply(new(false, "Fill in myDrop (the columns to remove) and myDropIncompleteRows (true or false) first, from what the loader and Inspect told you."));
        var profile = CsvPreparation.Inspect(messyPath).Where(c => c.Column != labelColumn).ToList();
        CsvCleanup cleaned;
        try { cleaned = CsvPreparation.Clean(messyPath, myDrop, myDropIncompleteRows.Value, cleanedPath); }
        catch (ArgumentException e) { return Reply(new(false, e.Message)); }
        try { CsvDataset.Load(cleanedPath, labelColumn); }
        catch (CsvDataException e) { return Reply(new(false, $"The loader still refuses the cleaned file: {e.Message}")); }
        var useless = profile.Where(c => c.DistinctValues < 2 && !myDrop.Contains(c.Column)).Select(c => c.Column).ToList();
        if (useless.Count > 0)
            return Reply(new(false, $"It loads, but {string.Join(", ", useless)} has the same value in every row: it carries no information (after standardization it is all zeros). Drop it too."));
        var needless = myDrop.Where(d => profile.FirstOrDefault(c => c.Column == d) is { NotNumbers: 0, DistinctValues: > 1 }).ToList();
        if (needless.Count > 0)
            return Reply(new(false, $"It loads, but you dropped {string.Join(", ", needless)}, a numeric column that varies: it may carry information (a missing cell is a reason to drop the row, not the column). Keep it."));
        return Reply(new(true, $"{cleaned}. The text column and the constant column are gone, and the rows with a missing value too (filling them with the training mean is the other honest choice). The workflow can run on it."));
    }

    /// <summary>The feedback, returned for the notebook to show.</summary>
    private static FeedbackResult Reply(FeedbackResult r) => r;

    /// <summary>Exercise "one more dimension": the learner's <see cref="SearchDimension"/> for the batch size, judged by a
    /// quasi-random search with it (<paramref name="search"/>, called only once a dimension is given): right when every
    /// trial tried its own value of the new dimension (so Apply uses the value it is given).</summary>
    /// <param name="myDimension">The learner's dimension; null while not filled in.</param>
    /// <param name="search">Runs the extended search with the dimension.</param>
    /// <param name="before">The first quasi-random search, for the comparison in the feedback.</param>
    public static FeedbackResult ExtraDimension(SearchDimension? myDimension, Func<SearchDimension, SearchResult> search, SearchResult before)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(before);
        if (myDimension is null) return Reply(new(false, "Fill in myDimension first: a SearchDimension whose Apply sets BatchSize to (int)Math.Round(v)."));
        var extended = search(myDimension);
        Console.WriteLine($"{before}\n{extended}");
        int distinct = extended.DistinctValues(myDimension.Name), trials = extended.Trials.Count;
        return Reply(distinct == trials
            ? new(true, $"Every one of the {trials} trials tried its own {myDimension.Name} value, and still a new value of every other knob: adding a dimension costs a quasi-random search no trials (a grid of 2 values per knob would need {1 << extended.Space.Dimensions.Count}). " +
                $"Best: {extended.BestValidationLoss:0.####} vs {before.BestValidationLoss:0.####} before; with the same trials, one more knob spreads them thinner, so the best may be a little worse or better by chance.")
            : new(false, $"Only {distinct} different values of {myDimension.Name} in {trials} trials: check that Apply uses the value v it is given."));
    }

    /// <summary>Exercise "the test guard": what a second <c>testSet.Evaluate</c> in the same study does.</summary>
    /// <param name="myAnswer">"number" (it returns a new accuracy) or "error"; null or blank while not filled in.</param>
    public static FeedbackResult TestGuard(string? myAnswer)
    {
        if (string.IsNullOrWhiteSpace(myAnswer)) return Reply(new(false, "Fill in myAnswer first: \"number\" or \"error\"."));
        string a = myAnswer.Trim().ToLowerInvariant();
        if (a is not ("number" or "error")) return Reply(new(false, $"\"{myAnswer}\" is neither \"number\" nor \"error\"."));
        return Reply(a == "error"
            ? new(true, "Right: the guard throws, and it would after a kernel restart too, because the look is in the log. Each look at the test set that influences a choice makes its number optimistic; choose on the validation set, test once.")
            : new(false, "It throws TestSetAlreadyUsedException. Any choice made after looking at the test score turns the test set into a second validation set."));
    }
}
