namespace HyperLab.Sweeps;

/// <summary>
/// Whether final validation loss against a swept rate is U-shaped (lesson 01): the best rate lies strictly
/// inside the grid, the lowest rate ends more than <see cref="Factor"/> × the best loss, and the highest
/// rate diverged or also ended more than <see cref="Factor"/> × the best loss. <see cref="ToString"/> carries
/// the evidence.
/// </summary>
/// <param name="Sweep">A sweep over the rate, ascending.</param>
/// <param name="Factor">How much worse both ends must be; default 1.5.</param>
public sealed record UShape(SweepResult<double> Sweep, double Factor = 1.5) : HyperLab.Claims.IEvidence
{
    private SweepPoint<double> Low => Sweep.Points[0];
    private SweepPoint<double> High => Sweep.Points[^1];
    private double BestLoss => Sweep.Best.History.FinalValidationLoss;

    /// <summary>The best rate is neither the lowest nor the highest of the grid.</summary>
    public bool BestInside => Sweep.Best.Value > Low.Value && Sweep.Best.Value < High.Value;

    /// <summary>The lowest rate ended more than <see cref="Factor"/> × the best loss.</summary>
    public bool LowWorse => Low.History.FinalValidationLoss > Factor * BestLoss;

    /// <summary>The highest rate diverged or ended more than <see cref="Factor"/> × the best loss.</summary>
    public bool HighWorse => High.History.Diverged || High.History.FinalValidationLoss > Factor * BestLoss;

    /// <summary>All three.</summary>
    public bool Holds => BestInside && LowWorse && HighWorse;

    /// <summary>"lowest rate 1e-5 → 1.92; best 1e-3 → 0.51; highest 1 → diverged (ends must be above 1.5× the best)".</summary>
    public override string ToString() =>
        (BestInside ? "" : $"{GridEdge.ExtendTheRange}: ") +
        $"lowest rate {Hyperparameters.Fmt(Low.Value)} → {Low.History.FinalValidationLoss:0.###}; best {Hyperparameters.Fmt(Sweep.Best.Value)} → {BestLoss:0.###}; " +
        $"highest {Hyperparameters.Fmt(High.Value)} → {(High.History.Diverged ? "diverged" : High.History.FinalValidationLoss.ToString("0.###"))} (ends must be above {Factor}× the best){(Holds || !BestInside ? "" : ": not U-shaped")}";
}
