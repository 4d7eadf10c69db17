using HyperLab.Claims;
using HyperLab.Training;

namespace HyperLab.Diagnosis;

/// <summary>
/// Lesson 04's "adding depth removes the underfitting": the deeper run is no longer diagnosed as underfitting and its
/// final training loss is below <see cref="MaxTrainShare"/> of the shallower run's. A deeper run that is as weak fails.
/// </summary>
/// <param name="Shallow">The underfitting run.</param>
/// <param name="Deeper">The run with more depth.</param>
/// <param name="MaxTrainShare">Required share of the shallow run's training loss; default 0.3.</param>
public sealed record UnderfitRemoved(History Shallow, History Deeper, double MaxTrainShare = 0.3) : IEvidence
{
    /// <summary>The deeper run's diagnosis.</summary>
    public FitReport Diagnosis => FitDiagnosis.Of(Deeper);

    /// <inheritdoc/>
    public bool Holds => Diagnosis.Verdict != FitVerdict.Underfitting && Deeper.LastEpoch!.TrainLoss < MaxTrainShare * Shallow.LastEpoch!.TrainLoss;

    /// <summary>"depth 3: good fit; training loss 0.054 against 0.743 (required below 30 %), validation accuracy 97.0 % against 49.3 %".</summary>
    public override string ToString() =>
        $"depth {Deeper.Hyperparameters.Depth}: {Diagnosis.Finding}; training loss {Deeper.LastEpoch!.TrainLoss:0.###} against {Shallow.LastEpoch!.TrainLoss:0.###} (required below {MaxTrainShare:P0} of it), " +
        $"validation accuracy {Deeper.LastEpoch.ValidationAccuracy:P1} against {Shallow.LastEpoch.ValidationAccuracy:P1}";
}
