using HyperLab.Data;

namespace HyperLab.Tests.Training;

/// <summary>Small, fast data for training tests.</summary>
internal static class TinyData
{
    /// <summary>Two moons, split and standardized.</summary>
    public static DataSplits Moons(int count = 400, int seed = 0)
    {
        var splits = Splits.Stratified(Synthetic.TwoMoons(count, 0.2, seed), 0.25, 0, seed);
        return Standardizer.Fit(splits.Train).Transform(splits);
    }
}
