using HyperLab.Data;
using HyperLab.Lessons.Exercises;
using HyperLab.Lessons.Lesson07;
using HyperLab.Tests.Tracking;
using HyperLab.Tracking;
using HyperLab.Tuning;

namespace HyperLab.Tests.Tuning;

/// <summary>Lesson 07's exercises: blank asks to fill in, a wrong answer gets "Not yet", the right one "Right" (the answer is never on screen before the learner tries).</summary>
public class Lesson07ExercisesTests
{
    private static string Messy => Path.Combine(CourseData.DataFolder, "messy", "wines-messy.csv");

    private static string Cleaned() => Path.Combine(Path.GetTempPath(), "hyperlab-tests", Guid.NewGuid().ToString("N"), "cleaned.csv");

    [Fact]
    public void The_messy_csv_is_refused_as_it_is_with_the_documented_error()
    {
        var e = Assert.Throws<CsvDataException>(() => CsvDataset.Load(Messy, "cultivar"));
        Assert.Contains("not a number", e.Message);                        // the text column, on the first data line
        Assert.Equal("region", e.Column);
        var profile = CsvPreparation.Inspect(Messy).ToDictionary(c => c.Column);
        Assert.Equal(178, profile["region"].NotNumbers);
        Assert.Equal(1, profile["batch"].DistinctValues);
        Assert.Equal(6, profile.Values.Sum(c => c.Missing));
    }

    [Fact]
    public void Messy_csv_blank_wrong_and_right_answers()
    {
        Assert.Contains("Fill in", Lesson07Exercises.MessyCsv(Messy, "cultivar", null, null, Cleaned()).Message);
        var keepsMissing = Lesson07Exercises.MessyCsv(Messy, "cultivar", ["region", "batch"], false, Cleaned());
        Assert.False(keepsMissing.Correct);
        Assert.Contains("missing value", keepsMissing.Message);
        var keepsText = Lesson07Exercises.MessyCsv(Messy, "cultivar", ["batch"], true, Cleaned());
        Assert.False(keepsText.Correct);
        Assert.Contains("not a number", keepsText.Message);
        var keepsConstant = Lesson07Exercises.MessyCsv(Messy, "cultivar", ["region"], true, Cleaned());
        Assert.False(keepsConstant.Correct);
        Assert.Contains("batch", keepsConstant.Message);
        var dropsTooMuch = Lesson07Exercises.MessyCsv(Messy, "cultivar", ["region", "batch", "alcohol"], true, Cleaned());
        Assert.False(dropsTooMuch.Correct);
        Assert.Contains("alcohol", dropsTooMuch.Message);
        Assert.False(Lesson07Exercises.MessyCsv(Messy, "cultivar", ["regoin"], true, Cleaned()).Correct);   // a typo names the columns
        var right = Lesson07Exercises.MessyCsv(Messy, "cultivar", ["region", "batch"], true, Cleaned());
        Assert.True(right.Correct, right.Message);
        Assert.Contains("172 rows kept, 6 dropped", right.Message);
    }

    private static LogContents SearchStudy()
    {
        var log = new ExperimentLog(TrackingData.TempLog()).BeginStudy("ex");
        double[] rates = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1];
        double[] losses = [0.9, 0.7, 0.55, 0.48, 0.50, 0.8, 2.3];
        for (int i = 0; i < rates.Length; i++)
            log.Append(ChildProcess.Synthetic(TuningWorkflow.QuasiRandomName(1), i + 1, losses[i], new Hyperparameters { LearningRate = rates[i] }));
        return log.Load().InStudy(log.Study!);
    }

    [Fact]
    public void Next_trial_blank_wrong_and_right_answers()
    {
        var study = SearchStudy();
        Assert.Contains("Fill in", Lesson07Exercises.NextTrial(study, null).Message);
        Assert.False(Lesson07Exercises.NextTrial(study, -1).Correct);
        var wrong = Lesson07Exercises.NextTrial(study, 0.05);
        Assert.False(wrong.Correct);
        Assert.Contains("outside", wrong.Message);
        Assert.False(Lesson07Exercises.NextTrial(study, 1e-4).Correct);
        Assert.True(Lesson07Exercises.NextTrial(study, 4e-3).Correct);       // between the best three (1e-3, 3e-3, 1e-2)
    }

    [Fact]
    public void Most_important_blank_wrong_and_right_answers()
    {
        var space = new SearchSpace(
            SearchDimension.Log("lr", 1e-4, 1e-1, (hp, v) => hp with { LearningRate = v }),
            SearchDimension.Linear("dropout", 0, 0.5, (hp, v) => hp with { Dropout = v }));
        var points = space.QuasiRandom(12, 0);
        // The loss follows the rate only: "lr" is the right answer.
        var trials = points.Select((p, i) => new SearchTrial(p, ChildProcess.Synthetic("q", i + 1, 0.3 + 0.1 * (Math.Log10(p["lr"]) + 4)))).ToList();
        var search = new SearchResult("q", space, trials);
        Assert.Contains("Fill in", Lesson07Exercises.MostImportant(search, "").Message);
        Assert.False(Lesson07Exercises.MostImportant(search, "dropout").Correct);
        Assert.True(Lesson07Exercises.MostImportant(search, "lr").Correct);
    }
}
