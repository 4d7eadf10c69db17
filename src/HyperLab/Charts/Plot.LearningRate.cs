using HyperLab.Demonstrations;
using HyperLab.Finder;
using HyperLab.Schedules;
using HyperLab.Sweeps;
using HyperLab.Training;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;
using CSharpStyle = Plotly.NET.CSharp.GenericChartExtensions;

namespace HyperLab.Charts;

/// <summary>Lesson 01's charts: learning-rate sweeps, runs at several rates, the range test, gradient
/// descent on a bowl, and schedules.</summary>
public static partial class Plot
{
    /// <summary>Final validation loss against learning rate (log x), one line per sweep, named by its
    /// optimizer; a diverged run is marked with an ✕ at the top of the chart (lesson 01).</summary>
    /// <param name="sweeps">Sweeps over the learning rate (e.g. one for AdamW, one for SGD with momentum).</param>
    public static GenericChart RateSweep(params SweepResult<double>[] sweeps)
    {
        ChartInput.Require(sweeps, nameof(sweeps));
        var finite = sweeps.SelectMany(s => s.Points).Select(p => p.History.FinalValidationLoss).Where(double.IsFinite).DefaultIfEmpty(1).ToList();
        double top = finite.Max() * 1.08;
        var traces = new List<GenericChart>();
        for (int i = 0; i < sweeps.Length; i++)
        {
            var s = sweeps[i];
            string name = s.Points.Count > 0 ? s.Points[0].History.Hyperparameters.Optimizer.ToString() : s.Knob;
            var ok = s.Points.Where(p => double.IsFinite(p.History.FinalValidationLoss)).ToList();
            traces.Add(Line(ok.Select(p => p.Value).ToArray(), ok.Select(p => p.History.FinalValidationLoss), $"{name}: final validation loss", Palette(i), markers: true));
            var bad = s.Points.Except(ok).ToList();
            if (bad.Count > 0) traces.Add(Markers(bad.Select(p => p.Value).ToArray(), bad.Select(_ => top).ToArray(), $"{name}: diverged", Palette(i), StyleParam.MarkerSymbol.X));
            var best = s.Best;
            traces.Add(Markers([best.Value], [best.History.FinalValidationLoss], $"{name}: best lr {Hyperparameters.Fmt(best.Value)}", Palette(i), StyleParam.MarkerSymbol.Star, size: 14));
        }
        return Finish(traces, "Learning-rate sweep: validation loss after the same budget", "learning rate η (log scale)", "final validation loss (nats)", logX: true);
    }

    /// <summary>The loss of every update of several runs (log y), each labelled with its rate; a
    /// diverged run ends with an ✕ where it blew up (lesson 01: too high, too low, good).</summary>
    /// <param name="histories">The runs.</param>
    /// <param name="title">Default "Loss per update at different learning rates".</param>
    public static GenericChart RateRuns(IEnumerable<History> histories, string? title = null)
    {
        var traces = new List<GenericChart>();
        int i = 0;
        foreach (var h in ChartInput.Require(histories, nameof(histories)))
        {
            var color = Palette(i++);
            string name = $"η = {Hyperparameters.Fmt(h.Hyperparameters.LearningRate)}";
            traces.Add(Line(h.Steps.Select(s => (double)s.Step).ToArray(), h.Steps.Select(s => s.Loss), name, color));
            if (h.Divergence is { } d)
                traces.Add(Markers([d.Step], [double.IsFinite(d.Loss) ? d.Loss : h.Steps.Where(s => double.IsFinite(s.Loss)).Select(s => s.Loss).DefaultIfEmpty(1).Max()],
                    $"{name}: {d.Reason} (step {d.Step})", color, StyleParam.MarkerSymbol.X, size: 14));
        }
        return Finish(traces, title ?? "Loss per update at different learning rates", "update (step)", "mini-batch training loss (nats, log scale)", logY: true);
    }

    /// <summary>One range test: raw mini-batch loss (faint) and smoothed loss against the rate (log x),
    /// with the valley, steepest and minimum/10 suggestions marked (lesson 01).</summary>
    public static GenericChart Finder(FinderResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var x = result.Rates.ToArray();
        var traces = new List<GenericChart>
        {
            Line(x, result.Losses, "mini-batch loss (raw)", Color.fromHex("#C8C8C8")),
            Line(x, result.SmoothedLosses, $"smoothed loss (β = {result.Settings.Smoothing})", Palette(0)),
        };
        if (result.Suggestions is { } s) traces.AddRange(SuggestionMarkers(result, s));
        return FinderAxes(Finish(traces, $"Learning-rate range test ({result.Label}): {result.Steps} steps", "learning rate η (log scale)", "training loss (nats)", logX: true), [result]);
    }

    /// <summary>The range test over several seeds: each seed's smoothed curve, and for each
    /// suggestion a shaded band from its lowest to its highest value with a dotted line at the median (lesson 01).</summary>
    public static GenericChart Finder(FinderSpread spread)
    {
        ArgumentNullException.ThrowIfNull(spread);
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
        return FinderAxes(Finish(traces, $"Range test over {spread.Runs.Count} seeds: where the suggestions fall", "learning rate η (log scale)", "smoothed training loss (nats)", logX: true), spread.Runs);
    }

