using HyperLab.Data;

namespace HyperLab.Finder;

/// <summary>One cell of the finder's quality matrix: a data set, an optimizer and a budget.</summary>
/// <param name="Set">"breast cancer", "digits", "fashion" or "wine".</param>
/// <param name="Hyperparameters">The network, batch size, optimizer and epochs (seed set per run).</param>
public sealed record QualityCell(string Set, Hyperparameters Hyperparameters)
{
    /// <summary>"digits · AdamW · 10 epochs"; a network other than 2×64 or a batch size other than 64 is
    /// added: "digits · Adam · 4 epochs · 4×64", "… · batch 32".</summary>
    public string Name =>
        $"{Set} · {Hyperparameters.Optimizer} · {Hyperparameters.Epochs} epochs" +
        (Hyperparameters.Depth != 2 || Hyperparameters.Width != 64 ? $" · {Hyperparameters.Depth}×{Hyperparameters.Width}" : "") +
        (Hyperparameters.BatchSize != 64 ? $" · batch {Hyperparameters.BatchSize}" : "");

    /// <summary>Updates in the planned run: epochs × mini-batches per epoch (the unit of a suggestion's cost).</summary>
    public int PlannedSteps => Hyperparameters.Epochs * Batches.PerEpoch(Data().Train.Count, Hyperparameters.BatchSize);

    /// <summary>The cell's data: the UCI tables with 25% held out and standardized; a class-balanced
    /// sample of 3,000 Fashion-MNIST images with 20% held out (lesson 01's). Split with seed 0.</summary>
    public DataSplits Data() => QualityMatrix.Data(Set);
}

