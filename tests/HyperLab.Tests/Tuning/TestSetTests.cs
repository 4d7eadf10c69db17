using HyperLab.Models;
using HyperLab.Tests.Training;
using HyperLab.Tracking;
using HyperLab.Tuning;

namespace HyperLab.Tests.Tuning;

public class TestSetTests
{
    [Fact]
    public void The_test_set_can_be_looked_at_once_and_a_second_look_throws_a_clear_error()
    {
        var data = TinyData.Moons();
        using var model = Mlp.Create(2, 2, new Hyperparameters { Depth = 1, Width = 8 });
        var guard = new TestSet(data.Validation);
        Assert.False(guard.Used);
        var result = guard.Evaluate(model);
        Assert.True(guard.Used);
        Assert.InRange(result.Accuracy, 0, 1);
        var e = Assert.Throws<TestSetAlreadyUsedException>(() => guard.Evaluate(model));
        Assert.Equal(result, e.First);
        Assert.Contains("already evaluated", e.Message);
        Assert.Contains(result.Accuracy.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), e.Message);
        Assert.True(new TestSet(data.Validation).Evaluate(model) is { });   // a new guard is a deliberate new look
    }
}

/// <summary>The guard kept in the experiment log: one look per study, across instances and processes, so the test set is looked at once however the notebook is rerun.</summary>
public class PersistentTestSetTests
{
    [Fact]
    public void A_second_look_in_the_same_study_is_refused_by_a_new_guard_and_a_new_study_may_look()
    {
        var data = TinyData.Moons();
        using var model = Mlp.Create(2, 2, new Hyperparameters { Depth = 1, Width = 8 });
        var log = new ExperimentLog(HyperLab.Tests.Tracking.TrackingData.TempLog()).BeginStudy("guard");
        var first = new TestSet(data.Validation, log).Evaluate(model, "model A");

        var restarted = new TestSet(data.Validation, new ExperimentLog(log.Path).OpenStudy(log.Study!));   // as after a kernel restart
        Assert.True(restarted.Used);
        var e = Assert.Throws<TestSetAlreadyUsedException>(() => restarted.Evaluate(model, "model B"));
        Assert.Equal(log.Study, e.Study);
        Assert.Equal(first.Accuracy, e.First.Accuracy);
        Assert.Contains("model A", e.Message);
        Assert.Contains(log.Study!, e.Message);

        var look = Assert.Single(log.Load().TestLooks);
        Assert.Equal(("model A", log.Study), (look.Model, look.Study));

        var fresh = new ExperimentLog(log.Path).BeginStudy("guard");          // a new study is explicit, and on the record
        Assert.NotEqual(log.Study, fresh.Study);
        Assert.InRange(new TestSet(data.Validation, fresh).Evaluate(model).Accuracy, 0, 1);
        Assert.Equal(2, log.Load().TestLooks.Count);
    }

    [Fact]
    public void A_guard_needs_a_study()
    {
        var data = TinyData.Moons();
        var e = Assert.Throws<ArgumentException>(() => new TestSet(data.Validation, new ExperimentLog(HyperLab.Tests.Tracking.TrackingData.TempLog())));
        Assert.Contains("BeginStudy", e.Message);
    }

    [Fact]
    public void Two_processes_cannot_both_evaluate_the_test_set_of_one_study()
    {
        var data = TinyData.Moons();
        var log = new ExperimentLog(HyperLab.Tests.Tracking.TrackingData.TempLog()).BeginStudy("race");
        // Two processes race for the one look; then a third comes after this process looked in another study.
        var racers = Enumerable.Range(0, 2).Select(_ => HyperLab.Tests.Tracking.ChildProcess.Start("evaluate", log.Path, log.Study!)).ToList();
        var codes = racers.Select(HyperLab.Tests.Tracking.ChildProcess.Finish).Order().ToList();
        Assert.Equal([0, 3], codes);                                             // exactly one evaluated, the other was refused
        Assert.Single(log.Load().TestLooks, l => l.Study == log.Study);

        using var model = Mlp.Create(2, 2, new Hyperparameters { Depth = 1, Width = 8 });
        var mine = new ExperimentLog(log.Path).BeginStudy("race");
        new TestSet(data.Validation, mine).Evaluate(model);
        Assert.Equal(3, HyperLab.Tests.Tracking.ChildProcess.Finish(HyperLab.Tests.Tracking.ChildProcess.Start("evaluate", log.Path, mine.Study!)));
    }
}
