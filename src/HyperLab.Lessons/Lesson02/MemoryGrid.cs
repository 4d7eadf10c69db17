using System.Globalization;

namespace HyperLab.Lessons.Lesson02;

/// <summary>
/// Lesson 06's depth × batch table of <see cref="MemoryEstimate"/>s (computed, not measured): activation memory per
/// step is 4 bytes × B × (D + C + k·width·depth), so its depth-dependent part grows with depth × batch, and in a fixed
/// memory budget a deeper network leaves room for a smaller batch.
/// </summary>
/// <param name="Inputs">Features per example D.</param>
/// <param name="Classes">Classes C.</param>
/// <param name="Shape">Width, optimizer and the other settings of the networks.</param>
/// <param name="Estimates">One estimate per (depth, batch).</param>
public sealed record MemoryGrid(int Inputs, int Classes, Hyperparameters Shape, IReadOnlyList<MemoryEstimate> Estimates)
{
    /// <summary>Estimates every pair of <paramref name="depths"/> and <paramref name="batches"/>.</summary>
    public static MemoryGrid For(int inputs, int classes, Hyperparameters shape, IEnumerable<int> depths, IEnumerable<int> batches)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var bs = batches.ToList();
        var list = depths.SelectMany(d => bs.Select(b => MemoryEstimate.For(inputs, classes, shape with { Depth = d, BatchSize = b }))).ToList();
        return new MemoryGrid(inputs, classes, shape, list);
    }

    /// <summary>Activation bytes of a network of this shape at <paramref name="depth"/>, <paramref name="batch"/> minus those of
    /// the same batch with no hidden layer: the part that depth adds.</summary>
    public long DepthPart(int depth, int batch) =>
        MemoryEstimate.For(Inputs, Classes, Shape with { Depth = depth, BatchSize = batch }).ActivationBytes
        - MemoryEstimate.For(Inputs, Classes, Shape with { Depth = 0, BatchSize = batch }).ActivationBytes;

    /// <summary>True when the depth-dependent activation memory of every estimate is the same constant × depth × batch.</summary>
    public bool ProportionalToDepthTimesBatch
    {
        get
        {
            var ratios = Estimates.Where(e => e.Depth > 0).Select(e => (double)DepthPart(e.Depth, e.BatchSize) / ((long)e.Depth * e.BatchSize)).ToList();
            return ratios.Count > 1 && ratios.All(r => r > 0 && Math.Abs(r - ratios[0]) < 1e-9 * ratios[0]);
        }
    }

    /// <summary>For each depth of the table, the largest batch whose estimate fits in <paramref name="budgetBytes"/>.</summary>
    public IReadOnlyList<(int Depth, int LargestBatch)> LargestBatches(long budgetBytes) =>
        Estimates.Select(e => e.Depth).Distinct().Order().Select(d => (d, MemoryEstimate.LargestBatch(Inputs, Classes, Shape with { Depth = d }, budgetBytes))).ToList();

    /// <summary>"bytes per step (activations + fixed): depth 2: batch 64 1.2 MB, …".</summary>
    public override string ToString() => "memory per training step, computed: " + string.Join("; ", Estimates.GroupBy(e => e.Depth).Select(g =>
        $"depth {g.Key}: " + string.Join(", ", g.Select(e => $"batch {e.BatchSize.ToString("N0", CultureInfo.InvariantCulture)} {MemoryEstimate.Megabytes(e.TotalBytes)}"))));
}
