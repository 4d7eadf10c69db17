using System.Globalization;

namespace HyperLab.Data;

/// <summary>
/// The three roles of a data set in a lesson: <see cref="Train"/> to fit the weights,
/// <see cref="Validation"/> to compare hyperparameter settings, and an optional
/// <see cref="Test"/> kept aside for one final check. Made by <see cref="Splits"/>; introduced in lesson 00.
/// </summary>
/// <param name="Train">The examples the model learns from.</param>
/// <param name="Validation">The examples used to choose hyperparameters (and for early stopping).</param>
/// <param name="Test">The examples touched once, at the end; <c>null</c> when no test set was split off.</param>
public sealed record DataSplits(Dataset Train, Dataset Validation, Dataset? Test)
{
    /// <summary>A one-line summary, e.g. "train 48,000 · validation 12,000 · test 10,000 examples × 784 features, 10 classes".</summary>
    public override string ToString()
    {
        static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var test = Test is null ? "" : $" · test {N(Test.Count)}";
        return $"train {N(Train.Count)} · validation {N(Validation.Count)}{test} examples × " +
               $"{N(Train.FeatureCount)} features, {Train.ClassCount} classes";
    }
}
