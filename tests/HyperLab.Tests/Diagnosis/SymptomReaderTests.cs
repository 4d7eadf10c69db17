using HyperLab.Diagnosis;
using HyperLab.Schedules;
using HyperLab.Tests.Finder;
using HyperLab.Training;
using static HyperLab.Tests.Diagnosis.SymptomCurves;

namespace HyperLab.Tests.Diagnosis;

public class SymptomReaderTests
{
    [Fact]
    public void A_run_that_blows_up_at_once_is_too_high()
    {
        var h = Make([2.3, 76.0], [], new Divergence(2, 76, "loss exploded to 76"), rate: 0.1);
        var d = SymptomReader.Read(h);
        Assert.Equal(Symptom.TooHigh, d.Symptom);
        Assert.Contains("step 2", d.Evidence);
        Assert.Contains("0.01", d.Action);                                    // 0.1 / 3 … 0.1 / 10
    }

    [Fact]
    public void A_loss_that_jumps_around_without_progress_is_too_high()
    {
        var steps = Curve(100, t => 2.3 * (1 + 0.3 * Math.Sin(t * 40)), wiggle: 0);
        steps[7] = 4.5;
        Assert.Equal(Symptom.TooHigh, SymptomReader.Read(Make(steps)).Symptom);
    }

    [Fact]
    public void A_loss_that_falls_in_a_straight_line_is_too_low()
    {
        var d = SymptomReader.Read(Make(Curve(100, t => 2.3 - 0.4 * t)));
        Assert.Equal(Symptom.TooLow, d.Symptom);
        Assert.True(d.Measures.SlowRatio > 0.8, d.ToString());
        Assert.Equal(Symptom.TooLow, SymptomReader.Read(Make(Curve(100, t => 2.3 - 0.02 * t))).Symptom);   // barely moves
    }

    [Fact]
    public void A_loss_that_improves_then_climbs_is_fine_early_too_high_later()
    {
        var steps = Curve(100, t => t < 0.5 ? 2.3 - 3 * t : 0.8 + 2 * (t - 0.5));
        Assert.Equal(Symptom.UnstableLater, SymptomReader.Read(Make(steps)).Symptom);
        var blewUp = Curve(61, t => 2.3 * Math.Exp(-3 * t)).Append(80).ToArray();
        Assert.Equal(Symptom.UnstableLater, SymptomReader.Read(Make(blewUp, divergence: new Divergence(62, 80, "loss exploded"))).Symptom);
    }

    [Fact]
    public void Validation_that_improves_then_stalls_asks_for_a_lower_rate()
    {
        var steps = Curve(100, t => 0.3 + 2.0 * Math.Exp(-6 * t));
        double[] val = [0.9, 0.7, 0.6, 0.55, 0.56, 0.54, 0.58, 0.6, 0.57, 0.59];
        var d = SymptomReader.Read(Make(steps, val));
        Assert.Equal(Symptom.Stalled, d.Symptom);
        Assert.Contains("epoch 6", d.Evidence);
    }

    [Fact]
    public void A_smooth_leveling_loss_with_improving_validation_is_healthy()
    {
        var steps = Curve(100, t => 0.3 + 2.0 * Math.Exp(-6 * t));
        double[] val = [0.9, 0.7, 0.6, 0.55, 0.52, 0.5, 0.48, 0.46, 0.45, 0.44];
        var d = SymptomReader.Read(Make(steps, val));
        Assert.Equal(Symptom.Healthy, d.Symptom);
        Assert.True(d.Healthy);
    }

    [Fact]
    public void Thresholds_can_be_changed_and_an_empty_run_is_unreadable()
    {
        var steps = Curve(100, t => t < 0.5 ? 2.3 - 3 * t : 0.8 + 0.2 * (t - 0.5));      // a 12% rise
        Assert.NotEqual(Symptom.UnstableLater, SymptomReader.Read(Make(steps)).Symptom);
        Assert.Equal(Symptom.UnstableLater, SymptomReader.Read(Make(steps), new SymptomThresholds { Rise = 0.05 }).Symptom);
        Assert.Equal(Symptom.Unreadable, SymptomReader.Read(Make([])).Symptom);
        Assert.Equal(5, SymptomReader.Table.Count);
    }
}

/// <summary>Real runs on lesson 01's data, the lesson's five rows, on two seeds.</summary>
public class SymptomReaderRealRunTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Real_runs_are_read_as_the_lesson_says(int seed)
    {
        var data = LessonData.Fashion(seed);
        var hp = LessonData.Baseline(seed);
        Symptom Read(Hyperparameters h) { using var r = Trainer.Fit(h, data); return SymptomReader.Read(r.History).Symptom; }
        Assert.Equal(Symptom.TooHigh, Read(hp with { LearningRate = 0.1 }));
        Assert.Equal(Symptom.TooLow, Read(hp with { LearningRate = 1e-5 }));
        Assert.Equal(Symptom.Healthy, Read(hp with { LearningRate = 1e-3 }));
        Assert.Equal(Symptom.Stalled, Read(hp with { LearningRate = 0.01 }));
        Assert.Equal(Symptom.UnstableLater, Read(hp with { LearningRate = 0.1, Schedule = Schedule.WarmupCosine(warmupFraction: 0.6) }));
    }
}
