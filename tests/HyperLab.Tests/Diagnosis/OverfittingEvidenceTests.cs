using HyperLab.Diagnosis;

namespace HyperLab.Tests.Diagnosis;

public class OverfittingEvidenceTests
{
    private static readonly double[] FallingTrain = [2.0, 1.2, 0.8, 0.5, 0.3, 0.2, 0.15, 0.1, 0.09, 0.08];

    private static OverfittingEvidence Of(double[] validation, double trainAccuracy, double validationAccuracy)
    {
        var h = FitCurves.Make(FallingTrain, validation);
        return new OverfittingEvidence(FitDiagnosis.Of(h), h.LastEpoch! with { TrainAccuracy = trainAccuracy, ValidationAccuracy = validationAccuracy }, 1234);
    }

    [Fact]
    public void Holds_for_a_run_whose_validation_turns_up_far_above_training()
    {
        var e = Of([1.9, 1.4, 1.0, 0.8, 0.7, 0.75, 0.85, 0.95, 1.05, 1.2], 0.99, 0.70);
        Assert.True(e.Holds, e.ToString());
        Assert.Equal(1.2 / 0.08, e.LossRatio, 12);
        Assert.Contains("1,234 parameters", e.ToString());
    }

    [Fact]
    public void Fails_when_validation_follows_training_or_the_accuracies_agree()
    {
        Assert.False(Of([2.1, 1.3, 0.9, 0.6, 0.4, 0.3, 0.25, 0.2, 0.19, 0.18], 0.95, 0.93).Holds);         // good fit
        Assert.False(Of([1.9, 1.4, 1.0, 0.8, 0.7, 0.75, 0.85, 0.95, 1.05, 1.2], 0.80, 0.75).Holds);       // accuracy gap only 5 points
    }
}
