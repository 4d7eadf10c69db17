using System.Globalization;

namespace HyperLab.Lessons.Lesson08;

/// <summary>
/// A big network against a small one on fresh data, read two ways (lesson 08, "bigger is better"): both trained for the
/// whole budget, and each at its own early-stopped best epoch, accuracy beside loss. The claim is that the big network
/// loses because it is over-trained: at the final epoch it is less accurate by more than <see cref="MinGap"/>, and at
/// each model's best epoch that gap is smaller by at least <see cref="MinGap"/> (or turns in the big network's favour).
/// </summary>
/// <param name="BigFinal">The big network after the whole budget.</param>
/// <param name="SmallFinal">The small network after the whole budget.</param>
/// <param name="BigBest">The big network at its early-stopped best epoch.</param>
/// <param name="SmallBest">The small network at its early-stopped best epoch.</param>
/// <param name="MinGap">Smallest accuracy gap (small − big) at the final epoch that counts as "less accurate". Default 0.03.</param>
public sealed record SizeComparison(FreshScore BigFinal, FreshScore SmallFinal, FreshScore BigBest, FreshScore SmallBest, double MinGap = 0.03)
{
    /// <summary>Fresh accuracy of the small network minus the big one's, both after the whole budget.</summary>
    public double FinalGap => SmallFinal.FreshAccuracy - BigFinal.FreshAccuracy;

    /// <summary>The same at each model's early-stopped best epoch.</summary>
    public double BestGap => SmallBest.FreshAccuracy - BigBest.FreshAccuracy;

    /// <summary>The big network is behind by more than <see cref="MinGap"/> at the final epoch, and at the best epochs the
    /// gap is at least <see cref="MinGap"/> smaller.</summary>
    public bool Holds => FinalGap > MinGap && FinalGap - BestGap >= MinGap;

    /// <summary>Both readings with accuracy and loss.</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string Pair(FreshScore big, FreshScore small) =>
            $"big {big.FreshAccuracy.ToString("P1", inv)} (loss {big.FreshLoss.ToString("0.###", inv)}), small {small.FreshAccuracy.ToString("P1", inv)} (loss {small.FreshLoss.ToString("0.###", inv)})";
        return $"whole budget: {Pair(BigFinal, SmallFinal)}, gap {(100 * FinalGap).ToString("+0.0;−0.0", inv)} points; " +
               $"each at its best epoch: {Pair(BigBest, SmallBest)}, gap {(100 * BestGap).ToString("+0.0;−0.0", inv)} points";
    }
}
