using System.Globalization;

namespace HyperLab.Data;

/// <summary>Refuses a split that would leave a part empty (an empty part used to train to a NaN loss), before any part is made.</summary>
internal static class SplitChecks
{
    /// <summary>Throws <see cref="BadDataException"/> when the training or validation part, or the test part
    /// when one is asked for, would get no examples.</summary>
    public static void NoEmptyPart(Dataset data, int validation, int? test, double validationFraction, double testFraction)
    {
        int train = data.Count - validation - (test ?? 0);
        string N(double v) => v.ToString("G", CultureInfo.InvariantCulture);
        string? empty = train == 0 ? "training" : validation == 0 ? "validation" : test == 0 ? "test" : null;
        if (empty is null) return;
        throw new BadDataException(data.Name,
            $"splitting {data.Count:N0} examples with validationFraction {N(validationFraction)} and testFraction {N(testFraction)} " +
            $"leaves the {empty} part empty (train {train}, validation {validation}{(test is int t ? $", test {t}" : "")})",
            "use more examples, or fractions that give every part at least one example per class",
            value: data.Count, parameter: nameof(data));
    }
}
