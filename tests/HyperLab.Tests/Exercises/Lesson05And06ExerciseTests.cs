using HyperLab.Diagnosis;
using HyperLab.Lessons.Exercises;
using HyperLab.Lessons.Lesson05;
using HyperLab.Lessons.Lesson06;
using HyperLab.Sweeps;
using HyperLab.Tests.Claims.Controls;
using HyperLab.Training;
using static HyperLab.Tests.Exercises.ExerciseAssert;

namespace HyperLab.Tests.Exercises;

/// <summary>Every exercise of lessons 05 and 06 with no answer ("Fill in … first"), a wrong one ("Not yet") and the right one (👍).</summary>
public class Lesson05And06ExerciseTests
{
    private static StrengthSweep DecayGrid()
    {
        double[] decays = [0, 1e-5, 1e-4, 1e-3, 1e-2, 3e-2, 1e-1];
        double[] finals = [0.80, 0.78, 0.70, 0.60, 0.52, 0.70, 2.30];
        return new StrengthSweep("weight decay", decays.Select((d, i) => new StrengthPoint(d, ControlRuns.Run([finals[i]]), WeightStats.FromValues([0.1, -0.1]), 0.1)).ToList());
    }

    [Fact]
    public void Lesson_05_ex1_judges_the_learners_run_against_the_grids_best()
    {
        var grid = DecayGrid();
        const string blank = "myDecay (a positive number)";
        // The lazy form trains nothing (here: builds no answer) before the learner has answered.
        bool trained = false;
        var none = Exercise.Judge<double>("05.ex1", null, blank, wd => { trained = true; return Lesson05Answers.WeightDecay(ControlRuns.Run([0.5]), grid); });
        Assert.False(trained);
        Assert.StartsWith("💡 Not yet: Fill in myDecay", none.ToString());
        Assert.DoesNotContain("0.52", none.Message);   // the grid's best is not shown before an answer
        Blank("05.ex1", Lesson05Answers.WeightDecay(ControlRuns.Run([0.53]), grid));
        Right("05.ex1", 1e-2, Lesson05Answers.WeightDecay(ControlRuns.Run([0.53]), grid));           // within 10 % of 0.52
        Wrong("05.ex1", 1e-4, Lesson05Answers.WeightDecay(ControlRuns.Run([0.70]), grid));           // still overfitting
        Assert.Contains("Go up", Exercise.Judge("05.ex1", 1e-4, Lesson05Answers.WeightDecay(ControlRuns.Run([0.70]), grid)).Message);
        Assert.Contains("cannot learn", Exercise.Judge("05.ex1", 0.3, Lesson05Answers.WeightDecay(ControlRuns.Run([2.3]), grid)).Message);
        Wrong("05.ex1", -1.0, Lesson05Answers.WeightDecay(ControlRuns.Run([0.52]), grid));
    }

    [Fact]
    public void Lesson_05_ex2_and_ex3()
    {
        var sparse = WeightStats.FromValues([0, 0, 0, 1e-4, 0.2, -0.3]);     // 4 of 6 below 1e-3
        var dense = WeightStats.FromValues([0, 0.1, 0.2, -0.3, 0.2, -0.3]);
        Blank("05.ex2", Lesson05Answers.MostlyNearZero(sparse));
        Assert.DoesNotContain("%", Exercise.Judge<bool>("05.ex2", null, Lesson05Answers.MostlyNearZero(sparse)).Message);
        Right("05.ex2", true, Lesson05Answers.MostlyNearZero(sparse));
        Wrong("05.ex2", false, Lesson05Answers.MostlyNearZero(sparse));
        Right("05.ex2", false, Lesson05Answers.MostlyNearZero(dense));
        Wrong("05.ex2", true, Lesson05Answers.MostlyNearZero(dense));

        // Weight decay 0.1: both losses stuck near ln 10, close together.
        var stuck = ControlRuns.Run([2.30, 2.29, 2.29, 2.29, 2.29, 2.29, 2.29, 2.29], [2.30, 2.30, 2.29, 2.29, 2.29, 2.29, 2.29, 2.29], trainAccuracy: 0.11, validationAccuracy: 0.1);
        var verdict = Lesson05Answers.StrongDecayVerdict(stuck);
        var expected = FitDiagnosis.Of(stuck).Verdict;
        Assert.Equal(FitVerdict.Underfitting, expected);
        Blank("05.ex3", verdict);
        Right("05.ex3", FitVerdict.Underfitting, verdict);
        Wrong("05.ex3", FitVerdict.Overfitting, verdict);
        Wrong("05.ex3", FitVerdict.GoodFit, verdict);
    }

