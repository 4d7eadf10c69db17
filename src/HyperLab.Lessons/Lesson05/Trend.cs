using System.Globalization;

namespace HyperLab.Lessons.Lesson05;

/// <summary>
/// Whether a measured quantity moves one way along a sweep (lesson 05): "rises" or "falls" holds when no step goes
/// the other way by more than <see cref="Slack"/> and the whole sweep moves the claimed way by more than that. The
/// slack absorbs seed noise between nearly equal neighbours (e.g. two training losses of 0.004), not real reversals.
/// </summary>
/// <param name="What">The quantity, e.g. "training loss".</param>
/// <param name="Rising">True for "rises with strength", false for "falls".</param>
/// <param name="Strengths">The sweep's values.</param>
/// <param name="Values">The quantity at each value.</param>
/// <param name="Slack">Largest step the other way that still counts as noise (same unit as the values).</param>
public sealed record Trend(string What, bool Rising, IReadOnlyList<double> Strengths, IReadOnlyList<double> Values, double Slack)
{
    /// <summary>Whether the values move the claimed way (see the type's summary).</summary>
    public bool Holds
    {
        get
        {
            double sign = Rising ? 1 : -1;
            for (int i = 1; i < Values.Count; i++)
                if (sign * (Values[i] - Values[i - 1]) < -Slack) return false;
            return Values.Count >= 2 && sign * (Values[^1] - Values[0]) > Slack;
        }
    }

    /// <summary>The largest step against the claimed direction (0 when there is none).</summary>
    public double LargestReversal => Enumerable.Range(1, Math.Max(0, Values.Count - 1))
        .Select(i => (Rising ? -1 : 1) * (Values[i] - Values[i - 1])).Append(0).Max();

    /// <summary>"training loss 0.004 (0) → 0.004 (1e-5) → … → 2.3 (1e-1): rises; largest step back 0.000 (slack 0.01)".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string path = string.Join(" → ", Values.Select((v, i) => $"{v.ToString("0.###", inv)} ({Hyperparameters.Fmt(Strengths[i])})"));
        return $"{What} {path}: {(Holds ? (Rising ? "rises" : "falls") : "does not " + (Rising ? "rise" : "fall") + " throughout")}; " +
               $"largest step back {LargestReversal.ToString("0.###", inv)} (noise allowance {Slack.ToString("0.###", inv)})";
    }
}
