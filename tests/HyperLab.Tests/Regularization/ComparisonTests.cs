using HyperLab.Lessons.Lesson05;
using HyperLab.Training;

namespace HyperLab.Tests.Regularization;

/// <summary>The lesson's comparisons from hand-made results (no training): each fails when the effect is absent.</summary>
public class ComparisonTests
{
    private static DecayCell Cell(OptimizerKind o, double lr, double wd, double loss) => new(o, lr, wd, loss);

    [Fact]
    public void DecayGrid_finds_the_best_decay_per_rate_and_its_spread()
    {
        var grid = new DecayGrid([
            Cell(OptimizerKind.Adam, 1e-3, 1e-2, 0.6), Cell(OptimizerKind.Adam, 1e-3, 1e-1, 0.7),
            Cell(OptimizerKind.Adam, 3e-3, 1e-2, 0.9), Cell(OptimizerKind.Adam, 3e-3, 1e-1, 0.8),
            Cell(OptimizerKind.AdamW, 1e-3, 1e-2, 0.9), Cell(OptimizerKind.AdamW, 1e-3, 1, 0.5),
            Cell(OptimizerKind.AdamW, 3e-3, 1e-2, 0.9), Cell(OptimizerKind.AdamW, 3e-3, 1, 0.5)]);
        Assert.Equal(1e-2, grid.BestDecay(OptimizerKind.Adam, 1e-3));
        Assert.Equal(1e-1, grid.BestDecay(OptimizerKind.Adam, 3e-3));
        Assert.Equal(1.0, grid.Spread(OptimizerKind.Adam), 9);
        Assert.Equal(0.0, grid.Spread(OptimizerKind.AdamW), 9);
        Assert.Equal(10, grid.SmallestRatio(OptimizerKind.Adam, OptimizerKind.AdamW), 9);
    }

    [Fact]
    public void DecayGrid_ratio_is_one_when_both_optimizers_prefer_the_same_decay()
    {
        var grid = new DecayGrid([
            Cell(OptimizerKind.Adam, 1e-3, 1e-2, 0.6), Cell(OptimizerKind.Adam, 1e-3, 1, 0.7),
            Cell(OptimizerKind.AdamW, 1e-3, 1e-2, 0.6), Cell(OptimizerKind.AdamW, 1e-3, 1, 0.7)]);
        Assert.True(grid.SmallestRatio(OptimizerKind.Adam, OptimizerKind.AdamW) < 10);   // the lesson's claim fails
    }

    private static StrengthPoint Point(string label, double strength, double validationLoss, double nearZeroShare)
    {
        var hp = new Hyperparameters();
        var epochs = new[] { new EpochRecord(1, 0.5, 0.8, validationLoss, 0.8, 0.1, 1e-3) };
        var history = new History(label, hp, [], epochs, StopReason.Completed, null, null, 0.1);
        int near = (int)Math.Round(nearZeroShare * 1000);
        var values = Enumerable.Repeat(0.0, near).Concat(Enumerable.Repeat(0.05, 1000 - near)).ToList();
        return new StrengthPoint(strength, history, WeightStats.FromValues(values), 0.5);
    }

    [Fact]
    public void Sparsity_comparison_holds_for_a_sparse_L1_run_at_matched_loss()
    {
        var c = new SparsityComparison(Point("L1", 1e-3, 0.66, 0.85), Point("L2", 1e-2, 0.66, 0.11));
        Assert.True(c.Holds, c.ToString());
    }

    [Fact]
    public void Sparsity_comparison_fails_without_sparsity_or_at_unmatched_loss()
    {
        Assert.False(new SparsityComparison(Point("L1", 1e-3, 0.66, 0.12), Point("L2", 1e-2, 0.66, 0.11)).Holds);   // L1 switched off: same share
        Assert.False(new SparsityComparison(Point("L1", 1e-3, 1.5, 0.85), Point("L2", 1e-2, 0.66, 0.11)).Holds);   // sparse, but far worse
    }
}
