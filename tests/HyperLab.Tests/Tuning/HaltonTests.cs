using HyperLab.Tuning;

namespace HyperLab.Tests.Tuning;

public class HaltonTests
{
    [Fact]
    public void Radical_inverse_mirrors_the_digits()
    {
        Assert.Equal([0.5, 0.25, 0.75, 0.125], Enumerable.Range(1, 4).Select(i => Halton.RadicalInverse(i, 2)));
        Assert.Equal([1 / 3.0, 2 / 3.0, 1 / 9.0], Enumerable.Range(1, 3).Select(i => Halton.RadicalInverse(i, 3)), new Close());
    }

    [Theory]
    [InlineData(0, 16, 2)]
    [InlineData(1, 27, 3)]
    [InlineData(2, 25, 5)]
    public void Each_coordinate_puts_one_point_in_each_of_n_equal_cells(int dimension, int n, int _)
    {
        // n = base^k consecutive indices starting at a multiple of n: each cell [j/n, (j+1)/n) once.
        var points = Halton.Points(n, 3, start: n);
        var cells = points.Select(p => (int)Math.Floor(p[dimension] * n)).OrderBy(c => c);
        Assert.Equal(Enumerable.Range(0, n), cells);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Halton_points_are_more_even_than_random_points_and_than_a_grid(int seed)
    {
        int n = 64;
        var halton = Halton.Points(n, 2, shift: Halton.Shift(2, seed));
        var random = new Random(seed);
        var uniform = Enumerable.Range(0, n).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToList();
        var grid = Enumerable.Range(0, 8).SelectMany(i => Enumerable.Range(0, 8).Select(j => new[] { (i + 0.5) / 8, (j + 0.5) / 8 })).ToList();
        double h = Halton.StarDiscrepancy2D(halton), u = Halton.StarDiscrepancy2D(uniform), g = Halton.StarDiscrepancy2D(grid);
        Assert.True(h < u, $"Halton {h:0.###} vs random {u:0.###}");
        Assert.True(h < g, $"Halton {h:0.###} vs grid {g:0.###}");
    }

    [Fact]
    public void The_measure_can_fail_points_in_one_corner_are_uneven()
    {
        var corner = Halton.Points(64, 2).Select(p => new[] { p[0] / 4, p[1] / 4 }).ToList();
        Assert.True(Halton.StarDiscrepancy2D(corner) > 0.9);
    }

    private sealed class Close : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) < 1e-12;
        public int GetHashCode(double d) => 0;
    }
}
