using HyperLab.Diagnosis;
using HyperLab.Tests.Overfitting;
using HyperLab.Training;

namespace HyperLab.Tests.Diagnosis;

public class FitDiagnosisTests
{
    private static readonly double[] FallingTrain = { 2.0, 1.5, 1.1, 0.8, 0.6, 0.45, 0.3, 0.2, 0.12, 0.08 };

    [Theory]
    [InlineData("RiseTolerance", -1.0)]
    [InlineData("RiseTolerance", double.NaN)]
    [InlineData("MinImprovement", 1.0)]
    [InlineData("MinImprovement", -0.01)]
    [InlineData("WeakFraction", 0.0)]
    [InlineData("WeakFraction", 1.5)]
    public void Settings_refuse_thresholds_out_of_range_also_through_with(string field, double value)
    {
        var s = new FitDiagnosisSettings();
        var e = Assert.Throws<HyperparameterException>(() => field switch
        {
            "RiseTolerance" => s with { RiseTolerance = value },
            "MinImprovement" => s with { MinImprovement = value },
            _ => s with { WeakFraction = value },
        });
        Assert.Equal(field, e.Field);
        Assert.Contains("A sensible starting value is", e.Message);
    }

    [Fact]
    public void Settings_refuse_a_window_too_short_for_a_trend()
    {
        var e = Assert.Throws<HyperparameterException>(() => new FitDiagnosisSettings(Window: 1));
        Assert.Equal("Window", e.Field);
        Assert.Contains("from 2 to 1,000", e.Message);
        Assert.Equal(5, (new FitDiagnosisSettings() with { Window = 5 }).Window);
    }

    [Fact]
    public void Validation_turning_up_while_training_falls_is_overfitting_with_the_minimum_named()
    {
        var h = FitCurves.Make(FallingTrain, new[] { 1.9, 1.4, 1.0, 0.8, 0.7, 0.75, 0.85, 0.95, 1.05, 1.2 });
        var r = FitDiagnosis.Of(h);
        Assert.Equal(FitVerdict.Overfitting, r.Verdict);
        Assert.Equal(5, r.Numbers!.BestEpoch);
        Assert.Equal(10, r.Numbers.ModelEpoch);
        Assert.Equal((1.2 - 0.7) / 0.7, r.Numbers.Rise, 12);
        Assert.Equal(1.2 - 0.08, r.Numbers.Gap, 12);
        Assert.True(r.Numbers.ValidationTrend > 0 && r.Numbers.TrainTrend < 0);
        Assert.Contains("epoch 5", r.Evidence);
        Assert.Contains("early stopping", r.Action);
        Assert.Contains("regularize", r.Action);
    }

    [Fact]
    public void Validation_still_falling_at_the_end_is_underfitting_too_few_epochs()
    {
        var h = FitCurves.Make(new[] { 2.2, 1.8, 1.5 }, new[] { 2.0, 1.6, 1.3 });
        var r = FitDiagnosis.Of(h);
        Assert.Equal(FitVerdict.Underfitting, r.Verdict);
        Assert.Contains("still falling", r.Evidence);
        Assert.Contains("train longer", r.Action);
    }

    [Fact]
    public void Too_few_epochs_at_a_slow_rate_advises_a_longer_run_once_and_a_higher_rate()
    {
        // The loss falls in a straight line: the learning-rate reader calls the rate too low.
        var h = SymptomCurves.Make(SymptomCurves.Curve(100, t => 2.3 - 0.4 * t), rate: 1e-4);
        var r = FitDiagnosis.Of(h);
        Assert.Equal("underfitting: too few epochs", r.Finding);
        Assert.Single(r.Action.Split("train longer").Skip(1));
        Assert.Contains("raise the rate 3-10× (try 3e-4 to 1e-3)", r.Action);
    }

    [Fact]
    public void A_high_flat_plateau_is_underfitting_both_weak()
    {
        var flat = Enumerable.Range(0, 10).Select(i => 1.3 + 0.3 * Math.Exp(-i)).ToArray();   // falls from 1.6 and levels off at 1.3
        var h = FitCurves.Make(flat, flat.Select(v => v + 0.02).ToArray());
        var r = FitDiagnosis.Of(h);
        Assert.Equal(FitVerdict.Underfitting, r.Verdict);
        Assert.Contains("both weak", r.Evidence);
        Assert.Contains("add depth or width", r.Action);
    }

    [Fact]
    public void Early_stopping_that_restored_the_minimum_is_a_good_fit()
    {
        var val = new[] { 1.9, 1.4, 1.0, 0.8, 0.7, 0.75, 0.85, 0.95, 1.05 };
        var h = FitCurves.Make(FallingTrain[..9], val, restored: 5, stop: StopReason.EarlyStopped);
        var r = FitDiagnosis.Of(h);
        Assert.Equal(FitVerdict.GoodFit, r.Verdict);
        Assert.Equal(5, r.Numbers!.ModelEpoch);
        Assert.Equal(0, r.Numbers.Rise);
        Assert.Equal(0.7 - 0.6, r.Numbers.Gap, 12);
    }

