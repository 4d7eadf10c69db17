using System.Globalization;
using HyperLab.Data;

namespace HyperLab.Lessons.Lesson02;

/// <summary>
/// Update-count arithmetic (lesson 02; lesson 03 builds on it): how many optimizer updates one epoch of
/// <see cref="Examples"/> examples makes in mini-batches of <see cref="BatchSize"/>. Every batch is one update,
/// including a smaller (ragged) last batch: updates per epoch = ceil(N / B), the same count
/// <see cref="Batches.ForEpoch"/> produces and the training loop performs.
/// </summary>
/// <param name="Examples">Training examples N, 0 or more.</param>
/// <param name="BatchSize">Examples per update B, at least 1.</param>
public sealed record UpdatePlan(int Examples, int BatchSize)
{
    /// <summary>Training examples N (0 or more).</summary>
    public int Examples { get; init => field = CheckExamples(value); } = CheckExamples(Examples);

    /// <summary>Examples per update B (at least 1).</summary>
    public int BatchSize { get; init => field = CheckBatch(value); } = CheckBatch(BatchSize);

    private static int CheckExamples(int value) => value >= 0 ? value
        : throw new HyperparameterException(nameof(Examples), value, "a whole number of examples, 0 or more", "the size of your training set");

    private static int CheckBatch(int value) => value >= 1 ? value
        : throw new HyperparameterException(nameof(BatchSize), value, "a whole number of at least 1", "64 (try 32 to 256)");

    /// <summary>Updates per epoch: ceil(N / B). A ragged last batch counts as one update.</summary>
    public int UpdatesPerEpoch => Batches.PerEpoch(Examples, BatchSize);

    /// <summary>Batches holding exactly B examples: floor(N / B).</summary>
    public int FullBatches => Examples / BatchSize;

    /// <summary>Size of the epoch's last batch: N − (updates − 1)·B; equals B unless the last batch is ragged; 0 when N is 0.</summary>
    public int LastBatchSize => Examples == 0 ? 0 : Examples - (UpdatesPerEpoch - 1) * BatchSize;

    /// <summary>True when B does not divide N, so the last batch is smaller than B (N mod B examples).</summary>
    public bool IsRagged => Examples % BatchSize != 0;

    /// <summary>Updates in <paramref name="epochs"/> epochs: epochs × ceil(N / B).</summary>
    public long Updates(int epochs) => checked((long)Math.Max(0, epochs) * UpdatesPerEpoch);

    /// <summary>Examples processed in <paramref name="epochs"/> epochs: epochs × N (the batch size does not change it).</summary>
    public long ExamplesSeen(int epochs) => checked((long)Math.Max(0, epochs) * Examples);

    /// <summary>"10,000 examples in batches of 64: 157 updates per epoch (156 full + a last batch of 16)".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string detail = IsRagged && FullBatches > 0
            ? $" ({FullBatches.ToString("N0", inv)} full + a last batch of {LastBatchSize.ToString("N0", inv)})"
            : IsRagged ? $" (one batch of {LastBatchSize.ToString("N0", inv)})" : "";
        return $"{Examples.ToString("N0", inv)} examples in batches of {BatchSize.ToString("N0", inv)}: " +
               $"{UpdatesPerEpoch.ToString("N0", inv)} update{(UpdatesPerEpoch == 1 ? "" : "s")} per epoch{detail}";
    }
}
