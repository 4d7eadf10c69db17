using HyperLab.Data;

namespace HyperLab.Tests.Finder;

/// <summary>The data and baseline of lesson 01, so tests check the lesson's own setting.</summary>
internal static class LessonData
{
    /// <summary>A class-balanced sample of 3,000 Fashion-MNIST images, 20% held out for validation (as lesson 01).</summary>
    public static DataSplits Fashion(int seed) =>
        Splits.Stratified(CourseData.FashionMnistTrain().StratifiedSample(3000, seed), validationFraction: 0.2, seed: seed);

    /// <summary>A UCI table, 25% held out, standardized with the training statistics.</summary>
    public static DataSplits Table(Dataset data, int seed)
    {
        var splits = Splits.Stratified(data, validationFraction: 0.25, seed: seed);
        return Standardizer.Fit(splits.Train).Transform(splits);
    }

    /// <summary>Lesson 01's baseline: 2 hidden layers of 64, AdamW at 1e-3, batch 64, 10 epochs.</summary>
    public static Hyperparameters Baseline(int seed) => new() { Depth = 2, Width = 64, LearningRate = 1e-3, BatchSize = 64, Epochs = 10, Seed = seed };
}
