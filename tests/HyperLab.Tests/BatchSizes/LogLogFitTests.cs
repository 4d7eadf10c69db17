using HyperLab.Lessons.Lesson02;
using HyperLab.Numerics;

namespace HyperLab.Tests.BatchSizes;

public class LogLogFitTests
{
    [Theory]
    [InlineData(-1.0)]
    [InlineData(-0.5)]
    [InlineData(2.0)]
    public void Recovers_the_exponent_of_a_power_law(double exponent)
    {
        var x = new[] { 1.0, 2, 4, 8, 16, 32 };
        var y = x.Select(v => 3.0 * Math.Pow(v, exponent)).ToArray();
        var fit = LogLogFit.Of(x, y);
        Assert.Equal(exponent, fit.Slope, 9);
        Assert.Equal(Math.Log(3), fit.Intercept, 9);
        Assert.Equal(1, fit.RSquared, 9);
        Assert.Equal(3.0 * Math.Pow(10, exponent), fit.Predict(10), 9);
    }

    [Fact]
    public void Skips_non_positive_points_and_rejects_too_few()
    {
        var fit = LogLogFit.Of(new[] { 1.0, 2, 4, 8 }, new[] { 8.0, 4, 2, 0 });
        Assert.Equal(-1, fit.Slope, 9);
        Assert.Throws<ArgumentException>(() => LogLogFit.Of(new[] { 1.0, 2 }, new[] { 1.0, 0 }));
        Assert.Throws<ArgumentException>(() => LogLogFit.Of(new[] { 2.0, 2 }, new[] { 1.0, 3 }));
    }
}
