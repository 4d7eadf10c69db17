using HyperLab.Lessons.Exercises;
using HyperLab.Lessons.Lesson07;
using HyperLab.Lessons.Lesson08;
using HyperLab.Tests.Tracking;
using HyperLab.Tuning;

namespace HyperLab.Tests.Exercises;

/// <summary>Lesson 07's "one more dimension" and "test guard" exercises and lesson 08's three exercises: blank asks to
/// fill in (and measures nothing), a wrong answer gets "Not yet", the right one 👍.</summary>
public class Lesson07And08ExerciseTests
{
    private static SearchResult Searched(string name, double[] values)
    {
        var space = new SearchSpace(SearchDimension.Log(name, 32, 512, (hp, v) => hp with { BatchSize = (int)Math.Round(v) }));
        var trials = values.Select((v, i) => new SearchTrial(new SearchPoint([(name, v)]), ChildProcess.Synthetic("q", i + 1, 0.5 + 0.01 * i))).ToList();
        return new SearchResult("q", space, trials);
    }

    [Fact]
    public void Lesson_07_one_more_dimension()
    {
        var before = Searched("lr", [1e-3, 2e-3]);
        int searches = 0;
        Assert.StartsWith("💡 Not yet: Fill in myDimension", Lesson07Exercises.ExtraDimension(null, _ => { searches++; return before; }, before).ToString());
        Assert.Equal(0, searches);
        var dimension = SearchDimension.Log("batch", 32, 512, (hp, v) => hp with { BatchSize = (int)Math.Round(v) });
        Assert.True(Lesson07Exercises.ExtraDimension(dimension, d => Searched(d.Name, [32, 64, 128, 256]), before).Correct);
        var ignoresV = Lesson07Exercises.ExtraDimension(dimension, d => Searched(d.Name, [64, 64, 64, 64]), before);
        Assert.False(ignoresV.Correct);
        Assert.Contains("Only 1 different values", ignoresV.Message);
    }

    [Fact]
    public void Lesson_07_test_guard()
    {
        Assert.StartsWith("💡 Not yet: Fill in myAnswer", Lesson07Exercises.TestGuard(null).ToString());
        Assert.StartsWith("💡 Not yet: Fill in myAnswer", Lesson07Exercises.TestGuard("  ").ToString());
        Assert.False(Lesson07Exercises.TestGuard("number").Correct);
        Assert.False(Lesson07Exercises.TestGuard("maybe").Correct);
        Assert.True(Lesson07Exercises.TestGuard(" Error ").Correct);
    }

    private static OptimismGap Gap(double mean, int configurations, int testSize = 100) =>
        new([new TestSetPick(0, 0.9 + mean, 0.9, [0.9 + mean], [0.9])], configurations, testSize, 500);

    [Fact]
    public void Lesson_08_ex1_fewer_candidates()
    {
        var smaller = Lesson08Exercises.SmallerWithFewer(Gap(0.01, 3), Gap(0.03, 40));
        var notSmaller = Lesson08Exercises.SmallerWithFewer(Gap(0.035, 3), Gap(0.03, 40));
        var blank = Exercise.Judge<bool>("08.ex1", null, smaller);
        Assert.StartsWith("💡 Not yet: Fill in smallerWithFewer", blank.ToString());
        Assert.DoesNotContain("points", blank.Message);
        Assert.True(Exercise.Judge("08.ex1", true, smaller).Correct);
        Assert.False(Exercise.Judge("08.ex1", false, smaller).Correct);
        Assert.True(Exercise.Judge("08.ex1", false, notSmaller).Correct);
        Assert.False(Exercise.Judge("08.ex1", true, notSmaller).Correct);
    }

    [Fact]
    public void Lesson_08_ex2_measures_only_after_both_answers()
    {
        int measured = 0;
        OptimismGap Measure(int size) { measured++; return Gap(size > 100 ? 0.01 : 0.05, 40, size); }
        var at100 = Gap(0.03, 40);
        Assert.StartsWith("💡 Not yet: Fill in myTestSize", Lesson08Exercises.BiggerTestSet(null, null, Measure, at100).ToString());
        Assert.False(Lesson08Exercises.BiggerTestSet(800, null, Measure, at100).Correct);
        Assert.Contains("outside 50 to 1,000", Lesson08Exercises.BiggerTestSet(5000, true, Measure, at100).Message);
        Assert.Equal(0, measured);
        Assert.True(Lesson08Exercises.BiggerTestSet(800, true, Measure, at100).Correct);
        Assert.False(Lesson08Exercises.BiggerTestSet(800, false, Measure, at100).Correct);
        Assert.True(Lesson08Exercises.BiggerTestSet(50, false, Measure, at100).Correct);
        Assert.False(Lesson08Exercises.BiggerTestSet(50, true, Measure, at100).Correct);
    }

    [Fact]
    public void Lesson_08_ex3_watching_the_training_loss()
    {
        var onValidation = new FreshScore("watching validation loss", 0.3, 0.5, 0.88);
        var memorizing = Lesson08Exercises.AsGoodOnTraining(new FreshScore("watching training loss", 0.01, 0.9, 0.80), onValidation, keptEpoch: 40);
        var close = Lesson08Exercises.AsGoodOnTraining(new FreshScore("watching training loss", 0.2, 0.52, 0.875), onValidation, keptEpoch: 12);
        var blank = Exercise.Judge<bool>("08.ex3", null, memorizing);
        Assert.StartsWith("💡 Not yet: Fill in asGoodOnTraining", blank.ToString());
        Assert.DoesNotContain("%", blank.Message);
        Assert.True(Exercise.Judge("08.ex3", false, memorizing).Correct);
        Assert.False(Exercise.Judge("08.ex3", true, memorizing).Correct);
        Assert.True(Exercise.Judge("08.ex3", true, close).Correct);
        Assert.False(Exercise.Judge("08.ex3", false, close).Correct);
    }
}
