using HyperLab.Data;

namespace HyperLab.Finder;

/// <summary>One cell of the finder's quality matrix: a data set, an optimizer and a budget.</summary>
/// <param name="Set">"breast cancer", "digits" or "fashion".</param>
/// <param name="Hyperparameters">The 2×64 MLP, batch 64, the optimizer and the epochs (seed set per run).</param>
public sealed record QualityCell(string Set, Hyperparameters Hyperparameters)
{
    /// <summary>"digits · AdamW · 10 epochs".</summary>
    public string Name => $"{Set} · {Hyperparameters.Optimizer} · {Hyperparameters.Epochs} epochs";

    /// <summary>The cell's data: the UCI tables with 25% held out and standardized; a class-balanced
    /// sample of 3,000 Fashion-MNIST images with 20% held out (lesson 01's). Split with seed 0.</summary>
    public DataSplits Data() => QualityMatrix.Data(Set);
}

/// <summary>
/// The settings on which the finder's default suggestion is measured against a brute-force sweep (lesson 01;
/// the bench command <c>bench finder</c> prints the table, docs/lessons/01.md records it, and the library's
/// tests check it against a stored sweep): three data sets × Adam and AdamW (weight decay 0.01) × a short and
/// a longer budget, all with lesson 01's 2×64 MLP and batch 64.
/// </summary>
public static class QualityMatrix
{
    /// <summary>The data sets: breast cancer, digits, a 3,000-image Fashion-MNIST sample.</summary>
    public static IReadOnlyList<string> Sets { get; } = ["breast cancer", "digits", "fashion"];

    /// <summary>The budgets in epochs: 4 (short) and 12 (longer).</summary>
    public static IReadOnlyList<int> Budgets { get; } = [4, 12];

    /// <summary>The sweep's grid: three rates per decade from 1e-4 to about 0.2 (11 rates).</summary>
    public static IReadOnlyList<double> Grid { get; } = Sweeps.Sweep.LogGrid(1e-4, 0.3, 3);

    /// <summary>Training seeds of the sweep and of the runs at each suggestion: 0, 1, 2.</summary>
    public static IReadOnlyList<int> TrainingSeeds { get; } = [0, 1, 2];

    /// <summary>Finder seeds of repetition <paramref name="repetition"/> (from 0): three seeds of its own,
    /// 100 + 3r to 102 + 3r, disjoint from every other repetition and from the training seeds.</summary>
    public static int[] FinderSeeds(int repetition) => [100 + 3 * repetition, 101 + 3 * repetition, 102 + 3 * repetition];

    /// <summary>Every cell: set × optimizer × budget.</summary>
    public static IEnumerable<QualityCell> Cells() =>
        from set in Sets
        from opt in new[] { OptimizerKind.Adam, OptimizerKind.AdamW }
        from epochs in Budgets
        select new QualityCell(set, new Hyperparameters
        {
            Depth = 2,
            Width = 64,
            BatchSize = 64,
            Epochs = epochs,
            Optimizer = opt,
            WeightDecay = opt == OptimizerKind.AdamW ? 0.01 : 0,
        });

    /// <summary>A set's splits (seed 0), cached per process.</summary>
    public static DataSplits Data(string set) => Cache.GetOrAdd(set, Load);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DataSplits> Cache = new();

    private static DataSplits Load(string set) => set switch
    {
        "breast cancer" => Table(CourseData.BreastCancer()),
        "digits" => Table(CourseData.Digits()),
        "fashion" => Splits.Stratified(CourseData.FashionMnistTrain().StratifiedSample(3000, 0), validationFraction: 0.2, seed: 0),
        _ => throw new ArgumentException($"Unknown set '{set}'; use one of {string.Join(", ", Sets)}.", nameof(set)),
    };

    private static DataSplits Table(Dataset data)
    {
        var splits = Splits.Stratified(data, validationFraction: 0.25, seed: 0);
        return Standardizer.Fit(splits.Train).Transform(splits);
    }

    /// <summary>Mean final validation loss of training <paramref name="hp"/> at <paramref name="rate"/> on the
    /// training seeds (∞ if any run diverged): the same measure as each sweep point.</summary>
    public static double LossAt(Hyperparameters hp, DataSplits data, double rate)
    {
        ArgumentNullException.ThrowIfNull(hp);
        return TrainingSeeds.Average(s =>
        {
            using var run = Training.Trainer.Fit(hp with { LearningRate = rate, Seed = s }, data);
            return SweepReference.FinalLoss(run.History);
        });
    }
}
