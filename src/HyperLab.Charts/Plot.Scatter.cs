using Plotly.NET;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>
    /// One point per item, two scores each (lesson 08: test against fresh accuracy of every configuration), with the line
    /// y = x dashed, so points below it scored higher on x than on y, and optionally one item starred.
    /// </summary>
    /// <param name="x">Each item's first score.</param>
    /// <param name="y">Each item's second score (same count as <paramref name="x"/>).</param>
    /// <param name="options">Title (default "y against x"), <see cref="ChartOptions.XTitle"/> and <see cref="ChartOptions.YTitle"/>
    /// (say what the scores are, with units; default "x" and "y"), size.</param>
    /// <param name="highlight">Index of the item to star, or null (default) for none.</param>
    /// <param name="highlightName">Legend text for the starred item. Default "highlighted".</param>
    public static GenericChart Scatter(IReadOnlyList<double> x, IReadOnlyList<double> y, ChartOptions? options = null,
        int? highlight = null, string highlightName = "highlighted")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count == 0) throw new ArgumentException($"Give as many x as y values, at least one: {x.Count} and {y.Count}.", nameof(y));
        if (highlight is int h && (h < 0 || h >= x.Count))
            throw new ArgumentOutOfRangeException(nameof(highlight), h, $"highlight must be an index from 0 to {x.Count - 1}, or null.");
        double low = Math.Min(x.Min(), y.Min()), high = Math.Max(x.Max(), y.Max());
        var traces = new List<GenericChart>
        {
            Line([low, high], [low, high], "y = x", Color.fromHex("#999999"), dash: true),
            Markers(x.ToArray(), y.ToArray(), "one item each", Palette(0), StyleParam.MarkerSymbol.Circle, size: 8),
        };
        if (highlight is int k)
            traces.Add(Markers([x[k]], [y[k]], highlightName, Palette(1), StyleParam.MarkerSymbol.Star, size: 14));
        return Finish(traces, options ?? ChartOptions.Default, "y against x", "x", "y");
    }
}
