using System.Globalization;

namespace HyperLab.Lessons.Lesson05;

/// <summary>
/// L1 against L2 at matched validation loss (lesson 05): the best run of each sweep (each regularizer tuned on the
/// same grid budget), compared by their share of near-zero weights. The comparison is fair only when the two
/// validation losses are close, so <see cref="Holds"/> asks for that too.
/// </summary>
/// <param name="L1">The L1 sweep's best point.</param>
/// <param name="L2">The weight-decay (L2) sweep's best point.</param>
/// <param name="Tolerance">How far apart the two validation losses may be (fraction of the lower). Default 0.15.</param>
/// <param name="Factor">How many times L2's near-zero share L1's must reach. Default 2.</param>
public sealed record SparsityComparison(StrengthPoint L1, StrengthPoint L2, double Tolerance = 0.15, double Factor = 2)
{
    /// <summary>Compares the best points of two sweeps.</summary>
    public static SparsityComparison Of(StrengthSweep l1, StrengthSweep l2, double tolerance = 0.15, double factor = 2)
    {
        ArgumentNullException.ThrowIfNull(l1);
        ArgumentNullException.ThrowIfNull(l2);
        return new SparsityComparison(l1.Best, l2.Best, tolerance, factor);
    }

    /// <summary>|ΔL| / min L of the two validation losses.</summary>
    public double LossDifference => Math.Abs(L1.ValidationLoss - L2.ValidationLoss) / Math.Min(L1.ValidationLoss, L2.ValidationLoss);

    /// <summary>L1's near-zero share over L2's (∞ when L2 has none).</summary>
    public double ShareRatio => L1.Weights.NearZeroShare / L2.Weights.NearZeroShare;

    /// <summary>Validation losses within <see cref="Tolerance"/> and L1's share at least <see cref="Factor"/>× L2's.</summary>
    public bool Holds => LossDifference <= Tolerance && ShareRatio >= Factor;

    /// <summary>"best L1 (1e-3): validation loss 0.66, 85% of weights near zero; best L2 (1e-2): 0.66, 11%: 7.7×".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string P(StrengthPoint p) => $"{p.History.Label}: validation loss {p.ValidationLoss.ToString("0.###", inv)}, {p.Weights.NearZeroShare.ToString("0.0%", inv)} of weights below {Hyperparameters.Fmt(p.Weights.Threshold)}";
        return $"best L1 run ({P(L1)}); best L2 run ({P(L2)}); validation losses {LossDifference.ToString("0%", inv)} apart " +
               $"(at most {Tolerance.ToString("0%", inv)}), L1 has {ShareRatio.ToString("0.0", inv)}× the share of near-zero weights (at least {Factor.ToString("0.#", inv)}×)";
    }
}
