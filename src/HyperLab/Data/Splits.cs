namespace HyperLab.Data;

/// <summary>
/// Seeded, stratified train / validation / test splits. Every example lands in exactly one set, and
/// every class keeps its proportion in every set to within one example, so a validation score is
/// not skewed by an unlucky draw of classes. Introduced in lesson 00.
/// </summary>
public static class Splits
{
    /// <summary>
    /// Splits one data set into training, validation and (optionally) test sets. Each set's size is
    /// <c>round(Count × fraction)</c>; the training set gets the rest. Within each set, rows keep their
    /// original order (mini-batches are shuffled later, by <see cref="Batches"/>). The sets are named
    /// "<c>{name} train</c>", "<c>{name} validation</c>" and "<c>{name} test</c>".
    /// </summary>
    /// <param name="data">The examples to split.</param>
    /// <param name="validationFraction">Fraction for validation, in (0, 1); default 0.2.</param>
    /// <param name="testFraction">Fraction for a test set, in [0, 1); default 0 (no test set: <see cref="DataSplits.Test"/> is <c>null</c>).</param>
    /// <param name="seed">Which examples go where; default 0. The same seed gives the same split.</param>
    public static DataSplits Stratified(Dataset data, double validationFraction = 0.2, double testFraction = 0.0, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(validationFraction > 0 && validationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "Must be in (0, 1).");
        if (!(testFraction >= 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "Must be in [0, 1).");
        if (validationFraction + testFraction >= 1)
            throw new ArgumentException(
                $"Validation ({validationFraction}) and test ({testFraction}) fractions leave nothing for training.", nameof(testFraction));

        var byClass = Stratification.ShuffledIndicesByClass(data, seed);
        var (validationCounts, testCounts) = Stratification.SplitCounts(byClass.Select(c => c.Length).ToArray(), validationFraction, testFraction);
        List<int> train = [], validation = [], test = [];
        for (var c = 0; c < byClass.Length; c++)
        {
            var rows = byClass[c];
            validation.AddRange(rows.Take(validationCounts[c]));
            test.AddRange(rows.Skip(validationCounts[c]).Take(testCounts[c]));
            train.AddRange(rows.Skip(validationCounts[c] + testCounts[c]));
        }

        train.Sort();
        validation.Sort();
        test.Sort();
        var name = BaseName(data.Name);
        return new DataSplits(
            data.Select(train, $"{name} train"),
            data.Select(validation, $"{name} validation"),
            testFraction > 0 ? data.Select(test, $"{name} test") : null);
    }

    /// <summary>
    /// For a data set that comes with its own test set (Fashion-MNIST): draws a stratified validation
    /// set from <paramref name="trainPool"/>, trains on the rest, and keeps <paramref name="test"/> as
    /// it is. A pool named "Fashion-MNIST train" gives "Fashion-MNIST train" and "Fashion-MNIST validation".
    /// </summary>
    /// <param name="trainPool">The official training examples.</param>
    /// <param name="test">The official test examples; same features and classes as the pool.</param>
    /// <param name="validationFraction">Fraction of the pool for validation, in (0, 1), e.g. 0.2 gives 48,000 / 12,000 of Fashion-MNIST's 60,000.</param>
    /// <param name="seed">Which examples go to validation; the same seed gives the same split.</param>
    public static DataSplits WithTest(Dataset trainPool, Dataset test, double validationFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(trainPool);
        ArgumentNullException.ThrowIfNull(test);
        if (test.FeatureCount != trainPool.FeatureCount || test.ClassCount != trainPool.ClassCount)
            throw new ArgumentException(
                $"The test set ({test}) does not match the training pool ({trainPool}).", nameof(test));
        var split = Stratified(trainPool, validationFraction, 0.0, seed);
        return split with { Test = test };
    }

    /// <summary>"Fashion-MNIST train" → "Fashion-MNIST", so that its validation set is not called "… train validation".</summary>
    private static string BaseName(string name) =>
        name.EndsWith(" train", StringComparison.OrdinalIgnoreCase) ? name[..^" train".Length] : name;
}
