using HyperLab.Tracking;
using Plotly.NET;
using Plotly.NET.TraceObjects;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>
    /// A parallel-coordinates chart of logged trials (lesson 07): one vertical axis per hyperparameter (learning rate and
    /// weight decay as log10), the final validation loss last; each trial is a line across the axes, coloured by its
    /// validation loss (dark = low). A hyperparameter that has the same value in every trial gets no axis (it would
    /// only draw a bundle of lines through one point); the chart's title lists those held constant. In an interactive view
    /// a range can be selected by dragging along an axis; a static image cannot. Diverged trials are left out (their loss
    /// has no value).
    /// </summary>
    /// <param name="trials">The trials, e.g. <c>log.Load().Records</c>.</param>
    /// <param name="options">Title (default "Every trial: hyperparameters and validation loss"), size (default 1000 × 520).</param>
    public static GenericChart ParallelCoordinates(IEnumerable<TrialRecord> trials, ChartOptions? options = null)
    {
        var runs = ChartInput.Require(trials, nameof(trials)).Where(t => double.IsFinite(t.FinalValidationLoss)).ToList();
        if (runs.Count == 0) throw new ArgumentException("No trial with a finite validation loss to draw.", nameof(trials));
        var axes = new List<ParallelAxis>
        {
            new("learning rate (log scale)", runs.Select(t => Math.Log10(t.Hyperparameters.LearningRate)).ToArray(), AxisKind.Log10),
            new("batch size", runs.Select(t => (double)t.Hyperparameters.BatchSize).ToArray(), AxisKind.Whole),
            new("hidden layers", runs.Select(t => (double)t.Hyperparameters.Depth).ToArray(), AxisKind.Whole),
            new("width", runs.Select(t => (double)t.Hyperparameters.Width).ToArray(), AxisKind.Whole),
            new("weight decay (log scale; 0 drawn at 1e-7)", runs.Select(t => Math.Log10(Math.Max(t.Hyperparameters.WeightDecay, 1e-7))).ToArray(), AxisKind.Log10),
            new("dropout", runs.Select(t => t.Hyperparameters.Dropout).ToArray(), AxisKind.Plain),
            new("epochs trained", runs.Select(t => (double)t.Epochs.Count).ToArray(), AxisKind.Whole),
        };
        var constant = axes.Where(a => a.Values.Distinct().Count() < 2).ToList();
        axes = axes.Except(constant).ToList();
        axes.Add(new("validation loss (nats)", runs.Select(t => t.FinalValidationLoss).ToArray(), AxisKind.Plain));
        var dimensions = axes.Select(a =>
        {
            var d = Dimension.initParallel<string, string, double, double>(
                None<StyleParam.Range>(), Some(a.Label), None<bool>(), None<string>(), None<StyleParam.Range>(), None<string>(), None<StyleParam.TickMode>(),
                None<IEnumerable<string>>(), None<IEnumerable<double>>(), Some<IEnumerable<double>>(a.Values), None<EncodedTypedArray>(), None<bool>());
            if (a.Ticks() is { } ticks)
            {
                d.SetProperty("tickvals", ticks.Select(t => t.Value).ToArray());
                d.SetProperty("ticktext", ticks.Select(t => t.Text).ToArray());
            }
            return d;
        }).ToList();
        var loss = runs.Select(t => t.FinalValidationLoss).ToArray();
        var line = Plotly.NET.Line.init(None<StyleParam.BackOff>(), None<bool>(), None<bool>(), None<double>(), None<double>(), None<double>(),
            Some(Color.fromColorScaleValues(loss)), None<StyleParam.SubPlotId>(), Some(StyleParam.Colorscale.Viridis), None<bool>(), Some(true),
            None<ColorBar>(), None<StyleParam.DrawingStyle>(), None<StyleParam.Shape>(), None<bool>(), None<double>(), None<double>(),
            None<IEnumerable<double>>(), None<Color>(), None<double>());
        string fixedNote = constant.Count == 0 ? "" : " (the same in every trial: " + string.Join(", ", constant.Select(c => $"{c.Name} {c.Format(c.Values[0])}")) + ")";
        var o = options ?? ChartOptions.Default;
        return Frame(CSharpChart.ParallelCoord(dimensions, Line: line), o with { Title = (o.Title ?? "Every trial: hyperparameters and validation loss") + fixedNote }, "", 1000, 520);
    }

    private enum AxisKind { Plain, Whole, Log10 }

    /// <summary>One axis of the parallel-coordinates chart: log axes hold log10 of the value and are labelled with the
    /// values themselves in exponent form (1e-3), whole-number axes are labelled only at the values that occur.</summary>
    private sealed record ParallelAxis(string Label, double[] Values, AxisKind Kind)
    {
        public string Name => Label.Split(" (")[0];

        public string Format(double v) => Kind == AxisKind.Log10 ? Hyperparameters.Fmt(Math.Pow(10, v)) : Hyperparameters.Fmt(v);

        public IReadOnlyList<(double Value, string Text)>? Ticks()
        {
            if (Kind == AxisKind.Whole)
            {
                var distinct = Values.Distinct().Order().ToList();
                return distinct.Count <= 12 ? distinct.Select(v => (v, Hyperparameters.Fmt(v))).ToList() : null;
            }
            if (Kind != AxisKind.Log10) return null;
            double low = Values.Min(), high = Values.Max();
            double step = high - low >= 3 ? 1 : 0.5;   // whole decades, or half decades for a narrow range
            var ticks = new List<(double, string)>();
            for (double t = Math.Floor(low / step) * step; t <= high + 1e-9; t += step)
                if (t >= low - 1e-9) ticks.Add((t, Math.Abs(t - Math.Round(t)) < 1e-9 ? $"1e{(int)Math.Round(t)}" : Hyperparameters.Fmt(Math.Pow(10, t))));
            return ticks.Count >= 2 ? ticks : null;
        }
    }
}
