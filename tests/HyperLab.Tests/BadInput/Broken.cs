using HyperLab.Data;
using HyperLab.Training;

namespace HyperLab.Tests.BadInput;

/// <summary>Data with one deliberate mistake, made from the two-moons splits of the training tests.</summary>
internal static class Broken
{
    public static readonly Hyperparameters Small = new() { Depth = 1, Width = 16, Epochs = 3, BatchSize = 32, LearningRate = 1e-2 };

    public static DataSplits Moons(int seed = 0) => Tests.Training.TinyData.Moons(seed: seed);

    /// <summary>A copy of <paramref name="set"/> with feature (row, column) set to <paramref name="value"/>.</summary>
    public static Dataset With(Dataset set, int row, int column, float value)
    {
        var features = (float[])set.Features.Clone();
        features[row * set.FeatureCount + column] = value;
        return new Dataset(set.Name, features, set.Labels, set.FeatureCount, set.ClassNames, set.ImageShape);
    }

    /// <summary>A copy of <paramref name="set"/> with one extra feature column of zeros.</summary>
    public static Dataset WithExtraColumn(Dataset set)
    {
        int f = set.FeatureCount;
        var features = new float[set.Count * (f + 1)];
        for (int i = 0; i < set.Count; i++) set.Row(i).CopyTo(features.AsSpan(i * (f + 1), f));
        return new Dataset(set.Name, features, set.Labels, f + 1, set.ClassNames);
    }

    /// <summary>Counts what the training loop reported, so a test can see that no run started.</summary>
    public sealed class Recorder : Callback
    {
        public int Started, Epochs;
        public Action<EpochRecord>? OnEpoch;
        public Action? OnStart;
        public override void BeforeFit(FitContext fit) { Started++; OnStart?.Invoke(); }
        public override void AfterEpoch(FitContext fit, EpochRecord epoch) { Epochs++; OnEpoch?.Invoke(epoch); }
    }
}