    [Fact]
    public void Lesson_05_ex4_trains_only_after_both_answers_and_judges_the_prediction()
    {
        var plain = ControlRuns.Run([0.9]);
        var lessons = ControlRuns.Run([0.7]);
        int runs = 0;
        History Better(Augmentation _) { runs++; return ControlRuns.Run([0.8]); }
        History Worse(Augmentation _) { runs++; return ControlRuns.Run([1.0]); }
        var shift = new Augmentation(MaxShift: 1);

        var blank = Lesson05Answers.AugmentationHelps(null, null, Better, plain, lessons);
        Assert.StartsWith("💡 Not yet: Fill in myAugmentation", blank.ToString());
        Assert.False(Lesson05Answers.AugmentationHelps(shift, null, Better, plain, lessons).Correct);
        Assert.Equal(0, runs);
        Assert.DoesNotContain("0.9", blank.Message);

        Assert.StartsWith("👍", Lesson05Answers.AugmentationHelps(shift, true, Better, plain, lessons).ToString());
        Assert.StartsWith("💡 Not yet", Lesson05Answers.AugmentationHelps(shift, false, Better, plain, lessons).ToString());
        Assert.StartsWith("👍", Lesson05Answers.AugmentationHelps(shift, false, Worse, plain, lessons).ToString());
        Assert.StartsWith("💡 Not yet", Lesson05Answers.AugmentationHelps(shift, true, Worse, plain, lessons).ToString());
        Assert.Equal(4, runs);
    }

    [Fact]
    public void Lesson_06()
    {
        double[] rates = Sweep.LogGrid(3e-4, 1e-1, 3);
        var at256 = ControlRuns.RateSweep(rates, rates.Select(r => Math.Pow(Math.Log10(r / 6.5e-3), 2) + 0.1).ToArray());
        Assert.InRange(at256.Best.Value, 6e-3, 7e-3);
        var rate = Lesson06Answers.BestRateAtBatch(at256, linePredicts: 8e-3);
        Blank("06.ex1", rate);
        Assert.DoesNotContain("e-", Exercise.Judge<double>("06.ex1", null, rate).Message);
        Right("06.ex1", 6e-3, rate);
        Right("06.ex1", 1.2e-2, rate);
        Wrong("06.ex1", 2e-3, rate);      // 3.2× below
        Wrong("06.ex1", 5e-2, rate);
        Wrong("06.ex1", 0.0, rate);

        var trains = Lesson06Answers.StillTrains(ControlRuns.Run([0.4]));
        var stuck = Lesson06Answers.StillTrains(ControlRuns.Run([2.3]));
        Blank("06.ex2", trains);
        Right("06.ex2", true, trains);
        Wrong("06.ex2", false, trains);
        Right("06.ex2", false, stuck);
        Wrong("06.ex2", true, stuck);

        var hp = new Hyperparameters { Width = 1024, Depth = 16 };
        int expected = global::HyperLab.Lessons.Lesson02.MemoryEstimate.LargestBatch(784, 10, hp, 1_000_000_000);
        var batch = Lesson06Answers.LargestBatch(784, 10, hp, 1_000_000_000);
        Blank("06.ex3", batch);
        Assert.DoesNotContain(expected.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Exercise.Judge<int>("06.ex3", null, batch).Message);
        Right("06.ex3", expected, batch);
        Right("06.ex3", (int)(expected * 1.2), batch);
        Wrong("06.ex3", expected * 2, batch);
        Wrong("06.ex3", expected / 2, batch);
        Assert.DoesNotContain(expected.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Exercise.Judge("06.ex3", expected * 2, batch).Message);
        Wrong("06.ex3", 0, batch);
    }
}
