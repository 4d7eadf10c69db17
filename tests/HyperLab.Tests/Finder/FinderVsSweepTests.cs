using HyperLab.Finder;
using HyperLab.Tests.Diagnosis;
using HyperLab.Tests.Sweeps;

namespace HyperLab.Tests.Finder;

/// <summary>Lesson 01's valley-against-sweep comparison (the library's own measure over many settings is in <see cref="FinderQualityTests"/>).</summary>
public class FinderVsSweepTests
{
    private static readonly HyperLab.Sweeps.SweepResult<double> Sweep = UShapeTests.Made((1e-4, 1.2), (1e-3, 0.50), (1e-2, 0.9));

    [Fact]
    public void Holds_within_the_margin_and_fails_beyond_it()
    {
        var near = new FinderVsSweep(5e-4, FitCurves.Make([1.0, 0.5], [1.0, 0.55]), Sweep);
        Assert.True(near.Holds, near.ToString());
        Assert.Equal(0.05, near.Gap, 12);
        Assert.False(new FinderVsSweep(2e-4, FitCurves.Make([1.0, 0.5], [1.0, 0.57]), Sweep).Holds);
    }
}
