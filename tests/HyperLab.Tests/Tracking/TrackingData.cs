using HyperLab.Data;
using HyperLab.Tracking;

namespace HyperLab.Tests.Tracking;

/// <summary>Two moons written to a CSV in a temporary folder, described by a <see cref="DataRecord"/>.</summary>
internal static class TrackingData
{
    public static DataRecord Moons(int seed = 0)
    {
        string folder = Path.Combine(Path.GetTempPath(), "hyperlab-tests", Guid.NewGuid().ToString("N"));
        string path = Path.Combine(folder, "moons.csv");
        CsvDataset.Save(Synthetic.TwoMoons(400, 0.2, seed), path, ["x", "y"], "class");
        return DataRecord.Csv(path, "class", 0.25, seed);
    }

    public static string TempLog() => Path.Combine(Path.GetTempPath(), "hyperlab-tests", Guid.NewGuid().ToString("N"), "log.jsonl");

    public static Hyperparameters Small(int seed) => new() { Depth = 1, Width = 16, Epochs = 3, BatchSize = 32, LearningRate = 0.01, Seed = seed };
}
