using System.Globalization;
using System.Runtime.CompilerServices;

namespace HyperLab.Data;

/// <summary>
/// Checks a learner's data at the door, before the first training step: NaN or
/// infinite features, feature counts and labels that do not fit the model. Each problem is reported as a
/// <see cref="BadDataException"/> naming the set, row, column and value, and the fix; without these checks
/// a NaN feature surfaced only as a diverged run.
/// The scan for non-finite values runs once per <see cref="Dataset"/> instance (data sets are immutable)
/// and is remembered.
/// </summary>
public static class DataChecks
{
    private static readonly ConditionalWeakTable<Dataset, Finite> Scanned = new();

    /// <summary>Everything <c>Trainer.Fit</c> needs: training and validation sets with finite
    /// features (a <see cref="Dataset"/> is never empty: its constructor refuses that), the model's number of inputs, and labels among the model's classes.</summary>
    /// <param name="data">The splits to train on; the test set, if any, is not checked.</param>
    /// <param name="inputs">Features the model expects per example; null when unknown.</param>
    /// <param name="classes">Classes the model scores; null when unknown.</param>
    public static void ForTraining(DataSplits data, int? inputs, int? classes)
    {
        TrainingSet(data, inputs, classes);
        if (data.Validation.FeatureCount != data.Train.FeatureCount)
            throw new BadDataException(data.Validation.Name,
                $"it has {data.Validation.FeatureCount} features per example but the training set '{data.Train.Name}' has {data.Train.FeatureCount}",
                "make both sets from the same table (Splits.Stratified does), with the same columns in the same order",
                value: data.Validation.FeatureCount, parameter: nameof(data));
        Fits(data.Validation, inputs, classes);
        AllFinite(data.Validation);
    }

    /// <summary>What the learning-rate finder needs: a training set with finite features that
    /// fits the model (the finder does not look at the validation set).</summary>
    /// <param name="data">The splits; only the training set is checked.</param>
    /// <param name="inputs">Features the model expects per example; null when unknown.</param>
    /// <param name="classes">Classes the model scores; null when unknown.</param>
    /// <remarks>Beyond what a fit needs, the finder refuses a training set of one example or with every feature
    /// constant: its curve would then measure memorizing one row, or fitting the class shares, not a rate.</remarks>
    public static void ForFinder(DataSplits data, int? inputs, int? classes)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(data.Train, "data.Train");
        if (data.Train.Count < 2)
            throw new BadDataException(data.Train.Name,
                $"it has {data.Train.Count} example; the learning-rate finder would take its ~100 steps on that one row, which the model " +
                "simply memorizes, so the curve and its suggested rate say nothing about training on real data",
                "run the finder on the whole training set (several batches: a few hundred examples or more)", value: data.Train.Count, parameter: nameof(data));
        TrainingSet(data, inputs, classes);
        if (AllConstant(data.Train) is { } column)
            throw new BadDataException(data.Train.Name,
                $"every feature is the same in all {data.Train.Count:N0} examples (column 0 is always {column.ToString(CultureInfo.InvariantCulture)}); " +
                "the model cannot tell the examples apart, so the finder's curve only shows how fast the output fits the class shares, " +
                "and its suggested rate means nothing",
                "check the columns you loaded (a column picked by mistake, or features overwritten before the split), and train on features that vary",
                column: 0, value: column, parameter: nameof(data));
    }

    /// <summary>Throws when every training example has the same label: the model would learn to always answer that
    /// class and report accuracy 1 without learning anything.</summary>
    public static void MoreThanOneClass(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        long first = data.Labels[0];
        if (Array.TrueForAll(data.Labels, l => l == first))
            throw new BadDataException(data.Name,
                $"all {data.Count:N0} of its examples have label {first} ('{data.ClassNames[(int)first]}'): with a single class the model learns " +
                "to always answer it and reaches accuracy 1 without learning anything",
                "check the label column and how the set was filtered or split (Splits.Stratified keeps every class in every part); " +
                "a classifier needs examples of at least two classes",
                value: first, parameter: "data");
    }

    private static void TrainingSet(DataSplits data, int? inputs, int? classes)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(data.Train, "data.Train");
        ArgumentNullException.ThrowIfNull(data.Validation, "data.Validation");
        Fits(data.Train, inputs, classes);
        AllFinite(data.Train);
        MoreThanOneClass(data.Train);
    }

    // Column 0's value when every row equals the first one, else null (stops at the first row that differs).
    private static float? AllConstant(Dataset data)
    {
        var first = data.Row(0);
        for (int r = 1; r < data.Count; r++)
            if (!data.Row(r).SequenceEqual(first)) return null;
        return first[0];
    }

    /// <summary>Throws when any feature of <paramref name="data"/> is NaN or infinite, naming the first one
    /// (row, column, value) and how many rows have one.</summary>
    public static void AllFinite(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var found = Scanned.GetValue(data, Scan);
        if (found.Rows == 0) return;
        string value = found.Value.ToString(CultureInfo.InvariantCulture);
        string more = found.Rows == 1 ? "the only such row" : $"{found.Rows:N0} rows have a NaN or infinite feature";
        throw new BadDataException(data.Name,
            $"row {found.Row}, column {found.Column} is {value} ({more}); training on it would turn the loss into NaN",
            "drop those rows, or fill each missing value with its column's mean over the training set, before standardizing and training",
            found.Row, found.Column, found.Value, "data");
    }

    private static void Fits(Dataset set, int? inputs, int? classes)
    {
        if (inputs is int n && set.FeatureCount != n)
            throw new BadDataException(set.Name, $"it has {set.FeatureCount} features per example but the model takes {n} inputs",
                $"build the model for this data (Mlp.Create({set.FeatureCount}, {set.ClassCount}, hp), or Trainer.Fit(hp, data), which does it for you)",
                value: set.FeatureCount, parameter: "data");
        if (classes is not int c) return;
        for (int i = 0; i < set.Count; i++)
        {
            long label = set.Labels[i];
            if (label >= c)
                throw new BadDataException(set.Name,
                    $"row {i} has label {label} but the model scores only {c} class{(c == 1 ? "" : "es")} (labels 0 to {c - 1})",
                    $"build the model with {set.ClassCount} classes (the data set's class count), or remove the rows of the extra classes",
                    i, value: label, parameter: "data");
        }
    }

    private static Finite Scan(Dataset data)
    {
        var x = data.Features;
        int f = data.FeatureCount, rows = 0;
        long first = -1;
        for (long row = 0; row < data.Count; row++)
        {
            for (long k = row * f, end = k + f; k < end; k++)
            {
                if (float.IsFinite(x[k])) continue;
                if (first < 0) first = k;
                rows++;
                break;
            }
        }
        return first < 0 ? new Finite(0, 0, 0, 0) : new Finite(rows, (int)(first / f), (int)(first % f), x[first]);
    }

    private sealed record Finite(int Rows, int Row, int Column, float Value);
}
