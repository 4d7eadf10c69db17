using HyperLab.Diagnosis;
using HyperLab.Lessons.Exercises;
using HyperLab.Lessons.Lesson01;
using HyperLab.Lessons.Lesson04;
using HyperLab.Tests.Claims.Controls;
using static HyperLab.Tests.Exercises.ExerciseAssert;

namespace HyperLab.Tests.Exercises;

/// <summary>Every exercise of lessons 00-04 with no answer ("Fill in … first"), a wrong one ("Not yet") and the right one (👍).</summary>
public class ExerciseTests
{
    [Fact]
    public void Lesson_00()
    {
        var count = Answers.ParameterCount(784, 10, depth: 3, width: 64);
        Blank("00.ex1", count);
        Wrong("00.ex1", 50_890L, count);
        Right("00.ex1", 784L * 64 + 64 + 2 * (64 * 64 + 64) + 64 * 10 + 10, count);
        var near = Answers.StartsNearChance(2.306, 10);
        Blank("00.ex2", near);
        Wrong("00.ex2", false, near);
        Right("00.ex2", true, near);
        // The blank case shows no measured loss.
        Assert.DoesNotContain("2.306", Exercise.Judge<bool>("00.ex2", null, near).Message);
    }

    [Fact]
    public void Lesson_01()
    {
        double[] rates = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2];
        // One lucky run at 3e-3 (0.40) among neighbours near 0.52: the smoothed best is about 0.49, not 0.40.
        var sweep = ControlRuns.RateSweep(rates, [1.2, 0.8, 0.55, 0.40, 0.52, 0.9]);
        Assert.InRange(Answers.SmoothedBest(sweep).Loss, 0.48, 0.50);
        Right("01.ex1", 2e-3, Answers.RateFromFinder(ControlRuns.Run([0.50]), sweep));   // misses the lucky 0.40 by 0.1, yet near-best
        Wrong("01.ex1", 1e-4, Answers.RateFromFinder(ControlRuns.Run([1.1]), sweep));
        Blank("01.ex1", Answers.RateFromFinder(ControlRuns.Run([0.5]), sweep));
        Assert.False(Exercise.Judge("01.ex1", (double?)-1, "myRate", r => Answers.Invalid<double>("A rate is a positive number.")).Correct);
        var limit = Answers.StabilityLimit(new QuadraticBowl(1, 40));
        Blank("01.ex2", limit);
        Wrong("01.ex2", 2.0, limit);
        Wrong("01.ex2", 0.5, limit);
        Right("01.ex2", 0.05, limit);
    }

    [Fact]
    public void Lesson_02()
    {
        var updates = Answers.Updates(60_000, 128, 3);
        Blank("02.ex1", updates);
        Wrong("02.ex1", 3L * 468, updates);
        Right("02.ex1", 3L * 469, updates);
        var rule = Answers.LinearRule(64, 0.1, batch: 4);
        Blank("02.ex2", rule);
        Wrong("02.ex2", 0.05, rule);     // trains, but 8× the rule
        Wrong("02.ex2", 1e-3, rule);
        Right("02.ex2", 0.00625, rule);
        Right("02.ex2", 0.01, rule);
        var memory = Answers.Megabytes(17.0);
        Blank("02.ex3", memory);
        Wrong("02.ex3", 8.5, memory);
        Right("02.ex3", 17.2, memory);
    }

    [Fact]
    public void Lesson_03()
    {
        Blank("03.ex1", Answers.Updates(48_000, 128, 15));
        Right("03.ex1", 15L * 375, Answers.Updates(48_000, 128, 15));   // 48,000 / 128 = 375 exactly
        Blank("03.ex1b", Answers.ExamplesSeen(48_000, 15));
        Wrong("03.ex1b", 15L * 375, Answers.ExamplesSeen(48_000, 15));
        Right("03.ex1b", 720_000L, Answers.ExamplesSeen(48_000, 15));
        var stoppedAtDip = ControlRuns.Run([1.0, 0.7, 0.6, 0.62, 0.63]);
        var found = ControlRuns.Run([1.0, 0.7, 0.6, 0.55, 0.52, 0.53, 0.54, 0.55]);
        Blank("03.ex2", Answers.FoundTheMinimum(stoppedAtDip, 0.516));
        Wrong("03.ex2", true, Answers.FoundTheMinimum(stoppedAtDip, 0.516));
        Right("03.ex2", false, Answers.FoundTheMinimum(stoppedAtDip, 0.516));
        Right("03.ex2", true, Answers.FoundTheMinimum(found with { RestoredEpoch = 5 }, 0.516));
        var stillFalling = Answers.FitVerdictOf(ControlRuns.Run([1.2, 1.1, 1.05, 1.0, 0.95], [1.4, 1.3, 1.2, 1.1, 1.0]));
        Blank("03.ex3", stillFalling);
        Wrong("03.ex3", FitVerdict.Overfitting, stillFalling);
        Right("03.ex3", FitVerdict.Underfitting, stillFalling);
    }

    [Fact]
    public void Lesson_03_ex1_is_wrong_for_a_miscount()
    {
        Wrong("03.ex1", 15L * 374, Answers.Updates(48_000, 128, 15));
    }

    [Fact]
    public void Lesson_04()
    {
        var count = Answers.ParameterCount(784, 10, depth: 5, width: 64);
        Blank("04.ex1", count);
        Wrong("04.ex1", 67_210L, count);
        Right("04.ex1", 785L * 64 + 4 * 65 * 64 + 65 * 10, count);
        DepthResult D(int depth, double loss) => new(depth, [ControlRuns.Run([loss])]);
        var runs = new[] { D(1, 0.10), D(2, 0.11), D(3, 0.12), D(10, 0.3) };
        Blank("04.ex2", Answers.DepthForSmallTable(runs));
        Wrong("04.ex2", 10, Answers.DepthForSmallTable(runs));
        Right("04.ex2", 2, Answers.DepthForSmallTable(runs));
        Assert.False(Exercise.Judge("04.ex2", (int?)13, "myDepth", d => d > 12 ? Answers.Invalid<int>("Pick a whole number from 0 to 12.") : Answers.DepthForSmallTable(runs)).Correct);
        var vanishing = Answers.GradientVanishes(new LayerGradients("tanh", [1e-4, 1e-2, 1], 2.3));
        Blank("04.ex3", vanishing);
        Wrong("04.ex3", false, vanishing);
        Right("04.ex3", true, vanishing);
    }

    [Theory]
    [InlineData("3.ex1")]
    [InlineData("03.1")]
    [InlineData("")]
    public void A_malformed_exercise_id_is_refused(string id) =>
        Assert.Throws<ArgumentException>(() => Exercise.Judge<long>(id, 1, Answers.Updates(100, 10, 1)));

    [Fact]
    public void The_lazy_form_computes_nothing_before_an_answer()
    {
        bool computed = false;
        var r = Exercise.Judge<double>("01.ex1", null, "myRate (a positive number)", _ => { computed = true; return Answers.Invalid<double>("x"); });
        Assert.False(computed);
        Assert.Equal("💡 Not yet: Fill in myRate (a positive number) first, then run the cell again.", r.ToString());
    }
}
