using HyperLab.Diagnosis;
using HyperLab.Training;

namespace HyperLab.Tests.Diagnosis;

/// <summary>A run early-stopped with patience ≥ 3 can be read as "too few epochs" (a stop at a passing dip leaves a curve that is still falling, so early stopping alone does not rule it out).</summary>
public class FitDiagnosisEarlyStopTests
{
    [Fact]
    public void An_early_stopped_run_whose_epochs_after_the_best_still_trend_down_is_underfitting_stopped_at_a_dip()
    {
        // Patience 3: a lucky dip at epoch 6 (0.70), then 0.76, 0.74, 0.72: above the dip but still falling.
        double[] validation = [1.2, 1.0, 0.9, 0.84, 0.8, 0.70, 0.76, 0.74, 0.72];
        double[] train = [1.3, 1.05, 0.93, 0.86, 0.8, 0.76, 0.73, 0.71, 0.69];
        var run = FitCurves.Make(train, validation, restored: 6, stop: StopReason.EarlyStopped);
        var report = FitDiagnosis.Of(run);
        Assert.Equal(FitVerdict.Underfitting, report.Verdict);
        Assert.Contains("stopped at a dip", report.Finding);
        Assert.Contains("raise the patience", report.Action);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void An_early_stopped_run_past_a_real_minimum_is_still_a_good_fit(int patience)
    {
        var validation = new List<double> { 1.2, 0.9, 0.7, 0.6, 0.55 };
        var train = new List<double> { 1.3, 0.95, 0.7, 0.55, 0.45 };
        for (int k = 1; k <= patience; k++) { validation.Add(0.55 + 0.02 * k); train.Add(0.45 - 0.03 * k); }
        var report = FitDiagnosis.Of(FitCurves.Make([.. train], [.. validation], restored: 5, stop: StopReason.EarlyStopped));
        Assert.Equal(FitVerdict.GoodFit, report.Verdict);
    }
}
