namespace HyperLab.Sweeps;

/// <summary>
/// Whether a sweep's best rate fell inside a stated window of rates (lesson 01: "the best AdamW rate
/// is within one grid step of 1e-3"). The window is part of the claim, so a result outside it fails
/// the check; <see cref="ToString"/> carries the evidence.
/// </summary>
/// <param name="What">What the rate is, e.g. "best AdamW grid rate".</param>
/// <param name="Best">The measured rate.</param>
/// <param name="Low">Lowest rate inside the window.</param>
/// <param name="High">Highest rate inside the window.</param>
public sealed record RateWindow(string What, double Best, double Low, double High) : HyperLab.Claims.IEvidence
{
    /// <summary>Where the best sits in the sweep's grid, when it came from a sweep (set with <c>with { Edge = sweep.Edge() }</c>);
    /// a best on the grid's edge fails <see cref="Holds"/>: the true best may lie outside the grid.</summary>
    public GridEdge? Edge { get; init; }

    /// <summary>The best lies in the window and (when <see cref="Edge"/> is set) inside its grid.</summary>
    public bool Holds => Contains && (Edge?.Holds ?? true);

    /// <summary>The window from <paramref name="reference"/>/<paramref name="factor"/> to
    /// <paramref name="reference"/>×<paramref name="factor"/>; for a half-decade grid, factor √10 ≈ 3.16
    /// is exactly one grid step either side.</summary>
    public static RateWindow Around(string what, double best, double reference, double factor) =>
        factor >= 1 && reference > 0
            ? new(what, best, reference / factor, reference * factor)
            : throw new ArgumentOutOfRangeException(nameof(factor), $"factor must be at least 1 and reference positive; got factor {factor}, reference {reference}. Try factor √10 (one half-decade grid step).");

    /// <summary>True when <see cref="Best"/> lies in [<see cref="Low"/>, <see cref="High"/>] (with a
    /// relative slack of 1e-9 for grid points computed by powers of ten).</summary>
    public bool Contains => double.IsFinite(Best) && Best >= Low * (1 - 1e-9) && Best <= High * (1 + 1e-9);

    /// <summary>"best AdamW grid rate 1e-3, inside the window 3.2e-4 to 3.2e-3".</summary>
    public override string ToString() =>
        $"{What} {Hyperparameters.Fmt(Best)}, {(Contains ? "inside" : "outside")} the window {Low:0.#e0} to {High:0.#e0}" +
        (Edge is { } e ? (e.Holds ? "" : $"; {e}") : "");
}

/// <summary>Looking up one run of a sweep by its rate (lesson 01).</summary>
public static class SweepLookup
{
    /// <summary>The history of the grid point nearest to <paramref name="rate"/> on a log scale.</summary>
    public static Training.History Nearest(this SweepResult<double> sweep, double rate)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return sweep.Points.MinBy(p => Math.Abs(Math.Log(p.Value / rate)))!.History;
    }
}
