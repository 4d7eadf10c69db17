using HyperLab.Sweeps;

namespace HyperLab.Tests.Sweeps;

public class RateWindowTests
{
    private static readonly double Step = Math.Sqrt(10);

    [Fact]
    public void One_grid_step_either_side_of_1e3_holds_three_of_the_adam_grid_points_and_fails_the_rest()
    {
        var grid = Sweep.LogGrid(1e-5, 0.1, perDecade: 2);
        var inside = grid.Where(r => RateWindow.Around("best", r, 1e-3, Step).Contains).ToList();
        Assert.Equal(3, inside.Count);
        Assert.False(RateWindow.Around("best", 1e-2, 1e-3, Step).Contains);   // a wrong best fails the check
        Assert.False(RateWindow.Around("best", 1e-4, 1e-3, Step).Contains);
        Assert.Contains("outside", RateWindow.Around("best", 1e-2, 1e-3, Step).ToString());
    }

    [Fact]
    public void The_sgd_window_holds_three_of_five_interior_points()
    {
        var grid = Sweep.LogGrid(1e-3, 1, perDecade: 2);
        var interior = grid.Skip(1).SkipLast(1);
        Assert.Equal(3, interior.Count(r => new RateWindow("best", r, 0.01, 0.1).Contains));
        Assert.False(new RateWindow("best", grid[1], 0.01, 0.1).Contains);
        Assert.False(new RateWindow("best", grid[^2], 0.01, 0.1).Contains);
        Assert.False(new RateWindow("best", double.NaN, 0.01, 0.1).Contains);
    }
}
