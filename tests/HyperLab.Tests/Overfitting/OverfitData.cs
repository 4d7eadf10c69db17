using HyperLab.Data;
using HyperLab.Lessons.Lesson03;

namespace HyperLab.Tests.Overfitting;

/// <summary>Small, fast overfitting setups on the Digits data for lesson 03's tests.</summary>
internal static class OverfitData
{
    /// <summary>The lesson's recipe (300 noisy training digits, 1,200 clean validation digits).</summary>
    public static OverfitSetup Lesson(int seed) => new OverfitRecipe().Build(CourseData.Digits(), seed);

    /// <summary>A smaller version for tests that train several runs.</summary>
    public static DataSplits Small(int seed) => new OverfitRecipe(TrainCount: 200, ValidationCount: 600).Build(CourseData.Digits(), seed).Data;

    /// <summary>The recipe's large model, narrower so that tests stay quick.</summary>
    public static Hyperparameters Model(int seed, int epochs = 30) => OverfitRecipe.LargeModel with { Width = 128, Epochs = epochs, Seed = seed };
}
