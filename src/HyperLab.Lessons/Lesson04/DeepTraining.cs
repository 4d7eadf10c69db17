using HyperLab.Claims;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson04;

/// <summary>
/// Lesson 04's two claims about a very deep network: the plain one barely trains (training loss still above
/// 80 % of ln C, the loss of guessing) and the fixed one (residual connections and normalization) trains (training
/// loss below half of ln C and validation accuracy more than 20 points above the plain one's).
/// </summary>
/// <param name="Plain">The plain deep network's run.</param>
/// <param name="Fixed">The same depth with the fixes.</param>
/// <param name="Classes">Number of classes C.</param>
public sealed record DeepTraining(History Plain, History Fixed, int Classes)
{
    /// <summary>ln C.</summary>
    public double Chance => Math.Log(Classes);

    /// <summary>The plain network's training loss stays above 80 % of ln C. A plain run that learned fails.</summary>
    public Verdict PlainBarelyTrains
    {
        get
        {
            var last = Plain.LastEpoch ?? throw new InvalidOperationException("The plain run finished no epoch.");
            return new(last.TrainLoss > 0.8 * Chance,
                $"training loss after {Plain.Epochs.Count} epochs {last.TrainLoss:0.###}, against ln {Classes} = {Chance:0.###} for guessing (threshold 80% of it); validation accuracy {last.ValidationAccuracy:P1}");
        }
    }

    /// <summary>The fixed network's training loss falls below half of ln C and its validation accuracy beats the plain
    /// one's by more than 20 points. A fixed run that stays near chance fails.</summary>
    public Verdict FixedTrains
    {
        get
        {
            var (pl, fx) = (Plain.LastEpoch!, Fixed.LastEpoch ?? throw new InvalidOperationException("The fixed run finished no epoch."));
            return new(fx.TrainLoss < 0.5 * Chance && fx.ValidationAccuracy > pl.ValidationAccuracy + 0.2,
                $"training loss {fx.TrainLoss:0.###} (required below half of ln {Classes}), validation accuracy {fx.ValidationAccuracy:P1} against {pl.ValidationAccuracy:P1} for the plain network (required 20 points more)");
        }
    }
}
