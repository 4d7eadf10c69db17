using System.Text.RegularExpressions;

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
    /// after <paramref name="data"/> with their role: "Wine" gives "Wine train", "Wine validation" and
    /// "Wine test"; "Fashion-MNIST train (sample of 10,000)" gives "Fashion-MNIST train (sample of 10,000)"
    /// and "Fashion-MNIST validation (sample of 10,000)".
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
        SplitChecks.NoEmptyPart(data, validationCounts.Sum(), testFraction > 0 ? testCounts.Sum() : null, validationFraction, testFraction);
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
        return new DataSplits(
            data.Select(train, RoleName(data.Name, "train")),
            data.Select(validation, RoleName(data.Name, "validation")),
            testFraction > 0 ? data.Select(test, RoleName(data.Name, "test")) : null);
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

    /// <summary>
    /// The name of one part: the role replaces a trailing " train" and goes before a trailing
    /// parenthesis, so "Fashion-MNIST train (sample of 10,000)" gives "Fashion-MNIST validation (sample of 10,000)"
    /// rather than "… train (sample of 10,000) validation".
    /// </summary>
    internal static string RoleName(string name, string role)
    {
        var parts = Regex.Match(name, @"^(?<base>.*?)(?: train)?(?<note> \(.*\))?$", RegexOptions.Singleline);
        return $"{parts.Groups["base"].Value} {role}{parts.Groups["note"].Value}";
    }
}
