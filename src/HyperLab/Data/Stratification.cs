namespace HyperLab.Data;

/// <summary>
/// The arithmetic behind stratified splits and samples: how many examples of each class go where,
/// so that every class keeps its proportion to within one example and the totals come out exact.
/// </summary>
internal static class Stratification
{
    private const double Tolerance = 1e-9;

    /// <summary>The row numbers of each class, each list shuffled with <paramref name="seed"/>.</summary>
    public static int[][] ShuffledIndicesByClass(Dataset data, int seed)
    {
        var counts = data.ClassCounts();
        var byClass = counts.Select(n => new int[n]).ToArray();
        var filled = new int[counts.Length];
        for (var i = 0; i < data.Count; i++)
        {
            var c = data.Labels[i];
            byClass[c][filled[c]++] = i;
        }

        var random = SeededRandom.Create(seed, stream: 2);
        foreach (var rows in byClass)
            SeededRandom.Shuffle(rows, random);
        return byClass;
    }

    /// <summary>
    /// Splits <c>round(total × fraction)</c> among classes of the given sizes in proportion to size:
    /// each class gets the floor or the ceiling of <c>size × fraction</c>; the classes with the largest
    /// remainders get the ceilings (largest-remainder method).
    /// </summary>
    public static int[] Apportion(int[] sizes, double fraction)
    {
        var exact = sizes.Select(n => n * fraction).ToArray();
        var shares = exact.Select(x => (int)Math.Floor(x + Tolerance)).ToArray();
        var target = (int)Math.Round(sizes.Sum() * fraction, MidpointRounding.AwayFromZero);
        var byRemainder = Enumerable.Range(0, sizes.Length)
            .Where(c => shares[c] < sizes[c])
            .OrderByDescending(c => exact[c] - shares[c])
            .ThenBy(c => c)
            .ToList();
        for (var k = 0; shares.Sum() < target && k < byRemainder.Count; k++)
            shares[byRemainder[k]]++;
        return shares;
    }

    /// <summary>
    /// Per-class sizes of the validation and test sets (the rest is training). Each set's total is
    /// <c>round(n × fraction)</c>, and in every class each of the three sets is within one example
    /// of its exact proportional share.
    /// </summary>
    public static (int[] Validation, int[] Test) SplitCounts(int[] sizes, double validationFraction, double testFraction)
    {
        var validation = Apportion(sizes, validationFraction);
        var test = Apportion(sizes, testFraction);

        // Rounding validation and test independently can leave a class's training share off by more
        // than one (both rounded up, or both down). Move one unit to or from a class whose training
        // share errs the other way; such a class exists because the totals are within ½ of exact.
        double Error(int[] counts, int c, double fraction) => counts[c] - sizes[c] * fraction;
        double TrainError(int c) => -(Error(validation, c, validationFraction) + Error(test, c, testFraction));
        for (var guard = 0; guard < 4 * sizes.Length; guard++)
        {
            var c = Enumerable.Range(0, sizes.Length).FirstOrDefault(k => Math.Abs(TrainError(k)) > 1 + Tolerance, -1);
            if (c < 0)
                break;
            var sign = TrainError(c) < 0 ? 1 : -1; // +1: class c gave too much to validation and test
            var d = Enumerable.Range(0, sizes.Length).First(k => sign * TrainError(k) > Tolerance);
            var counts = sign * Error(validation, d, validationFraction) < 0 ? validation : test;
            counts[c] -= sign;
            counts[d] += sign;
        }

        return (validation, test);
    }
}
