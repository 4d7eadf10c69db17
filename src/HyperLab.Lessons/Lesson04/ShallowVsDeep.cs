namespace HyperLab.Lessons.Lesson04;

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
public sealed record ShallowVsDeep(DepthResult Shallow, DepthResult Deep, double ShallowAccuracy, double DeepAccuracy, double AccuracyTolerance) : HyperLab.Claims.IEvidence
{
    /// <summary>How much higher the shallow side's mean validation loss may be and still count as "no worse":
    /// 0.1 (10 %) by default, wider than the seed-to-seed spread measured in docs/lessons/04.md.</summary>
    public double LossTolerance { get; init; } = 0.1;

    /// <summary>Lesson 04's claim, "deep does no better than shallow": the shallow loss at most (1 + <see cref="LossTolerance"/>) × the
    /// deep one and the shallow accuracy within <see cref="AccuracyTolerance"/> of the deep one.</summary>
    public bool Holds => Shallow.MeanValidationLoss <= (1 + LossTolerance) * Deep.MeanValidationLoss && ShallowAccuracy >= DeepAccuracy - AccuracyTolerance;

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
        $"best mean validation accuracy {ShallowAccuracy:P1} vs {DeepAccuracy:P1} (tolerance {AccuracyTolerance:P0}; loss tolerance {LossTolerance:P0}){(Holds ? "" : ": the deep networks do better")}";
}
