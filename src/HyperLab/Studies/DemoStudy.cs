using HyperLab.Data;
using HyperLab.Tracking;
using HyperLab.Tuning;

namespace HyperLab.Studies;

/// <summary>
/// A small study for trying a class study out and for its tests: breast cancer (569 tumours, 30
/// measurements, standardized on the training split), a 30-16-2 network trained for 5 epochs,
/// searching the learning rate, weight decay and dropout. A trial takes well under a second.
/// </summary>
public static class DemoStudy
{
    /// <summary>The searched ranges: learning rate 1e-4 to 0.3 and weight decay 1e-6 to 0.1 (log scale), dropout 0 to 0.5.</summary>
    public static SearchSpace Space { get; } = new(
        SearchDimension.Log("lr", 1e-4, 0.3, (hp, v) => hp with { LearningRate = v }),
        SearchDimension.Log("wd", 1e-6, 0.1, (hp, v) => hp with { WeightDecay = v }),
        SearchDimension.Linear("dropout", 0, 0.5, (hp, v) => hp with { Dropout = v }));

    /// <summary>The baseline the points are applied to: one hidden layer of 16, batch 32, 5 epochs, AdamW.</summary>
    public static Hyperparameters Baseline { get; } = new() { Depth = 1, Width = 16, Epochs = 5, BatchSize = 32, Seed = 0 };

    /// <summary>Standardizes the features with the training split's mean and spread (lesson 00).</summary>
    public static DataSplits Standardize(DataSplits splits)
    {
        ArgumentNullException.ThrowIfNull(splits);
        return Standardizer.Fit(splits.Train).Transform(splits);
    }

    /// <summary>The course's breast-cancer table written as a CSV with a header into
    /// <paramref name="folder"/> (the same bytes on every machine), described for the log.
    /// The file is replaced atomically, so workers starting together never read half of it.</summary>
    public static DataRecord Data(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string path = Path.Combine(Path.GetFullPath(folder), "breast-cancer.csv");
        string temp = $"{path}.{Environment.ProcessId}.tmp";
        var data = CourseData.BreastCancer();
        CsvDataset.Save(data, temp, Enumerable.Range(1, data.FeatureCount).Select(i => $"x{i}").ToList(), "diagnosis");
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(temp))) File.Delete(temp);
        else File.Move(temp, path, overwrite: true);
        return DataRecord.Csv(path, "diagnosis", validationFraction: 0.25, splitSeed: 0);
    }

    /// <summary>The demo study: <paramref name="trials"/> points of <see cref="Space"/> from <paramref name="seed"/>, its data in <paramref name="folder"/>.</summary>
    public static StudyDefinition Define(string id, string folder, int trials = 100, int seed = 0, double heartbeatSeconds = StudyDefinition.DefaultHeartbeatSeconds) =>
        StudyDefinition.Create(id, Space, Baseline, Data(folder), trials, seed, heartbeatSeconds);
}
