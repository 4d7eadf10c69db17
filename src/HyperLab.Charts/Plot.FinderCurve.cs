using HyperLab.Finder;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;
using CSharpStyle = Plotly.NET.CSharp.GenericChartExtensions;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>One learning-rate range test (lessons 01, 07, 08): raw mini-batch loss (faint) and smoothed loss against
    /// the rate, with the valley, steepest and minimum/10 suggestions marked. The loss axis stops at 1.6 × the first
    /// smoothed loss, so the explosion at the end does not squash the rest.</summary>
    /// <param name="result">A range test from <see cref="LearningRateFinder"/>.</param>
    /// <param name="options">Title (default "Learning-rate range test ({label}): {steps} steps"), <see cref="ChartOptions.LogX"/>
    /// (default true), axis titles, size.</param>
    public static GenericChart FinderCurve(FinderResult result, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = options ?? ChartOptions.Default;
        var x = result.Rates.ToArray();
        var traces = new List<GenericChart>
        {
            Line(x, result.Losses, "mini-batch loss (raw)", Color.fromHex("#C8C8C8")),
            Line(x, result.SmoothedLosses, $"smoothed loss (β = {result.Settings.Smoothing})", Palette(0)),
        };
        if (result.Suggestions is { } s) traces.AddRange(SuggestionMarkers(result, s));
        bool logX = o.LogX ?? true;
        return FinderAxes(Finish(traces, o, $"Learning-rate range test ({result.Label}): {result.Steps} steps", Scaled("learning rate η", logX),
            "training loss (nats)", logX: logX, logY: o.LogY ?? false), [result]);
    }

    /// <summary>The range test over several seeds (lesson 01): each seed's smoothed curve, and for each suggestion a
    /// shaded band from its lowest to its highest value with a dotted line at the median.</summary>
    /// <param name="spread">Range tests from <see cref="LearningRateFinder.Spread"/>.</param>
    /// <param name="options">Title (default "Range test over {n} seeds: where the suggestions fall"), <see cref="ChartOptions.LogX"/>
    /// (default true), axis titles, size.</param>
    public static GenericChart FinderCurve(FinderSpread spread, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spread);
        var o = options ?? ChartOptions.Default;
        var traces = new List<GenericChart>();
        var (low, high) = LossRange(spread.Runs);
        string[] bandColors = ["#009E73", "#D55E00", "#CC79A7"];
        int b = 0;
        foreach (var s in spread.All)
        {
            if (s.Rates.Count == 0) { b++; continue; }
            var color = Color.fromHex(bandColors[b++ % bandColors.Length]);
            traces.Add(CSharpChart.Scatter<double, double, string>([s.Low, s.High, s.High, s.Low, s.Low], [low, low, high, high, low], StyleParam.Mode.Lines,
                Name: $"{s.Name}: {Hyperparameters.Fmt(s.Low)} to {Hyperparameters.Fmt(s.High)} (×{s.Factor:0.0})", Fill: StyleParam.Fill.ToSelf, FillColor: color, LineColor: color, Opacity: 0.25));
            traces.Add(Line([s.Median, s.Median], [low, high], $"{s.Name} median {Hyperparameters.Fmt(s.Median)}", color, dash: true));
        }
        int[] seedColors = [0, 5, 6, 3, 4];
        int i = 0;
        foreach (var r in spread.Runs) traces.Add(Line(r.Rates.ToArray(), r.SmoothedLosses, $"smoothed loss, {r.Label}", Palette(seedColors[i++ % seedColors.Length])));
        bool logX = o.LogX ?? true;
        return FinderAxes(Finish(traces, o, $"Range test over {spread.Runs.Count} seeds: where the suggestions fall", Scaled("learning rate η", logX),
            "smoothed training loss (nats)", logX: logX, logY: o.LogY ?? false), spread.Runs);
    }

    private static IEnumerable<GenericChart> SuggestionMarkers(FinderResult r, RateSuggestions s)
    {
        string[] colors = ["#009E73", "#D55E00", "#CC79A7"];
        var symbols = new[] { StyleParam.MarkerSymbol.Star, StyleParam.MarkerSymbol.TriangleDown, StyleParam.MarkerSymbol.Diamond };
        int i = 0;
        foreach (var pick in s.All)
        {
            int nearest = Enumerable.Range(0, r.Rates.Count).MinBy(k => Math.Abs(Math.Log(r.Rates[k] / pick.Rate)));
            yield return Markers([pick.Rate], [r.SmoothedLosses[nearest]], $"{pick.Name}: {Hyperparameters.Fmt(pick.Rate)}", Color.fromHex(colors[i]), symbols[i], size: 14);
            i++;
        }
    }

    private static (double Low, double High) LossRange(IEnumerable<FinderResult> runs, bool withRaw = false)
    {
        var values = runs.SelectMany(r => withRaw ? r.SmoothedLosses.Concat(r.Losses) : r.SmoothedLosses).Where(double.IsFinite).ToList();
        double first = runs.Select(r => r.SmoothedLosses[0]).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        return (values.DefaultIfEmpty(0).Min() * 0.9, first * 1.6);
    }

    // Keeps the loss axis on the interesting part: the explosion at the end would squash the rest.
    private static GenericChart FinderAxes(GenericChart chart, IReadOnlyList<FinderResult> runs)
    {
        var (low, high) = LossRange(runs, withRaw: runs.Count == 1);
        return CSharpStyle.WithYAxisStyle<double, double, string>(chart, MinMax: Tuple.Create(low, high));
    }
}
