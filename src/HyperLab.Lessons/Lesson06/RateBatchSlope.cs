using System.Globalization;
using HyperLab.Lessons.Lesson02;
using HyperLab.Numerics;
using HyperLab.Sweeps;

namespace HyperLab.Lessons.Lesson06;

/// <summary>
/// The best learning rate against the batch size on log-log axes (lesson 06): it moves up, more slowly than the linear
/// rule (slope between 0 and 0.75), and no batch size has its best rate on the edge of the rate grid (else the grid
/// must be extended before the slope means anything).
/// </summary>
/// <param name="Grid">Learning rate (rows) × batch size (columns).</param>
public sealed record RateBatchSlope(GridResult Grid)
{
    /// <summary>The fitted line through log(best rate) against log(batch).</summary>
    public LogLogFit Fit => Grid.BestRowFit;

    /// <summary>Batch sizes whose best rate is the smallest or largest rate of the grid.</summary>
    public IReadOnlyList<double> OnEdge => Grid.Columns.Where((_, c) => Grid.BestPerColumn[c] is { } b && (b.Row == Grid.Rows[0] || b.Row == Grid.Rows[^1])).ToList();

    /// <summary>Slope in (0, 0.75) and no best on the edge.</summary>
    public bool Holds => Fit.Slope > 0 && Fit.Slope < 0.75 && OnEdge.Count == 0;

    /// <summary>The fit, the grid's bests and any edge.</summary>
    public override string ToString() =>
        $"fitted {Fit}; {Grid}" + (OnEdge.Count > 0 ? $"; best at the edge of the rate grid for batch {string.Join(", ", OnEdge.Select(Hyperparameters.Fmt))}: extend the range" : "");
}
