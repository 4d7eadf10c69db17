namespace HyperLab.NetworkDepth;

/// <summary>
/// Lesson 04's comparison on a small table: the best shallow depth against the best deep depth,
/// by mean validation loss (lower wins) and mean validation accuracy (within a tolerance).
/// <see cref="ToString"/> carries the evidence.
/// </summary>
/// <param name="Shallow">The shallow depth with the lowest mean validation loss.</param>
/// <param name="Deep">The deep depth with the lowest mean validation loss.</param>
/// <param name="ShallowAccuracy">Best mean validation accuracy among the shallow depths.</param>
/// <param name="DeepAccuracy">Best mean validation accuracy among the deep depths.</param>
/// <param name="AccuracyTolerance">How far below the deep accuracy the shallow one may be (0.01 = one point).</param>
public sealed record ShallowVsDeep(DepthResult Shallow, DepthResult Deep, double ShallowAccuracy, double DeepAccuracy, double AccuracyTolerance)
{
    /// <summary>Splits <paramref name="table"/> at <paramref name="maxShallow"/> and <paramref name="minDeep"/> hidden layers.</summary>
    public static ShallowVsDeep Of(IReadOnlyList<DepthResult> table, int maxShallow = 3, int minDeep = 8, double accuracyTolerance = 0.01)
    {
        ArgumentNullException.ThrowIfNull(table);
        var shallow = table.Where(r => r.Depth <= maxShallow).ToList();
        var deep = table.Where(r => r.Depth >= minDeep).ToList();
        if (shallow.Count == 0 || deep.Count == 0)
            throw new ArgumentException($"The table needs depths at or below {maxShallow} and at or above {minDeep}; it has {string.Join(", ", table.Select(r => r.Depth))}.", nameof(table));
        return new(shallow.MinBy(r => r.MeanValidationLoss)!, deep.MinBy(r => r.MeanValidationLoss)!,
            shallow.Max(r => r.MeanValidationAccuracy), deep.Max(r => r.MeanValidationAccuracy), accuracyTolerance);
    }

    /// <summary>True when the shallow side has the lower (or equal) loss and accuracy within the tolerance.</summary>
    public bool ShallowAsGood => Shallow.MeanValidationLoss <= Deep.MeanValidationLoss && ShallowAccuracy >= DeepAccuracy - AccuracyTolerance;

    /// <summary>"lowest mean validation loss: depth 1 0.081 vs depth 8 0.102; best mean accuracy 97.1% vs 96.5%".</summary>
    public override string ToString() =>
        $"lowest mean validation loss: depth {Shallow.Depth} {Shallow.MeanValidationLoss:0.###} vs depth {Deep.Depth} {Deep.MeanValidationLoss:0.###}; " +
        $"best mean validation accuracy {ShallowAccuracy:P1} vs {DeepAccuracy:P1} (tolerance {AccuracyTolerance:P0})";
}
