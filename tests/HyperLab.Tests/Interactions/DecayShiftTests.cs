using HyperLab.Lessons.Lesson06;

namespace HyperLab.Tests.Interactions;

/// <summary>Synthetic rate × decay grids whose best decay is placed on purpose, so the reading of the best and the
/// comparison of two decay numbers can be checked against a known answer.</summary>
public class DecayShiftTests
{
    internal static readonly double[] Rates = [1e-3, Math.Sqrt(10) * 1e-3, 1e-2];

    /// <summary>A grid laid out on <paramref name="gridAxis"/> whose loss is lowest where the decay read on
    /// <paramref name="optimumAxis"/> equals <paramref name="optimum"/> (a parabola in log10 of it), per seed shifted by
    /// <paramref name="seedShift"/> decades. Decay 0 costs <paramref name="noDecayLoss"/>.</summary>
    internal static DecayRateGrid Synthetic(DecayAxis gridAxis, double[] decays, DecayAxis optimumAxis, double optimum,
        double noDecayLoss = 2, double[]? seedShift = null, double[]? rates = null)
    {
        rates ??= Rates;
        seedShift ??= [0, 0, 0];
        var losses = seedShift.Select(shift => rates.Select(rate => decays.Select(d =>
        {
            if (d == 0) return noDecayLoss;
            double coefficient = DecayRateGrid.Coefficient(gridAxis, d, rate);
            double onAxis = optimumAxis == DecayAxis.Coefficient ? coefficient : coefficient * rate;
            double x = Math.Log10(onAxis) - Math.Log10(optimum) - shift;
            return 0.5 + x * x;
        }).ToArray()).ToArray()).ToList();
        return new DecayRateGrid(OptimizerKind.AdamW, gridAxis, rates, decays, Enumerable.Range(0, seedShift.Length).ToList(), losses);
    }

    internal static readonly double[] Coefficients = [0, 0.1, 0.316227766, 1, 3.16227766, 10];

    [Fact]
    public void A_steady_coefficient_moves_the_effective_decay_by_the_span_of_the_rates()
    {
        var grid = Synthetic(DecayAxis.Coefficient, Coefficients, DecayAxis.Coefficient, 1);
        var shift = DecayShift.Of(grid.Track(DecayAxis.Coefficient), grid.Track(DecayAxis.Effective), grid.Problems);
        Assert.Equal(0, shift.Steadier.ShiftDecades, 6);
        Assert.Equal(1, shift.Moving.ShiftDecades, 6);
        Assert.True(shift.Holds, shift.ToString());
        Assert.Contains("holds", shift.ToString());
    }

    [Fact]
    public void A_steady_effective_decay_is_read_as_steady_on_its_own_axis()
    {
        // The paper's prediction: the best λ′ = η·λ stays put, so the coefficient moves against the rate.
        var grid = Synthetic(DecayAxis.Effective, [0, 1e-4, 3.16227766e-4, 1e-3, 3.16227766e-3, 1e-2], DecayAxis.Effective, 1e-3);
        Assert.Equal(0, grid.Track(DecayAxis.Effective).ShiftDecades, 6);
        Assert.Equal(1, grid.Track(DecayAxis.Coefficient).ShiftDecades, 6);
        Assert.All(grid.Track(DecayAxis.Coefficient).Best.Zip(Rates), p => Assert.Equal(1e-3 / p.Second, p.First, 9));
    }

    [Fact]
    public void The_sheared_table_keeps_every_measured_cell_once_and_leaves_the_rest_blank()
    {
        var grid = Synthetic(DecayAxis.Coefficient, Coefficients, DecayAxis.Coefficient, 1);
        var (rows, loss) = grid.TableOn(DecayAxis.Effective);
        Assert.Equal(grid.Rates.Count * grid.Decays.Count, loss.Sum(r => r.Count(v => !double.IsNaN(v))));   // one cell per run, decay 0 in one row
        Assert.Equal(1 + (grid.Decays.Count - 1) + (grid.Rates.Count - 1), rows.Count);   // 0, then the decays shifted by one half-decade per rate
        Assert.Equal(0, rows[0]);
        Assert.Contains(loss, r => r.Any(double.IsNaN));
    }

    [Fact]
    public void A_best_on_the_top_edge_or_at_decay_zero_is_named_and_not_read()
    {
        var edge = Synthetic(DecayAxis.Coefficient, Coefficients, DecayAxis.Coefficient, 100);
        Assert.Contains(edge.Problems, p => p.Contains("extend the range"));
        var none = Synthetic(DecayAxis.Coefficient, Coefficients, DecayAxis.Coefficient, 1, noDecayLoss: 0.1);
        Assert.Contains(none.Problems, p => p.Contains("decay 0 is best"));
    }

    [Fact]
    public void A_grid_needs_two_rates_three_ascending_decays_and_a_seed()
    {
        Assert.Throws<ArgumentException>(() => DecayRateGrid.Run(_ => throw new InvalidOperationException(), new Hyperparameters(), OptimizerKind.AdamW, DecayAxis.Coefficient, [1e-3], [0, 1, 2], [0]));
        Assert.Throws<ArgumentException>(() => DecayRateGrid.Run(_ => throw new InvalidOperationException(), new Hyperparameters(), OptimizerKind.AdamW, DecayAxis.Coefficient, [1e-3, 1e-2], [0, 2, 1], [0]));
        Assert.Throws<ArgumentException>(() => DecayRateGrid.Run(_ => throw new InvalidOperationException(), new Hyperparameters(), OptimizerKind.AdamW, DecayAxis.Coefficient, [1e-3, 1e-2], [0, 1, 2], []));
    }
}