    [Fact]
    public void A_rise_within_the_tolerance_is_not_overfitting()
    {
        var h = FitCurves.Make(FallingTrain[..6], new[] { 1.9, 1.4, 1.0, 0.8, 0.7, 0.76 });   // +8.6% < 10%
        Assert.NotEqual(FitVerdict.Overfitting, FitDiagnosis.Of(h).Verdict);
        Assert.Equal(FitVerdict.Overfitting, FitDiagnosis.Of(h, new FitDiagnosisSettings(RiseTolerance: 0.05)).Verdict);
    }

    [Fact]
    public void A_diverged_run_is_inconclusive_and_points_at_the_learning_rate()
    {
        var h = FitCurves.Make(new[] { 2.0 }, new[] { 1.9 }, stop: StopReason.Diverged, divergence: new Divergence(40, double.NaN, "loss became NaN"));
        var r = FitDiagnosis.Of(h);
        Assert.Equal(FitVerdict.Inconclusive, r.Verdict);
        Assert.Contains("learning rate too high", r.Finding);
        Assert.Equal(Symptom.TooHigh, r.LearningRate!.Symptom);
        Assert.Equal(SymptomReader.Read(h).Action + "; then judge the fit", r.Action);   // the lesson 01 reader's advice, not a copy of it
        Assert.Null(r.Numbers);
    }

    [Fact]
    public void A_report_is_a_curve_diagnosis_healthy_only_for_a_good_fit()
    {
        var over = FitDiagnosis.Of(FitCurves.Make(FallingTrain, new[] { 1.9, 1.4, 1.0, 0.8, 0.7, 0.75, 0.85, 0.95, 1.05, 1.2 }));
        CurveDiagnosis shown = over;
        Assert.False(shown.Healthy);
        Assert.StartsWith("✗ overfitting: too many epochs: validation loss lowest at epoch 5", over.ToString());
        var good = FitDiagnosis.Of(FitCurves.Make(FallingTrain[..9], new[] { 1.9, 1.4, 1.0, 0.8, 0.7, 0.75, 0.85, 0.95, 1.05 }, restored: 5, stop: StopReason.EarlyStopped));
        Assert.True(good.Healthy);
        Assert.StartsWith("✓ good fit: ", good.ToString());
    }

    [Fact]
    public void Validation_rising_while_training_rises_too_is_instability_not_overfitting()
    {
        var h = FitCurves.Make(new[] { 2.0, 1.2, 0.8, 0.9, 1.1, 1.3 }, new[] { 1.9, 1.1, 0.8, 0.95, 1.15, 1.35 });
        var r = FitDiagnosis.Of(h);
        Assert.Equal(FitVerdict.Inconclusive, r.Verdict);
        Assert.Equal("unstable, not overfitting", r.Finding);
        var reading = SymptomReader.Read(h);
        Assert.Equal(reading.Symptom, r.LearningRate!.Symptom);
        if (reading.Symptom is Symptom.UnstableLater or Symptom.TooHigh)
            Assert.Equal(reading.Action, r.Action);                  // the lesson 01 reader's advice
        else
            Assert.Contains("learning-rate symptom", r.Action);
    }

    [Fact]
    public void Slope_is_the_least_squares_slope()
    {
        Assert.Equal(-0.5, FitDiagnosis.Slope(new[] { 3.0, 2.5, 2.0 }), 12);
        Assert.Equal(0, FitDiagnosis.Slope(new[] { 3.0 }));
        Assert.Equal(0.08, FitDiagnosis.Slope(new[] { 1.0, 1.2, 1.1, 1.3 }), 12);   // x centred: (−1.5·−0.15 − 0.5·0.05 + 0.5·−0.05 + 1.5·0.15) / 5
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_real_diverged_run_gets_the_same_learning_rate_reading_as_lesson_01s_reader(int seed)
    {
        using var run = Trainer.Fit(OverfitData.Model(seed, epochs: 5) with { Optimizer = OptimizerKind.Sgd, LearningRate = 50 }, OverfitData.Small(seed));
        Assert.True(run.History.Diverged);
        var fit = FitDiagnosis.Of(run.History);
        var rate = SymptomReader.Read(run.History);
        Assert.Equal(FitVerdict.Inconclusive, fit.Verdict);
        Assert.Equal(rate.Symptom, fit.LearningRate!.Symptom);
        Assert.Contains(rate.Finding, fit.Finding);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Real_runs_too_few_good_and_too_many_epochs_are_diagnosed_as_such(int seed)
    {
        var data = OverfitData.Small(seed);
        var hp = OverfitData.Model(seed);
        using var few = Trainer.Fit(hp with { Epochs = 2 }, data);
        using var stopped = Trainer.Fit(hp, data, new FitOptions { EarlyStopping = new HyperLab.Training.EarlyStopping(Patience: 4) });
        using var many = Trainer.Fit(hp with { Epochs = 40 }, data);
        Assert.Equal(FitVerdict.Underfitting, FitDiagnosis.Of(few.History).Verdict);
        Assert.Equal(FitVerdict.GoodFit, FitDiagnosis.Of(stopped.History).Verdict);
        Assert.Equal(FitVerdict.Overfitting, FitDiagnosis.Of(many.History).Verdict);
    }
}
