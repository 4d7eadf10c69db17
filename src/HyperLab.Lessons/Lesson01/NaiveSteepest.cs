using HyperLab.Finder;

namespace HyperLab.Lessons.Lesson01;

/// <summary>
/// The naive "steepest" pick that users of range-test tools complain about (lesson 01): the most
/// negative slope anywhere on the curve as given (typically the raw mini-batch losses), no skipping
/// and no restriction to the descent before the minimum. Shown for contrast with
/// <see cref="Suggestions.Steepest"/>; do not use it to choose a rate.
/// </summary>
public static class NaiveSteepest
{
    /// <summary>The rate at the steepest drop between two neighbouring points of the curve.</summary>
    public static RateSuggestion Suggest(IReadOnlyList<double> rates, IReadOnlyList<double> losses)
    {
        var (from, to) = Suggestions.Checked(rates, losses, 0, 0);
        int best = from;
        double bestSlope = double.PositiveInfinity;
        for (int i = from; i < to - 1; i++)
        {
            double slope = (losses[i + 1] - losses[i]) / (Math.Log10(rates[i + 1]) - Math.Log10(rates[i]));
            if (slope < bestSlope) { bestSlope = slope; best = i; }
        }
        return new RateSuggestion("naive steepest", rates[best], best, losses[best]);
    }
}