    /// <summary>Gradient descent on a quadratic bowl: the bowl's contour lines and each path's points
    /// (lesson 01: crawl, converge, oscillate, diverge). The view is fixed to the bowl around the start.</summary>
    /// <param name="paths">Walks from <see cref="GradientDescent.Run"/>, on the same bowl.</param>
    public static GenericChart DescentPaths(IEnumerable<DescentPath> paths)
    {
        var list = ChartInput.Require(paths, nameof(paths));
        var bowl = list[0].Bowl;
        var (x0, y0) = list[0].Points[0];
        double loss0 = bowl.Loss(x0, y0);
        var traces = new List<GenericChart>();
        foreach (var level in new[] { 0.02, 0.1, 0.3, 0.6, 1.0, 1.6 })
        {
            double c = level * loss0;
            var t = Enumerable.Range(0, 101).Select(k => 2 * Math.PI * k / 100).ToArray();
            traces.Add(CSharpStyle.WithTraceInfo(Line(t.Select(a => Math.Sqrt(2 * c / bowl.Shallow) * Math.Cos(a)).ToArray(), t.Select(a => Math.Sqrt(2 * c / bowl.Steep) * Math.Sin(a)),
                $"loss = {c:G3}", Color.fromHex("#CCCCCC")), ShowLegend: false));
        }
        for (int i = 0; i < list.Count; i++)
            traces.Add(Line(list[i].Points.Select(p => p.X).ToArray(), list[i].Points.Select(p => p.Y), list[i].ToString(), Palette(i + 1), markers: true));
        double rx = Math.Abs(x0) * 1.25, ry = Math.Sqrt(2 * 1.6 * loss0 / bowl.Steep) * 1.1;
        var chart = Finish(traces, $"Gradient descent on the {bowl}", "w₁ (gentle direction)", "w₂ (steep direction)");
        chart = CSharpStyle.WithXAxisStyle<double, double, string>(chart, MinMax: Tuple.Create(-rx, rx));
        return CSharpStyle.WithYAxisStyle<double, double, string>(chart, MinMax: Tuple.Create(-ry, ry));
    }

    /// <summary>The learning rate of every update under each schedule, computed without training
    /// (<see cref="Schedule.Rates"/>; reduce-on-plateau stays flat without validation losses).</summary>
    /// <param name="schedules">The schedules to compare.</param>
    /// <param name="peakRate">The rate they start from (or warm up to).</param>
    /// <param name="stepsPerEpoch">Updates per epoch.</param>
    /// <param name="epochs">Epochs in the budget.</param>
    public static GenericChart ScheduleRates(IEnumerable<Schedule> schedules, double peakRate, int stepsPerEpoch, int epochs)
    {
        var traces = ChartInput.Require(schedules, nameof(schedules)).Select((s, i) =>
        {
            var rates = s.Rates(peakRate, stepsPerEpoch, epochs);
            return Line(Enumerable.Range(1, rates.Length).Select(k => (double)k).ToArray(), rates, s.ToString(), Palette(i));
        }).ToList();
        return Finish(traces, $"Learning-rate schedules: peak {Hyperparameters.Fmt(peakRate)}, {epochs} epochs × {stepsPerEpoch} updates", "update (step)", "learning rate η");
    }

    /// <summary>The learning rate each run actually used at every update, as recorded in its history
    /// (this includes reduce-on-plateau's reactions).</summary>
    public static GenericChart ScheduleRates(IEnumerable<History> histories)
    {
        var traces = ChartInput.Require(histories, nameof(histories)).Select((h, i) => Line(h.Steps.Select(s => (double)s.Step).ToArray(), h.Steps.Select(s => s.LearningRate),
            h.Label == h.Hyperparameters.Schedule.ToString() ? h.Label : $"{h.Hyperparameters.Schedule} ({h.Label})", Palette(i))).ToList();
        return Finish(traces, "Learning rate used at each update", "update (step)", "learning rate η");
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

    private static GenericChart Markers(double[] x, double[] y, string name, Color color, StyleParam.MarkerSymbol symbol, int size = 10) =>
        CSharpChart.Point<double, double, string>(x, y, Name: name, MarkerColor: color, MarkerSymbol: symbol,
            Marker: Plotly.NET.TraceObjects.Marker.init(Size: size, Symbol: symbol, Color: color,
                Angle: null, AngleRef: null, AutoColorScale: null, CAuto: null, CMax: null, CMid: null, CMin: null, Colors: null, ColorAxis: null, ColorBar: null,
                Colorscale: null, CornerRadius: null, Gradient: null, Outline: null, MaxDisplayed: null, Opacity: null, MultiOpacity: null, Pattern: null, ReverseScale: null,
                ShowScale: null, MultiSize: null, SizeMin: null, SizeMode: null, SizeRef: null, StandOff: null, MultiStandOff: null, MultiSymbol: null, Symbol3D: null,
                MultiSymbol3D: null, OutlierColor: null, OutlierWidth: null));
}