/// <summary>
/// The settings on which the finder's suggestions are measured against a brute-force sweep (lesson 01;
/// the bench command <c>bench finder</c> prints the table, docs/lessons/01.md records it, and the library's
/// tests check it against stored sweeps): <see cref="Cells"/>, three data sets × Adam and AdamW (weight decay 0.01)
/// × a short and a longer budget, all with lesson 01's 2×64 MLP and batch 64, split once into a
/// <see cref="DesignCells"/> half (the budget-aware default was fitted on it) and a <see cref="ReportCells"/> half
/// (only reported); <see cref="HeldOutCells"/>, settings nobody tuned on; <see cref="FreshCells"/>, added after
/// the rule's last change to judge it; and <see cref="UnseenCells"/>, written down after all the others were measured.
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

    /// <summary>The design half of <see cref="Cells"/>, fixed before anything was measured: breast cancer at 4
    /// epochs, digits at 12 and Fashion-MNIST at 4, each with Adam and AdamW. The budget-aware default
    /// (<see cref="BudgetRule"/>) was designed and fitted on these cells only.</summary>
    public static IEnumerable<QualityCell> DesignCells() => Cells().Where(IsDesign);

    /// <summary>The report half of <see cref="Cells"/>: breast cancer at 12 epochs, digits at 4 and Fashion-MNIST at 12,
    /// each with Adam and AdamW. Measured and reported, never tuned on.</summary>
    public static IEnumerable<QualityCell> ReportCells() => Cells().Where(c => !IsDesign(c));

    private static bool IsDesign(QualityCell c) =>
        (c.Set, c.Hyperparameters.Epochs) is ("breast cancer", 4) or ("digits", 12) or ("fashion", 4);

    /// <summary>Settings outside the matrix that nobody tuned on: SGD with momentum, a wider (2×256) and a
    /// deeper (4×64) network, another data set (wine), and batch sizes 32 and 256.</summary>
    public static IEnumerable<QualityCell> HeldOutCells()
    {
        var adam = new Hyperparameters { Depth = 2, Width = 64, BatchSize = 64, Optimizer = OptimizerKind.Adam, WeightDecay = 0 };
        return
        [
            new("digits", adam with { Optimizer = OptimizerKind.Momentum, Epochs = 12 }),
            new("breast cancer", adam with { Optimizer = OptimizerKind.Momentum, Epochs = 4 }),
            new("fashion", adam with { Width = 256, Epochs = 4 }),
            new("digits", adam with { Depth = 4, Epochs = 4 }),
            new("wine", adam with { Epochs = 30 }),
            new("breast cancer", adam with { BatchSize = 32, Epochs = 12 }),
            new("digits", adam with { BatchSize = 256, Optimizer = OptimizerKind.AdamW, WeightDecay = 0.01, Epochs = 12 }),
        ];
    }

    /// <summary>Settings added after the budget rule was frozen with its cap (<see cref="BudgetRule.CorrectionStopsAt"/>),
    /// written down before any of them was measured: the held-out cells had been reported by then, so the cap is judged
    /// here. Mostly long budgets (where the cap acts), SGD with momentum, other widths, depths and batch sizes.</summary>
    public static IEnumerable<QualityCell> FreshCells()
    {
        var adam = new Hyperparameters { Depth = 2, Width = 64, BatchSize = 64, Optimizer = OptimizerKind.Adam, WeightDecay = 0 };
        var adamW = adam with { Optimizer = OptimizerKind.AdamW, WeightDecay = 0.01 };
        return
        [
            new("digits", adam with { Epochs = 30 }),
            new("digits", adam with { Optimizer = OptimizerKind.Momentum, BatchSize = 32, Epochs = 30 }),
            new("fashion", adamW with { BatchSize = 32, Epochs = 8 }),
            new("wine", adamW with { BatchSize = 16, Epochs = 12 }),
            new("breast cancer", adam with { Depth = 3, Width = 128, Epochs = 8 }),
            new("fashion", adam with { Optimizer = OptimizerKind.Momentum, Width = 128, Epochs = 6 }),
            new("digits", adam with { Width = 32, BatchSize = 128, Epochs = 20 }),
        ];
    }

    /// <summary>Settings written down after all of <see cref="SeenCells"/> had been measured and before anything was
    /// fitted on those 26: a rule designed on every seen cell is judged here. Mostly longer budgets (where the seen
    /// misses were), four data sets, the three optimizers, other batch sizes, widths and depths.</summary>
    public static IEnumerable<QualityCell> UnseenCells()
    {
        var adam = new Hyperparameters { Depth = 2, Width = 64, BatchSize = 64, Optimizer = OptimizerKind.Adam, WeightDecay = 0 };
        var adamW = adam with { Optimizer = OptimizerKind.AdamW, WeightDecay = 0.01 };
        return
        [
            new("breast cancer", adam with { BatchSize = 32, Epochs = 20 }),
            new("digits", adamW with { Epochs = 20 }),
            new("wine", adam with { BatchSize = 32, Epochs = 20 }),
            new("fashion", adam with { BatchSize = 128, Epochs = 10 }),
            new("breast cancer", adam with { Optimizer = OptimizerKind.Momentum, Epochs = 16 }),
            new("digits", adam with { Optimizer = OptimizerKind.Momentum, Width = 128, BatchSize = 128, Epochs = 12 }),
            new("fashion", adamW with { Depth = 3, Epochs = 16 }),
        ];
    }

    /// <summary>Every cell measured before <see cref="UnseenCells"/> were written down: the matrix, the held-out cells
    /// and the fresh cells (26).</summary>
    public static IEnumerable<QualityCell> SeenCells() => Cells().Concat(HeldOutCells()).Concat(FreshCells());

    /// <summary>Every cell: the matrix, the held-out cells, the fresh cells, then the unseen cells.</summary>
    public static IEnumerable<QualityCell> AllCells() => SeenCells().Concat(UnseenCells());

    /// <summary>"design", "report", "held out", "fresh" or "unseen".</summary>
    public static string Role(QualityCell cell) =>
        Cells().Contains(cell) ? (IsDesign(cell) ? "design" : "report")
        : HeldOutCells().Contains(cell) ? "held out" : FreshCells().Contains(cell) ? "fresh" : "unseen";

    /// <summary>A set's splits (seed 0), cached per process.</summary>
    public static DataSplits Data(string set) => Cache.GetOrAdd(set, Load);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DataSplits> Cache = new();

    private static DataSplits Load(string set) => set switch
    {
        "breast cancer" => Table(CourseData.BreastCancer()),
        "digits" => Table(CourseData.Digits()),
        "wine" => Table(CourseData.Wine()),
        "fashion" => Splits.Stratified(CourseData.FashionMnistTrain().StratifiedSample(3000, 0), validationFraction: 0.2, seed: 0),
        _ => throw new ArgumentException($"Unknown set '{set}'; use one of {string.Join(", ", Sets)} or wine.", nameof(set)),
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
