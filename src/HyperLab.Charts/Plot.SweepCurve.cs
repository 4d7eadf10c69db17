using System.Numerics;
using HyperLab.Sweeps;
using HyperLab.Training;
using Plotly.NET;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>
    /// A final value against one hyperparameter (lessons 01, 02, 07): the validation loss (solid) and training loss of
    /// the last epoch (dashed) of each run, the best validation loss starred, a diverged run an ✕ at the top of the
    /// chart. Several sweeps of different settings (e.g. AdamW and SGD with momentum) are one line each, named by what
    /// tells them apart; sweeps that repeat the same runs on other seeds are averaged: each run a circle, the mean a line.
    /// </summary>
    /// <param name="sweeps">The sweeps (from <see cref="Sweep.Run{T}"/>).</param>
    /// <param name="options"><see cref="ChartOptions.Metric"/> (Loss or Accuracy; default Loss), <see cref="ChartOptions.Series"/>
    /// (default training and validation), <see cref="ChartOptions.LogX"/> (default: log when the values span a factor of
    /// 10 or more), <see cref="ChartOptions.MarkBest"/>, <see cref="ChartOptions.Target"/>, title (default "Final loss
    /// against {knob}").</param>
    public static GenericChart SweepCurve<T>(IEnumerable<SweepResult<T>> sweeps, ChartOptions? options = null) where T : INumberBase<T>
    {
        var list = ChartInput.Require(sweeps, nameof(sweeps));
        var o = options ?? ChartOptions.Default;
        var metric = o.MetricOf(ChartMetric.Loss, ChartMetric.Accuracy);
        List<SweepLine> lines;
        if (list.Count > 1 && Repeats(list))
            lines = [new SweepLine("", list[0].Points.Select((p, j) => new SweepAt(double.CreateChecked(p.Value),
                list.Select(s => Final(s.Points[j].History, metric)).ToList())).ToList())];
        else
            lines = list.Select((s, i) => new SweepLine(list.Count == 1 ? "" : SweepName(list, i),
                s.Points.Select(p => new SweepAt(double.CreateChecked(p.Value), [Final(p.History, metric)])).ToList())).ToList();
        var xs = lines.SelectMany(l => l.Points.Select(p => p.X)).ToList();
        return DrawSweep(lines, list[0].Knob, o, metric, o.LogX ?? SpansDecade(xs), "training loss (last epoch)", wholeX: false);
    }

    /// <summary>One sweep: <see cref="SweepCurve{T}(IEnumerable{SweepResult{T}}, ChartOptions?)"/> with a single line.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <param name="options">As for several sweeps.</param>
    public static GenericChart SweepCurve<T>(SweepResult<T> sweep, ChartOptions? options = null) where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return SweepCurve(new[] { sweep }, options);
    }

    internal sealed record SweepLine(string Name, IReadOnlyList<SweepAt> Points);

    internal sealed record SweepAt(double X, IReadOnlyList<(double Training, double Validation)> Runs)
    {
        public double Validation => Mean(Runs.Select(r => r.Validation));
        public double Training => Mean(Runs.Select(r => r.Training));

        // Diverged runs (NaN) are left out of the mean; a point whose runs all diverged has none.
        private static double Mean(IEnumerable<double> v) => v.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
    }

    internal static GenericChart DrawSweep(List<SweepLine> lines, string knob, ChartOptions o, ChartMetric metric, bool logX, string trainingName, bool wholeX)
    {
        var series = o.SeriesOr(ChartSeries.TrainingAndValidation);
        bool loss = metric == ChartMetric.Loss;
        string name = KnobName(knob);
        var all = lines.SelectMany(l => l.Points).ToList();
        var positive = all.Where(p => p.X > 0).Select(p => p.X).ToList();
        double zeroAt = positive.Count > 0 ? positive.Min() / 10 : 1;
        double Place(double x) => logX && x <= 0 ? zeroAt : x;
        var finite = all.SelectMany(p => p.Runs.SelectMany(r => new[] { r.Training, r.Validation })).Where(double.IsFinite).DefaultIfEmpty(1).ToList();
        double top = loss ? finite.Max() * 1.08 : finite.Min() * 0.92;
        var traces = new List<GenericChart>();
        for (int i = 0; i < lines.Count; i++)
        {
            var (line, color) = (lines[i], Palette(i));
            string prefix = line.Name.Length > 0 ? $"{line.Name}: " : "";
            bool repeated = line.Points.Any(p => p.Runs.Count > 1);
            var on = line.Points.Where(p => !logX || p.X > 0).ToList();
            var x = on.Select(p => p.X).ToArray();
            string mean = repeated ? ", mean over runs" : "";
            if (series != ChartSeries.Validation)
                traces.Add(Line(x, on.Select(p => p.Training), $"{prefix}{trainingName}{mean}", color, dash: true, markers: true));
            if (series != ChartSeries.Training)
                traces.Add(Line(x, on.Select(p => p.Validation), $"{prefix}validation {(loss ? "loss" : "accuracy")}{mean}", color, markers: true));
            if (repeated && series != ChartSeries.Training)
            {
                var dots = line.Points.SelectMany(p => p.Runs.Where(r => double.IsFinite(r.Validation)).Select(r => (X: Place(p.X), Y: r.Validation))).ToList();
                traces.Add(Markers(dots.Select(d => d.X).ToArray(), dots.Select(d => d.Y).ToArray(), $"{prefix}validation, each run", color, OpenCircle, size: 8));
            }
            if (line.Points.Where(p => logX && p.X <= 0).ToList() is { Count: > 0 } zero)
                foreach (var z in zero)
                {
                    var y = new List<double>();
                    if (series != ChartSeries.Validation) y.Add(z.Training);
                    if (series != ChartSeries.Training) y.Add(z.Validation);
                    traces.Add(Markers(y.Select(_ => zeroAt).ToArray(), y.ToArray(), $"{prefix}{knob} 0 (none), drawn at {Hyperparameters.Fmt(zeroAt)}", Palette(6), StyleParam.MarkerSymbol.Diamond, size: 12));
                }
            var diverged = line.Points.Where(p => !double.IsFinite(p.Validation)).ToList();
            if (diverged.Count > 0)
                traces.Add(Markers(diverged.Select(p => Place(p.X)).ToArray(), diverged.Select(_ => top).ToArray(), $"{prefix}diverged", color, StyleParam.MarkerSymbol.X, size: 12));
            var ok = line.Points.Where(p => double.IsFinite(p.Validation)).ToList();
            if (o.MarkBest && series != ChartSeries.Training && ok.Count > 0)
            {
                var best = loss ? ok.MinBy(p => p.Validation)! : ok.MaxBy(p => p.Validation)!;
                traces.Add(Markers([Place(best.X)], [best.Validation], $"{prefix}best: {knob} {Hyperparameters.Fmt(best.X)}", color, StyleParam.MarkerSymbol.Star, size: 14));
            }
        }
        if (o.Target is double t) traces.Add(Reference(all.Min(p => Place(p.X)), all.Max(p => Place(p.X)), t, $"target {t:0.###}"));
        string xTitle = Scaled(name, logX, all.Any(p => p.X <= 0) ? "log scale; 0 drawn one decade left" : "log scale");
        var chart = Finish(traces, o, $"Final {(loss ? "loss" : "accuracy")} against {name}{(lines.Any(l => l.Points.Any(p => p.Runs.Count > 1)) ? " (mean over runs)" : "")}",
            xTitle, Scaled("final " + MetricTitle(metric), o.LogY ?? false), logX, o.LogY ?? false, clipOutliers: true);
        return wholeX && !logX ? WholeNumberX(chart, all.Max(p => p.X)) : chart;
    }

    internal static (double Training, double Validation) Final(History h, ChartMetric metric) =>
        h.Diverged || h.LastEpoch is null ? (double.NaN, double.NaN)
        : metric == ChartMetric.Loss ? (h.LastEpoch.TrainLoss, h.FinalValidationLoss) : (h.LastEpoch.TrainAccuracy, h.FinalValidationAccuracy);

    // Sweeps that differ only in seed: the same knob, values and settings point by point.
    private static bool Repeats<T>(List<SweepResult<T>> sweeps) where T : INumberBase<T> =>
        sweeps.All(s => s.Knob == sweeps[0].Knob && s.Points.Count == sweeps[0].Points.Count) &&
        Enumerable.Range(0, sweeps[0].Points.Count).All(j => sweeps.All(s => s.Points[j].Value == sweeps[0].Points[j].Value &&
            s.Points[j].History.Hyperparameters with { Seed = 0 } == sweeps[0].Points[j].History.Hyperparameters with { Seed = 0 }));

    // What tells sweep i apart from the others: its optimizer, else its seed, else its position.
    private static string SweepName<T>(List<SweepResult<T>> sweeps, int i)
    {
        Hyperparameters? First(SweepResult<T> s) => s.Points.Count > 0 ? s.Points[0].History.Hyperparameters : null;
        var hp = First(sweeps[i]);
        if (hp is null) return $"sweep {i + 1}";
        if (sweeps.Select(First).Where(h => h is not null).Select(h => h!.Optimizer).Distinct().Count() > 1) return hp.Optimizer.ToString();
        if (sweeps.Select(First).Where(h => h is not null).Select(h => h!.Seed).Distinct().Count() > 1) return $"seed {hp.Seed}";
        return $"sweep {i + 1}";
    }

    internal static bool SpansDecade(IEnumerable<double> values)
    {
        var positive = values.Where(v => v > 0).ToList();
        return positive.Count > 1 && positive.Max() / positive.Min() >= 10;
    }

    /// <summary>A knob's name as the lessons say it ("lr" → "learning rate η").</summary>
    private static string KnobName(string knob) => knob switch
    {
        "lr" => "learning rate η",
        "batch" => "batch size (examples)",
        "wd" => "weight decay",
        "epochs" => "epochs",
        "depth" => "depth (hidden layers)",
        "dropout" => "dropout probability",
        _ => knob,
    };
}
