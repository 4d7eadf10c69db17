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
        var axes = new List<(string Label, double[] Values)>
        {
            ("log10 learning rate", runs.Select(t => Math.Log10(t.Hyperparameters.LearningRate)).ToArray()),
            ("batch size", runs.Select(t => (double)t.Hyperparameters.BatchSize).ToArray()),
            ("hidden layers", runs.Select(t => (double)t.Hyperparameters.Depth).ToArray()),
            ("width", runs.Select(t => (double)t.Hyperparameters.Width).ToArray()),
            ("log10 weight decay (0 at -7)", runs.Select(t => Math.Log10(Math.Max(t.Hyperparameters.WeightDecay, 1e-7))).ToArray()),
            ("dropout", runs.Select(t => t.Hyperparameters.Dropout).ToArray()),
            ("epochs trained", runs.Select(t => (double)t.Epochs.Count).ToArray()),
        };
        var constant = axes.Where(a => a.Values.Distinct().Count() < 2).ToList();
        axes = axes.Except(constant).ToList();
        axes.Add(("validation loss (nats)", runs.Select(t => t.FinalValidationLoss).ToArray()));
        var dimensions = axes.Select(a => Dimension.initParallel<string, string, double, double>(
            None<StyleParam.Range>(), Some(a.Label), None<bool>(), None<string>(), None<StyleParam.Range>(), None<string>(), None<StyleParam.TickMode>(),
            None<IEnumerable<string>>(), None<IEnumerable<double>>(), Some<IEnumerable<double>>(a.Values), None<EncodedTypedArray>(), None<bool>())).ToList();
        var loss = runs.Select(t => t.FinalValidationLoss).ToArray();
        var line = Plotly.NET.Line.init(None<StyleParam.BackOff>(), None<bool>(), None<bool>(), None<double>(), None<double>(), None<double>(),
            Some(Color.fromColorScaleValues(loss)), None<StyleParam.SubPlotId>(), Some(StyleParam.Colorscale.Viridis), None<bool>(), Some(true),
            None<ColorBar>(), None<StyleParam.DrawingStyle>(), None<StyleParam.Shape>(), None<bool>(), None<double>(), None<double>(),
            None<IEnumerable<double>>(), None<Color>(), None<double>());
        string fixedNote = constant.Count == 0 ? "" : " (the same in every trial: " + string.Join(", ", constant.Select(c => $"{c.Label} {Hyperparameters.Fmt(c.Values[0])}")) + ")";
        var o = options ?? ChartOptions.Default;
        return Frame(CSharpChart.ParallelCoord(dimensions, Line: line), o with { Title = (o.Title ?? "Every trial: hyperparameters and validation loss") + fixedNote }, "", 1000, 520);
    }
}
