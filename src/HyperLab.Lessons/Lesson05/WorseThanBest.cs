using System.Globalization;
using HyperLab.Diagnosis;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson05;

/// <summary>
/// Too much of a regularizer (lesson 05): the run underfits (lesson 03's <see cref="FitDiagnosis"/>) and ends with a
/// higher validation loss than the sweep's best strength, by more than 10%.
/// </summary>
/// <param name="Strong">The strong setting's verdict check (expected: underfitting).</param>
/// <param name="BestValidationLoss">The sweep's best final validation loss.</param>
/// <param name="BestStrength">The sweep's best strength, for the evidence.</param>
public sealed record WorseThanBest(VerdictCheck Strong, double BestValidationLoss, double BestStrength)
{
    /// <summary>Underfitting, and its validation loss above 1.1 × the best.</summary>
    public bool Holds => Strong.Holds && Strong.Run.FinalValidationLoss > 1.1 * BestValidationLoss;

    /// <summary>"read as underfitting (…): …; validation loss 1.52 against 0.48 at the best strength 0.4".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        return $"{Strong}; validation loss {Strong.Run.FinalValidationLoss.ToString("0.###", inv)} against {BestValidationLoss.ToString("0.###", inv)} at the best strength {Hyperparameters.Fmt(BestStrength)}";
    }
}
