using HyperLab.Sweeps;
using HyperLab.Tests.Claims.Controls;

namespace HyperLab.Tests.Sweeps;

public class GridEdgeTests
{
    private static readonly double[] Rates = [1e-4, 1e-3, 1e-2, 1e-1];

    [Theory]
    [InlineData(new[] { 0.5, 0.7, 0.9, 1.2 }, "lowest")]
    [InlineData(new[] { 1.2, 0.9, 0.7, 0.5 }, "highest")]
    public void A_sweep_whose_best_is_on_the_edge_fails_with_extend_the_range(double[] finals, string which)
    {
        var edge = ControlRuns.RateSweep(Rates, finals).Edge();
        Assert.False(edge.Holds);
        Assert.StartsWith("best at the edge of the grid: extend the range", edge.ToString());
        Assert.Contains($"is the {which} value tried", edge.ToString());
    }

    [Fact]
    public void A_sweep_whose_best_is_inside_holds()
    {
        var edge = ControlRuns.RateSweep(Rates, [0.9, 0.5, 0.6, 1.2]).Edge();
        Assert.True(edge.Holds);
        Assert.Contains("inside the grid", edge.ToString());
    }

    [Fact]
    public void A_grid_of_two_values_has_no_inside()
    {
        Assert.False(ControlRuns.RateSweep([1e-3, 1e-2], [0.6, 0.5]).Edge().Holds);
    }

    [Fact]
    public void An_integer_sweep_and_both_knobs_of_a_grid_are_checked_too()
    {
        var batches = new SweepResult<int>("batch", new[] { 32, 128, 512 }.Select((b, i) => new SweepPoint<int>(b, ControlRuns.Run([0.5 + 0.1 * i]))).ToList());
        Assert.False(batches.Edge().Holds);
        var grid = ScriptedRuns.Grid([16, 64, 256], [1e-4, 1e-3, 1e-2, 1e-1], c => 1e-3);
        Assert.True(grid.RowEdge().Holds);
        Assert.All(grid.RowEdgePerColumn(), e => Assert.True(e!.Holds));
        var atTop = ScriptedRuns.Grid([16, 64, 256], [1e-4, 1e-3, 1e-2, 1e-1], c => 1e-1);
        Assert.False(atTop.RowEdge().Holds);
        Assert.Contains("extend the range", atTop.RowEdge().ToString());
    }
}
