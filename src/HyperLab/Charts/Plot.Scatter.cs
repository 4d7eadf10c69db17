using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>
    /// One point per item, two scores each (lesson 08: test against fresh accuracy of every configuration),
    /// with the line y = x dotted, so points below it scored higher on x than on y, and one item highlighted.
    /// </summary>
    /// <param name="x">Each item's first score.</param>
    /// <param name="y">Each item's second score (same count as <paramref name="x"/>).</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xTitle">X axis title, with units.</param>
    /// <param name="yTitle">Y axis title, with units.</param>
    /// <param name="highlight">Index of the item to mark with a star, or null (default) for none.</param>
    /// <param name="highlightName">Legend text for the highlighted item. Default "highlighted".</param>
    public static GenericChart Scatter(IReadOnlyList<double> x, IReadOnlyList<double> y, string title, string xTitle, string yTitle,
        int? highlight = null, string highlightName = "highlighted")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count == 0) throw new ArgumentException($"Give as many x as y values, at least one: {x.Count} and {y.Count}.", nameof(y));
        double low = Math.Min(x.Min(), y.Min()), high = Math.Max(x.Max(), y.Max());
        var traces = new List<GenericChart>
        {
            Line([low, high], [low, high], "y = x", Color.fromHex("#999999"), dash: true),
            CSharpChart.Point<double, double, string>(x.ToArray(), y.ToArray(), Name: "one item each", MarkerColor: Palette(0)),
        };
        if (highlight is int h)
            traces.Add(CSharpChart.Point<double, double, string>([x[h]], [y[h]], Name: highlightName, MarkerColor: Palette(1),
                MarkerSymbol: StyleParam.MarkerSymbol.Star));
        return Finish(traces, title, xTitle, yTitle);
    }
}
