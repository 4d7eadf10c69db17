using HyperLab.Lessons.Lesson05;

namespace HyperLab.Tests.Regularization;

public class TrendTests
{
    private static readonly double[] Grid = [0, 1e-4, 1e-3, 1e-2, 1e-1];

    [Fact]
    public void A_rising_sequence_with_noise_inside_the_slack_rises()
    {
        var t = new Trend("training loss", true, Grid, [0.004, 0.0035, 0.01, 0.1, 2.3], 0.01);
        Assert.True(t.Holds, t.ToString());
        Assert.Equal(0.0005, t.LargestReversal, 9);
    }

    [Fact]
    public void A_flat_sequence_does_not_rise_or_fall()   // the regularizer switched off: nothing moves
    {
        double[] flat = [0.5, 0.5, 0.5, 0.5, 0.5];
        Assert.False(new Trend("x", true, Grid, flat, 0.01).Holds);
        Assert.False(new Trend("x", false, Grid, flat, 0.01).Holds);
    }

    [Fact]
    public void A_reversal_larger_than_the_slack_breaks_the_trend()
    {
        Assert.False(new Trend("norm", false, Grid, [20, 18, 19, 10, 0.1], 0.1).Holds);
    }

    [Fact]
    public void A_U_shape_needs_an_inner_minimum_with_both_ends_higher_by_the_margin()
    {
        Assert.True(new StrengthUShape("wd", Grid, [1.0, 0.9, 0.7, 0.6, 2.3], 0.05).Holds);
        Assert.False(new StrengthUShape("wd", Grid, [1.0, 0.9, 0.7, 0.6, 0.5], 0.05).Holds);      // minimum at the end: no U
        Assert.False(new StrengthUShape("wd", Grid, [0.61, 0.6, 0.6, 0.6, 2.3], 0.05).Holds);     // left end within noise of the minimum
        Assert.False(new StrengthUShape("wd", Grid, [0.6, 0.6, 0.6, 0.6, 0.6], 0.05).Holds);      // switched off: flat
    }
}
