using HyperLab.Sweeps;
using HyperLab.Tests.Diagnosis;

namespace HyperLab.Tests.Sweeps;

public class UShapeTests
{
    internal static SweepResult<double> Made(params (double Rate, double Loss)[] points) =>
        new("lr", points.Select(p => new SweepPoint<double>(p.Rate, FitCurves.Make([1.0, 0.5], [1.0, p.Loss]))).ToList());

    [Fact]
    public void A_valley_between_two_bad_ends_is_a_U()
    {
        var u = new UShape(Made((1e-5, 1.9), (1e-3, 0.5), (1e-1, 2.0)));
        Assert.True(u.Holds, u.ToString());
        Assert.Contains("best 1e-3 → 0.5", u.ToString());
    }

    [Fact]
    public void A_falling_or_flat_curve_is_not_a_U()
    {
        Assert.False(new UShape(Made((1e-5, 1.9), (1e-3, 0.6), (1e-1, 0.5))).Holds);   // best at the top end
        Assert.False(new UShape(Made((1e-5, 0.6), (1e-3, 0.5), (1e-1, 0.55))).Holds);  // ends barely worse
    }
}
