using HyperLab.Finder;

namespace HyperLab.Tests.Finder;

/// <summary>The budget-aware suggestion's plan, the sweep extension and interpolation, and the finder-seeded sweep's
/// cost and edge warning: pure functions, no training.</summary>
public class BudgetRuleTests
{
    [Theory]
    [InlineData(28)]
    [InlineData(84)]
    [InlineData(88)]
    [InlineData(152)]
    [InlineData(264)]
    [InlineData(456)]
    [InlineData(10_000)]
    public void The_range_tests_cost_at_most_the_planned_run(int planned)
    {
        var plan = BudgetRule.Default.Plan(planned, 10);
        Assert.InRange(plan.MaxCostSteps, 1, planned);
        Assert.InRange(plan.Seeds, 1, 3);
        Assert.InRange(plan.Settings.Steps, BudgetRule.Default.MinTestSteps, BudgetRule.Default.MaxTestSteps);
        Assert.Equal(BudgetRule.Default.Correction(planned, 10), plan.Correction);
    }

    [Fact]
    public void A_run_shorter_than_one_test_gets_one_test_and_says_it_costs_more()
    {
        var plan = BudgetRule.Default.Plan(12, 4);
        Assert.Equal(1, plan.Seeds);
        Assert.Equal(BudgetRule.Default.MinTestSteps, plan.Settings.Steps);
        Assert.Contains($"{(double)plan.MaxCostSteps / 12:0.00} run", plan.ToString());
        Assert.Throws<HyperparameterException>(() => BudgetRule.Default.Plan(0, 4));
    }

    [Fact]
    public void The_correction_is_a_power_of_the_planned_updates_and_epochs()
    {
        var rule = new BudgetRule { CorrectionAt100 = 2, CorrectionSlope = -0.5, EpochSlope = 0, MaxTestSteps = 200 };
        Assert.Equal(600, rule.CorrectionStopsAt);
        Assert.Equal(2, rule.Correction(100, 4), 12);
        Assert.Equal(1, rule.Correction(400, 4), 12);
        Assert.Equal(4, rule.Correction(25, 4), 12);
        var byEpochs = new BudgetRule { CorrectionAt100 = 2, CorrectionSlope = 0, EpochSlope = -1 };
        Assert.Equal(2, byEpochs.Correction(77, 10), 12);
        Assert.Equal(4, byEpochs.Correction(77, 5), 12);
    }

    [Fact]
    public void Above_the_longest_tests_a_longer_run_gets_the_same_correction()
    {
        // The tests stop growing at 3 × 100 steps; the default correction (0.035 × √(N/100)) stops there too,
        // so 456 or 3,000 planned updates read the same tests the same way (the flaw this fixed: 30 epochs got 1.7× 10 epochs' rate).
        var rule = BudgetRule.Default;
        Assert.Equal(300, rule.CorrectionStopsAt);
        Assert.Equal(rule.Plan(300, 10).Settings, rule.Plan(3000, 10).Settings);
        Assert.Equal(rule.Correction(300, 10), rule.Correction(456, 10), 12);
        Assert.Equal(rule.Correction(300, 10), rule.Correction(3000, 10), 12);
        Assert.Equal(0.035 * Math.Sqrt(3), rule.Correction(456, 10), 12);
        Assert.True(rule.Correction(299, 10) < rule.Correction(300, 10));       // below the cap it still grows
    }

    [Fact]
    public void A_test_read_at_its_own_length_smooths_over_a_fixed_share_of_it()
    {
        Assert.Equal(0.98, BudgetRule.Default.Plan(300, 10).Settings.Smoothing, 12);          // 3 × 100 steps, as the plain finder
        var shortTest = BudgetRule.Default.Plan(60, 10).Settings;                               // 3 × 20 steps
        Assert.Equal(1 - BudgetRule.Default.SmoothingWindow / 20, shortTest.Smoothing, 12);
        Assert.Equal(2, shortTest.SkipStart);
        Assert.Equal(1, shortTest.SkipEnd);
    }

    [Fact]
    public void Interpolation_is_linear_in_log_rate_and_infinite_next_to_a_diverged_rate()
    {
        var reference = new SweepReference("synthetic", [1e-3, 1e-2, 1e-1, 1], [0.5, 0.3, 0.4, double.PositiveInfinity]);
        Assert.Equal(0.3, reference.Interpolated(1e-2), 12);
        Assert.Equal(0.4, reference.Interpolated(Math.Sqrt(1e-3 * 1e-2)), 12);
        Assert.Equal(0.5, reference.Interpolated(1e-5));
        Assert.True(double.IsPositiveInfinity(reference.Interpolated(0.3)));
    }

    [Fact]
    public void A_best_next_to_an_edge_asks_for_a_wider_grid()
    {
        double[] rates = [1e-4, 1e-3, 1e-2, 1e-1, 1];
        Assert.Equal(0, new SweepReference("inside", [1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100], [0.9, 0.7, 0.5, 0.3, 0.5, 0.7, 0.9]).EdgeToExtend);
        Assert.Equal(-1, new SweepReference("low", rates, [0.3, 0.31, 0.5, 0.7, 0.9]).EdgeToExtend);
        Assert.Equal(1, new SweepReference("high", rates, [0.9, 0.7, 0.5, 0.31, 0.3]).EdgeToExtend);
        Assert.Equal(0, new SweepReference("high but diverged", rates, [0.9, 0.7, 0.4, 0.3, double.PositiveInfinity]).EdgeToExtend);
    }

    [Fact]
    public void The_finder_seeded_sweep_counts_its_runs_and_warns_at_an_edge()
    {
        var hp = new Hyperparameters();
        var test = new FinderResult("seed 0", hp, new FinderSettings(), [1e-3, 1e-2], [1, 2], [1, 2], FinderStop.LossExploded, 0.1);
        var finder = new FinderSpread([test, test, test]);
        double[] rates = [1, 2, 4, 8, 16, 32, 64];
        var inside = new ConfirmedRate(finder, rates, [0.5, 0.4, 0.3, 0.35, 0.4, 0.5, 0.6], 4, Seeds: 3, PlannedSteps: 100);
        Assert.False(inside.OnEdge);
        Assert.Equal(21, inside.Runs);
        Assert.Equal(21.06, inside.CostRuns, 9);                                           // 21 runs + 3 × 2 test steps of 100
        Assert.DoesNotContain("warning", inside.ToString());
        var edge = inside with { Losses = [0.2, 0.4, 0.3, 0.35, 0.4, 0.5, 0.6] };
        Assert.True(edge.OnEdge);
        Assert.Contains("warning: the best is at the lowest rate of the grid", edge.ToString());
    }
}
