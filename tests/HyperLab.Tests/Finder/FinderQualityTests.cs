using HyperLab.Finder;

namespace HyperLab.Tests.Finder;

/// <summary>
/// The finder's budget-aware default (<see cref="LearningRateFinder.SuggestForBudget"/>) against brute-force sweeps on
/// the settings of <see cref="QualityMatrix.AllCells"/>: three independent repetitions (disjoint finder seeds) must each
/// cost at most the planned run, train to within 1.10× of the sweep's robust best, and agree within 2×. The sweeps
/// (11 rates × 3 seeds per cell) are stored in finder-sweep-reference.json, written by
/// <c>FINDER_BENCH=references dotnet run --project src/Course -- bench finder --fixture</c> (to artifacts/finder/, copied here by hand); here only the range tests
/// and the runs at the suggestion train. Tested: the cells where the bench measured the goal met (docs/lessons/01.md
/// lists every cell, the misses included; three of the fresh cells stand for the seven, two of the unseen for the three that met them); Fashion-MNIST at 12 epochs is bench-only (the costliest cells).
/// </summary>
public class FinderQualityTests
{
    private static readonly Lazy<IReadOnlyList<SweepReference>> Fixture = new(() =>
        SweepReference.FromJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Finder", "finder-sweep-reference.json"))));

    /// <summary>Cells where <c>bench finder</c> measured the default meeting all three goals (docs/lessons/01.md).</summary>
    public static TheoryData<string> TestedCells() => new(["breast cancer · Adam · 4 epochs", "digits · Adam · 4 epochs", "digits · AdamW · 12 epochs", "digits · Momentum · 12 epochs", "digits · Adam · 4 epochs · 4×64", "wine · Adam · 30 epochs", "digits · AdamW · 12 epochs · batch 256", "digits · Adam · 30 epochs", "breast cancer · Adam · 8 epochs · 3×128", "fashion · Momentum · 6 epochs · 2×128", "wine · Adam · 20 epochs · batch 32", "digits · Momentum · 12 epochs · 2×128 · batch 128"]);

    private static (QualityCell Cell, SweepReference Reference) Load(string name) =>
        (QualityMatrix.AllCells().Single(c => c.Name == name), Fixture.Value.Single(r => r.Setting == name));

    private static FinderQuality Measure(QualityCell cell, SweepReference reference, Func<int, double> suggest, int repetitions)
    {
        var rates = Enumerable.Range(0, repetitions).Select(suggest).ToList();
        return new FinderQuality(reference, rates, rates.Select(r => QualityMatrix.LossAt(cell.Hyperparameters, cell.Data(), r)).ToList());
    }

    [Fact]
    public void Every_cell_has_a_stored_sweep_with_its_best_inside_the_grid()
    {
        foreach (var cell in QualityMatrix.AllCells())
        {
            var reference = Fixture.Value.Single(r => r.Setting == cell.Name);
            Assert.True(reference.EdgeToExtend == 0, reference.ToString());
        }
        Assert.Equal(6, QualityMatrix.DesignCells().Count());
        Assert.Equal(6, QualityMatrix.ReportCells().Count());
        Assert.Empty(QualityMatrix.DesignCells().Intersect(QualityMatrix.ReportCells()));
        Assert.Equal(7, QualityMatrix.FreshCells().Count());
        Assert.All(QualityMatrix.FreshCells(), c => Assert.Equal("fresh", QualityMatrix.Role(c)));
        Assert.Empty(QualityMatrix.FreshCells().Select(c => c.Name).Intersect(QualityMatrix.Cells().Concat(QualityMatrix.HeldOutCells()).Select(c => c.Name)));
        Assert.Equal(26, QualityMatrix.SeenCells().Count());
        Assert.Equal(7, QualityMatrix.UnseenCells().Count());
        Assert.All(QualityMatrix.UnseenCells(), c => Assert.Equal("unseen", QualityMatrix.Role(c)));
        Assert.Empty(QualityMatrix.UnseenCells().Select(c => c.Name).Intersect(QualityMatrix.SeenCells().Select(c => c.Name)));
    }

    [Theory]
    [MemberData(nameof(TestedCells))]
    public void The_default_costs_at_most_one_run_lands_within_10_percent_of_the_robust_sweep_best_and_is_stable(string name)
    {
        var (cell, reference) = Load(name);
        var quality = Measure(cell, reference, r =>
        {
            var pick = LearningRateFinder.SuggestForBudget(cell.Hyperparameters, cell.Data(), QualityMatrix.FinderSeeds(r));
            Assert.True(pick.CostSteps <= cell.PlannedSteps, pick.ToString());
            return pick.Rate;
        }, repetitions: 3);
        Assert.True(quality.Holds, quality.ToString());
    }

    [Fact]
    public void The_check_fails_for_the_valley_alone_on_a_short_budget()
    {
        // Valley does not know the budget: on digits in 4 epochs it is about 5× too cautious (bench: loss 2-3.5× the best).
        AssertMissesClearly("digits · Adam · 4 epochs", (cell, r) => LearningRateFinder.Spread(cell.Hyperparameters, cell.Data(), QualityMatrix.FinderSeeds(r)).SuggestedRate, repetitions: 1);
    }

    [Fact]
    public void The_default_misses_where_the_lesson_says_it_does_a_long_run_on_a_small_data_set()
    {
        // docs/lessons/01.md, unseen cells: 20 epochs of 280 updates on breast cancer (426 training rows); the sweep's
        // best is 2.15e-4, the default reads 3-7e-3 (bench: 2.2-2.7× the best loss). If this starts to pass, update the lesson.
        AssertMissesClearly("breast cancer · Adam · 20 epochs · batch 32", (cell, r) => LearningRateFinder.SuggestForBudget(cell.Hyperparameters, cell.Data(), QualityMatrix.FinderSeeds(r)).Rate, repetitions: 3);
    }

    /// <summary>The check fails on cell <paramref name="name"/> for <paramref name="suggest"/> (repetition → rate), and not
    /// narrowly: the worst repetition trains to more than 1.5× the sweep's robust best.</summary>
    private static void AssertMissesClearly(string name, Func<QualityCell, int, double> suggest, int repetitions)
    {
        var (cell, reference) = Load(name);
        var quality = Measure(cell, reference, r => suggest(cell, r), repetitions);
        Assert.False(quality.Holds, quality.ToString());
        Assert.True(quality.WorstRatio > 1.5, quality.ToString());
    }

    /// <summary>How a planned run ends at <paramref name="rate"/>, over the training seeds: the mean training and
    /// validation loss after the last epoch, and the latest epoch at which a seed's validation loss was lowest.</summary>
    private static (double Train, double Validation, int LatestBestEpoch) Ending(QualityCell cell, double rate)
    {
        var runs = QualityMatrix.TrainingSeeds.Select(seed =>
        {
            using var run = HyperLab.Training.Trainer.Fit(cell.Hyperparameters with { LearningRate = rate, Seed = seed }, cell.Data());
            return (run.History.LastEpoch!.TrainLoss, run.History.LastEpoch!.ValidationLoss, run.History.BestEpoch!.Epoch);
        }).ToList();
        return (runs.Average(r => r.Item1), runs.Average(r => r.Item2), runs.Max(r => r.Item3));
    }

    [Fact]
    public void Where_the_default_misses_its_run_overfits_and_where_it_meets_the_goal_it_does_not()
    {
        // docs/lessons/01.md (bench finder, FINDER_BENCH=ends): at the default's rate the long run on breast cancer
        // fits the training batches better than at the sweep's best, ends with a higher validation loss, and every
        // seed's validation minimum comes in the first half of the run (epochs 2, 1, 5 of 20); a range test never sees that end.
        var (miss, missReference) = Load("breast cancer · Adam · 20 epochs · batch 32");
        var atDefault = Ending(miss, LearningRateFinder.SuggestForBudget(miss.Hyperparameters, miss.Data(), QualityMatrix.FinderSeeds(0)).Rate);
        var atBest = Ending(miss, missReference.RobustBest.Rate);
        Assert.True(atDefault.Train < atBest.Train && atDefault.Validation > 1.5 * atBest.Validation, $"default {atDefault}, best {atBest}");
        Assert.True(atDefault.LatestBestEpoch <= miss.Hyperparameters.Epochs / 2, $"default {atDefault}");

        // Negative control: where the default met the goal (4 epochs), its run's validation loss is lowest at the end.
        var (hit, _) = Load("breast cancer · Adam · 4 epochs");
        var atHit = Ending(hit, LearningRateFinder.SuggestForBudget(hit.Hyperparameters, hit.Data(), QualityMatrix.FinderSeeds(0)).Rate);
        Assert.False(atHit.LatestBestEpoch <= hit.Hyperparameters.Epochs / 2, $"default {atHit}");
    }

    [Fact]
    public void The_check_fails_when_repetitions_disagree_by_more_than_2x()
    {
        var reference = new SweepReference("synthetic", [1e-3, 1e-2, 1e-1], [0.5, 0.4, 0.6]);
        Assert.Equal(0.5, reference.RobustBest.Loss);                                      // median of 0.5, 0.4, 0.6
        Assert.True(new FinderQuality(reference, [1e-2, 1.5e-2], [0.5, 0.54]).Holds);
        Assert.False(new FinderQuality(reference, [5e-3, 1.5e-2], [0.5, 0.54]).Holds);    // ×3 apart
        Assert.False(new FinderQuality(reference, [1e-2, 1.5e-2], [0.5, 0.56]).Holds);    // 1.12× the best
    }

    [Fact]
    public void The_robust_best_ignores_a_lone_lucky_grid_point()
    {
        var reference = new SweepReference("synthetic", [1e-4, 1e-3, 1e-2, 1e-1, 1], [0.9, 0.2, 0.6, 0.5, 0.55]);
        Assert.Equal((1e-3, 0.2), reference.PointBest);
        Assert.Equal(1e-2, reference.RobustBest.Rate);                          // median of 0.2, 0.6, 0.5
        Assert.Equal(0.5, reference.RobustBest.Loss, 12);                       // not the lucky 0.2
        var back = SweepReference.FromJson(SweepReference.ToJson([reference with { MeanLosses = [0.9, 0.2, 0.6, 0.5, double.PositiveInfinity] }]));
        Assert.True(double.IsPositiveInfinity(back[0].MeanLosses[^1]));
    }

    [Fact]
    public void Refining_finds_the_bottom_of_a_parabola_between_grid_points()
    {
        double[] rates = [1e-3, 2e-3, 4e-3, 8e-3, 16e-3];
        double best = 3e-3;
        var losses = rates.Select(r => 0.2 + Math.Pow(Math.Log(r / best), 2)).ToArray();
        Assert.Equal(best, ConfirmedRate.Refine(rates, losses), 9);
        Assert.Equal(1e-3, ConfirmedRate.Refine(rates, [0.1, 0.2, 0.3, 0.4, 0.5]));   // best at the end: the grid point
        Assert.Equal(4e-3, ConfirmedRate.Refine(rates, [0.5, double.PositiveInfinity, 0.1, 0.3, 0.5]));
    }
}
