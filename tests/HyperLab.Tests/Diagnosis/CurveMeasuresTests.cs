using HyperLab.Diagnosis;

namespace HyperLab.Tests.Diagnosis;

public class CurveMeasuresTests
{
    [Fact]
    public void Block_means_average_consecutive_blocks()
    {
        Assert.Equal([1.5, 3.5], CurveMeasures.BlockMeans([1, 2, 3, 4], blocks: 2));
        Assert.Equal([1.0, 2.0], CurveMeasures.BlockMeans([1, 2], blocks: 10));          // short curves stay as they are
        Assert.Equal(10, CurveMeasures.BlockMeans(Enumerable.Range(0, 95).Select(i => (double)i).ToList()).Length);
    }

    [Fact]
    public void Largest_rise_is_measured_against_the_lowest_earlier_value()
    {
        var (rise, low, peak) = CurveMeasures.LargestRiseAt([2.0, 1.0, 1.2, 0.8, 1.2, 1.0]);
        Assert.Equal(0.5, rise, 12);                                                         // 0.8 → 1.2
        Assert.Equal((3, 4), (low, peak));
        Assert.Equal(0, CurveMeasures.LargestRise([3.0, 2.0, 1.0]));
        Assert.Equal(0.5, CurveMeasures.LargestRise([1.0, double.NaN, 1.5]), 12);           // non-finite values skipped
        Assert.Equal(2, CurveMeasures.ArgMin([3.0, double.NaN, 1.0, 2.0]));
    }
}
