using HyperLab.Lessons.Lesson06;
using HyperLab.Sweeps;
using HyperLab.Tests.Interactions;
using HyperLab.Tests.Sweeps;

namespace HyperLab.Tests.Claims.Controls;

/// <summary>
/// Negative controls of lesson 06's claims: grids whose best does not move (or moves the other way), and rate × decay
/// grids where the paper's prediction holds, fed to the checks the notebook calls.
/// </summary>
public class Lesson06
{
    private static readonly double[] Batches = [8, 32, 128, 512];
    private static readonly double[] Rates = Sweep.LogGrid(3e-4, 1e-1, 3);

    [Fact]
    [NegativeControl("06.1")]
    public void A_best_rate_that_ignores_the_batch_or_follows_the_linear_rule_fails_the_slope_check()
    {
        Assert.False(new RateBatchSlope(ScriptedRuns.Grid(Batches, Rates, _ => 3e-3)).Holds);            // slope 0
        Assert.False(new RateBatchSlope(ScriptedRuns.Grid(Batches, Rates, b => 3e-4 * b / 8)).Holds);     // slope 1
        var edge = new RateBatchSlope(ScriptedRuns.Grid(Batches, Rates, b => 1e-3 * Math.Pow(b / 8, 2)));
        Assert.False(edge.Holds);
        Assert.Contains("extend the range", edge.ToString());
        Assert.True(new RateBatchSlope(ScriptedRuns.Grid(Batches, Rates, b => 1e-3 * Math.Sqrt(b / 8))).Holds);   // the square-root rule
    }

    [Fact]
    [NegativeControl("06.4")]
    public void Depths_that_want_the_same_decay_fail_the_depth_claim()
    {
        double[] depths = [1, 4], decays = [0.1, 0.3, 1, 3];
        Assert.False(new BestRowComparison(ScriptedRuns.Grid(depths, decays, _ => 0.3)).Larger);
        Assert.False(new BestRowComparison(ScriptedRuns.Grid(depths, decays, d => d == 1 ? 1 : 0.1)).Larger);
        Assert.True(new BestRowComparison(ScriptedRuns.Grid(depths, decays, d => d == 1 ? 0.1 : 1)).Larger);
    }

    [Fact]
    [NegativeControl("06.5")]
    public void A_longer_budget_whose_best_rate_is_higher_fails_no_higher()
    {
        double[] budgets = [3, 15];
        var higher = new BestRowComparison(ScriptedRuns.Grid(budgets, Rates, e => e == 3 ? 2e-3 : 1e-2));
        Assert.False(higher.NoLarger, higher.ToString());
        Assert.True(new BestRowComparison(ScriptedRuns.Grid(budgets, Rates, e => e == 3 ? 1e-2 : 2e-3)).NoLarger);
    }

    [Fact]
    [NegativeControl("06.8")]
    public void When_the_papers_prediction_holds_the_reverse_claim_fails()
    {
        // AdamW's best λ′ = η·λ fixed across rates (the paper), Adam + L2's best λ moving against the rate.
        var adamW = DecayShiftTests.Synthetic(DecayAxis.Coefficient, [0, 0.1, 0.316, 1, 3.16, 10, 31.6], DecayAxis.Effective, 3.16e-3);
        var adamL2 = DecayShiftTests.Synthetic(DecayAxis.Coefficient, [0, 1e-3, 3.16e-3, 1e-2, 3.16e-2, 0.1], DecayAxis.Effective, 3.16e-5) with { Optimizer = OptimizerKind.Adam };
        var lambdaPrime = adamW.Track(DecayAxis.Effective);
        var l2 = adamL2.Track(DecayAxis.Coefficient);
        var problems = adamW.Problems.Concat(adamL2.Problems).ToList();
        Assert.Empty(problems);
        Assert.False(DecayShift.Of(steadier: l2, moving: lambdaPrime, problems).Holds);
        Assert.True(DecayShift.Of(steadier: lambdaPrime, moving: l2, problems).Holds);   // the paper's prediction, read as such

        // Both steady: no margin, no claim.
        var steadyL2 = DecayShiftTests.Synthetic(DecayAxis.Coefficient, [0, 1e-3, 3.16e-3, 1e-2, 3.16e-2, 0.1], DecayAxis.Coefficient, 1e-2);
        var steadyW = DecayShiftTests.Synthetic(DecayAxis.Effective, [0, 1e-4, 3.16e-4, 1e-3, 3.16e-3, 1e-2], DecayAxis.Effective, 1e-3);
        Assert.False(DecayShift.Of(steadyL2.Track(DecayAxis.Coefficient), steadyW.Track(DecayAxis.Effective)).Holds);
    }

    [Fact]
    [NegativeControl("06.8", "06.9")]
    public void A_margin_that_seeds_disagree_on_or_a_best_on_the_edge_fails()
    {
        // A seed whose optimum is a decade lower at every rate moves no differently from the others.
        var decays = new[] { 0, 0.1, 0.316, 1, 3.16, 10 };
        var noisy = DecayShiftTests.Synthetic(DecayAxis.Coefficient, decays, DecayAxis.Coefficient, 1, seedShift: [0, 0, -1]);
        var steady = noisy.Track(DecayAxis.Coefficient);
        var moving = noisy.Track(DecayAxis.Effective);
        var shift = DecayShift.Of(steady, moving, noisy.Problems);
        Assert.True(shift.Holds, shift.ToString());   // a seed whose optimum is lower everywhere does not change the shifts
        var edge = DecayShiftTests.Synthetic(DecayAxis.Coefficient, decays, DecayAxis.Coefficient, 30);
        var atEdge = DecayShift.Of(edge.Track(DecayAxis.Coefficient), edge.Track(DecayAxis.Effective), edge.Problems);
        Assert.False(atEdge.Holds);
        Assert.Contains("extend the range", atEdge.ToString());
        var noDecay = DecayShiftTests.Synthetic(DecayAxis.Coefficient, decays, DecayAxis.Coefficient, 1, noDecayLoss: 0.2);
        Assert.False(DecayShift.Of(noDecay.Track(DecayAxis.Coefficient), noDecay.Track(DecayAxis.Effective), noDecay.Problems).Holds);
    }

    [Fact]
    [NegativeControl("06.9")]
    public void When_the_effective_decay_is_the_steady_one_AdamWs_own_number_moves_more()
    {
        var grid = DecayShiftTests.Synthetic(DecayAxis.Effective, [0, 1e-4, 3.16e-4, 1e-3, 3.16e-3, 1e-2], DecayAxis.Effective, 1e-3);
        var shift = DecayShift.Of(steadier: grid.Track(DecayAxis.Coefficient), moving: grid.Track(DecayAxis.Effective), grid.Problems);
        Assert.False(shift.Holds, shift.ToString());
    }
}
