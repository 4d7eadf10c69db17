using System.Collections.Concurrent;
using System.Security.Cryptography;
using HyperLab.Data;

namespace HyperLab.Tracking;

/// <summary>
/// Which data a trial saw, precisely enough to rebuild it (lesson 07): the data set's name, where
/// it comes from, the SHA-256 of its file, and how it was split (validation fraction, split seed,
/// and for a cheap proxy the size and seed of the training subset). <see cref="Load"/> rebuilds
/// the same splits and refuses a file whose hash has changed.
/// </summary>
/// <param name="Name">Data set name, e.g. "Fashion-MNIST train".</param>
/// <param name="Source">"fashion-mnist" for the course's Fashion-MNIST, or "csv:&lt;path&gt;#&lt;label column&gt;".</param>
/// <param name="Sha256">SHA-256 of the source file (for Fashion-MNIST: of the training images file).</param>
/// <param name="ValidationFraction">Share held out for validation, stratified by class.</param>
/// <param name="SplitSeed">Seed of the split.</param>
/// <param name="TrainSubset">Training examples kept (a proxy); null (default) keeps them all.</param>
/// <param name="SubsetSeed">Seed of the subset. Default 0.</param>
public sealed record DataRecord(string Name, string Source, string Sha256, double ValidationFraction, int SplitSeed, int? TrainSubset = null, int SubsetSeed = 0)
{
    private static readonly ConcurrentDictionary<DataRecord, Lazy<DataSplits>> Built = new();

    /// <summary>The course's Fashion-MNIST training images, split into train and validation.</summary>
    public static DataRecord FashionMnist(double validationFraction, int splitSeed) =>
        new("Fashion-MNIST train", "fashion-mnist", CourseData.FashionMnistTrainImages.Sha256, validationFraction, splitSeed);

    /// <summary>A CSV file read with <see cref="CsvDataset.Load"/>, split into train and validation.</summary>
    public static DataRecord Csv(string path, string labelColumn, double validationFraction, int splitSeed)
    {
        string full = Path.GetFullPath(path);
        string hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full)));
        return new(Path.GetFileNameWithoutExtension(full), $"csv:{full}#{labelColumn}", hash, validationFraction, splitSeed);
    }

    /// <summary>The same data with only <paramref name="examples"/> training examples (stratified): a cheap proxy for searches.</summary>
    public DataRecord Proxy(int examples, int seed) => this with { TrainSubset = examples, SubsetSeed = seed };

    /// <summary>Builds (once per process) the train and validation sets this record describes.</summary>
    public DataSplits Load()
    {
        var lazy = Built.GetOrAdd(this, r => new Lazy<DataSplits>(r.Build));
        try { return lazy.Value; }
        catch { Built.TryRemove(new KeyValuePair<DataRecord, Lazy<DataSplits>>(this, lazy)); throw; }
    }

    private DataSplits Build()
    {
        Dataset pool;
        if (Source == "fashion-mnist")
        {
            if (Sha256 != CourseData.FashionMnistTrainImages.Sha256)
                throw new InvalidDataException($"The log's Fashion-MNIST hash {Sha256} is not the course file's {CourseData.FashionMnistTrainImages.Sha256}: the trial used other data.");
            pool = CourseData.FashionMnistTrain();
        }
        else if (Source.StartsWith("csv:", StringComparison.Ordinal) && Source.LastIndexOf('#') is int hashMark and > 4)
        {
            string path = Source[4..hashMark];
            var now = Csv(path, Source[(hashMark + 1)..], ValidationFraction, SplitSeed);
            if (now.Sha256 != Sha256)
                throw new InvalidDataException($"{path} has changed since the trial ran: SHA-256 {now.Sha256}, the log says {Sha256}.");
            pool = CsvDataset.Load(path, Source[(hashMark + 1)..]);
        }
        else throw new NotSupportedException($"Unknown data source '{Source}': expected \"fashion-mnist\" or \"csv:<path>#<label column>\".");

        var split = Splits.Stratified(pool, ValidationFraction, 0, SplitSeed);
        return TrainSubset is int n ? split with { Train = split.Train.StratifiedSample(Math.Min(n, split.Train.Count), SubsetSeed) } : split;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Name} (SHA-256 {Sha256[..12]}…), validation {ValidationFraction:0.##%} (split seed {SplitSeed})" +
        (TrainSubset is int n ? $", proxy: {n:N0} training examples (seed {SubsetSeed})" : "");
}
