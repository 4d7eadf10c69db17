using System.Globalization;

namespace HyperLab.Claims;

/// <summary>
/// "Each setting's value is larger than the one before" (lesson 03: a lower rate needs more epochs; stronger
/// regularization moves the validation minimum later). Holds when every value exceeds the previous one.
/// </summary>
/// <param name="What">What the values are, e.g. "first epoch reaching 0.592".</param>
/// <param name="Labels">One label per value, e.g. "lr 1e-3".</param>
/// <param name="Values">The values, in the claimed increasing order.</param>
public sealed record Ordering(string What, IReadOnlyList<string> Labels, IReadOnlyList<double> Values) : IEvidence
{
    /// <summary>The claim that <paramref name="values"/> increase strictly in the given order.</summary>
    /// <exception cref="ArgumentException">Fewer than two values, or labels and values of different lengths.</exception>
    public static Ordering Increasing(string what, IEnumerable<string> labels, IEnumerable<double> values)
    {
        var (l, v) = (labels.ToList(), values.ToList());
        if (v.Count < 2 || l.Count != v.Count)
            throw new ArgumentException($"An ordering needs at least two values and one label per value; got {v.Count} values and {l.Count} labels.");
        return new Ordering(what, l, v);
    }

    /// <inheritdoc/>
    public bool Holds => Values.Zip(Values.Skip(1)).All(p => p.Second > p.First);

    /// <summary>"first epoch reaching 0.592: 4 (lr 1e-3) &lt; 11 (lr 3e-4) &lt; 30 (lr 1e-4)"; a broken step shows "≥".</summary>
    public override string ToString()
    {
        var parts = Values.Select((v, i) => $"{v.ToString("0.###", CultureInfo.InvariantCulture)} ({Labels[i]})").ToList();
        var text = parts[0];
        for (int i = 1; i < parts.Count; i++) text += (Values[i] > Values[i - 1] ? " < " : " ≥ ") + parts[i];
        return $"{What}: {text}{(Holds ? "" : ": not increasing")}";
    }
}
