using System.Globalization;

namespace HyperLab.Lessons.Lesson05;

/// <summary>
/// Whether a loss along a sweep is U-shaped (lesson 05): its minimum lies strictly inside the sweep, and both ends
/// are worse than the minimum by more than <see cref="Margin"/> (a fraction of it). Too little and too much of the
/// knob are then both measurably worse than the balance.
/// </summary>
/// <param name="Knob">The knob's name.</param>
/// <param name="Strengths">The sweep's values, weakest first.</param>
/// <param name="Losses">The loss at each value.</param>
/// <param name="Margin">How much worse (as a fraction of the minimum) each end must be.</param>
public sealed record StrengthUShape(string Knob, IReadOnlyList<double> Strengths, IReadOnlyList<double> Losses, double Margin)
{
    /// <summary>Index of the lowest loss.</summary>
    public int BestIndex => Enumerable.Range(0, Losses.Count).MinBy(i => Losses[i]);

    /// <summary>The strength with the lowest loss.</summary>
    public double BestStrength => Strengths[BestIndex];

    /// <summary>Weakest end's loss over the minimum, minus 1.</summary>
    public double LeftRise => Losses[0] / Losses[BestIndex] - 1;

    /// <summary>Strongest end's loss over the minimum, minus 1.</summary>
    public double RightRise => Losses[^1] / Losses[BestIndex] - 1;

    /// <summary>Minimum strictly inside, both ends above it by more than the margin.</summary>
    public bool Holds => Losses.Count >= 3 && BestIndex > 0 && BestIndex < Losses.Count - 1 && LeftRise > Margin && RightRise > Margin;

    /// <summary>"lowest validation loss 0.54 at wd=1e-2 (5th of 6); weakest end +38%, strongest end +320% (margin 5%)".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        return $"lowest validation loss {Losses[BestIndex].ToString("0.###", inv)} at {Knob}={Hyperparameters.Fmt(BestStrength)} " +
               $"(value {BestIndex + 1} of {Losses.Count}); the weakest end is {LeftRise.ToString("+0%;-0%", inv)} above it, " +
               $"the strongest end {RightRise.ToString("+0%;-0%", inv)} (each must be more than {Margin.ToString("0%", inv)})";
    }
}
