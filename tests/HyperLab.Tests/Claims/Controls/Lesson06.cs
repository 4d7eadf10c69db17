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
    [NegativeControl("06.10")]
    public void Depths_that_want_the_same_decay_or_a_shallow_model_that_decay_does_not_hurt_fail_the_tolerance_claim()
    {
        double[] depths = [1, 4], decays = [0, 0.1, 0.3, 1, 3];
        // The effect: depth 1 best at 0, depth 4 at 1, on three seeds.
        var wants = ScriptedRuns.Grid(depths, decays, d => d == 1 ? 1e-3 : 1);
        var holds = DecayTolerance.Of(wants, [wants, wants], 0.02);
        Assert.True(holds.Holds, holds.ToString());
        // Both depths want the same decay: no larger best, and the shallow model is not hurt at the deep one's best.
        var same = ScriptedRuns.Grid(depths, decays, _ => 0.3);
        Assert.False(DecayTolerance.Of(same, [same, same], 0.02).Holds);
        // The shallow model wants the larger decay.
        var reversed = ScriptedRuns.Grid(depths, decays, d => d == 1 ? 1 : 0.1);
        Assert.False(DecayTolerance.Of(reversed, [reversed, reversed], 0.02).Holds);
        // The bests differ on the first seed, but the shallow model's loss barely depends on the decay (0.01 nats): within the margin.
        var flat = new GridResult("depth", depths, "wd", decays,
        [
            decays.Select(w => ScriptedRuns.Run(w == 0 ? 0.58 : 0.59)).ToList(),
            decays.Select(w => ScriptedRuns.Run(w == 1 ? 0.69 : 0.72)).ToList(),
        ]);
        var thin = DecayTolerance.Of(flat, [flat, flat], 0.02);
        Assert.False(thin.Holds, thin.ToString());
        // On the other seeds the deep model is clearly worse at its first-seed best: not "no worse".
        var worseElsewhere = new GridResult("depth", depths, "wd", [0, 1],
        [
            [ScriptedRuns.Run(0.58), ScriptedRuns.Run(0.66)],
            [ScriptedRuns.Run(0.60), ScriptedRuns.Run(0.80)],
        ]);
        var first = new GridResult("depth", depths, "wd", decays,
        [
            decays.Select(w => ScriptedRuns.Run(w == 0 ? 0.58 : 0.66)).ToList(),
            decays.Select(w => ScriptedRuns.Run(w == 1 ? 0.69 : 0.72)).ToList(),
        ]);
        Assert.True(DecayTolerance.Of(first, [first, first], 0.02).Holds);
        var deepWorse = DecayTolerance.Of(first, [worseElsewhere, worseElsewhere], 0.02);
        Assert.False(deepWorse.DeepNoWorse, deepWorse.ToString());
        Assert.False(deepWorse.Holds);
    }

    [Fact]
    public void A_grid_of_another_seed_without_the_needed_rows_is_refused()
    {
        double[] depths = [1, 4], decays = [0, 0.1, 0.3, 1, 3];
        var grid = ScriptedRuns.Grid(depths, decays, d => d == 1 ? 1e-3 : 1);
        var other = ScriptedRuns.Grid(depths, [0.1, 0.3], _ => 0.3);
        Assert.Contains("run it with at least the rows", Assert.Throws<ArgumentException>(() => DecayTolerance.Of(grid, [other], 0.02)).Message);
    }

    [Fact]
    [NegativeControl("06.11")]
    public void A_good_range_that_stays_put_or_moves_up_fails_the_budget_claim()
    {
        double[] budgets = [3, 15];
        var rates = Sweep.LogGrid(1e-3, 4.7e-2, 3);
        var down = new GoodRangeShift(ScriptedRuns.Grid(budgets, rates, e => e == 3 ? 1e-2 : 2.15e-3));
        Assert.True(down.Holds, down.ToString());
        var same = new GoodRangeShift(ScriptedRuns.Grid(budgets, rates, _ => 4.64e-3));
        Assert.False(same.Holds, same.ToString());
        Assert.Contains("the range did not move", same.ToString());
        Assert.False(new GoodRangeShift(ScriptedRuns.Grid(budgets, rates, e => e == 3 ? 2.15e-3 : 1e-2)).Holds);
        // Half a step (one end moves, the other does not) is below the required one step.
        var table = new double[] { 0.70, 0.20, 0.13, 0.16, 0.14, 0.27 };
        var longer = new double[] { 0.20, 0.15, 0.09, 0.10, 0.14, 0.27 };
        var half = new GoodRangeShift(new GridResult("epochs", budgets, "lr", rates,
            [table.Select(l => ScriptedRuns.Run(l)).ToList(), longer.Select(l => ScriptedRuns.Run(l)).ToList()]));
        Assert.InRange(half.StepsDown, 0.4, 0.6);
        Assert.False(half.Holds, half.ToString());
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
