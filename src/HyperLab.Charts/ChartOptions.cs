namespace HyperLab.Charts;

/// <summary>What a chart draws of a run or a measurement (<see cref="ChartOptions.Metric"/>). Each chart names the
/// metrics it can draw and refuses the others with a <see cref="HyperparameterException"/>.</summary>
public enum ChartMetric
{
    /// <summary>Cross-entropy loss in nats (epoch curves, step curves, sweep curves).</summary>
    Loss,

    /// <summary>Share of examples classified correctly (epoch curves, sweep curves).</summary>
    Accuracy,

    /// <summary>The learning rate used at each update (step curves, lesson 01's schedules).</summary>
    LearningRate,

    /// <summary>Training examples per second (throughput, lesson 02).</summary>
    ExamplesPerSecond,

    /// <summary>Seconds per epoch of training steps (throughput, lesson 02).</summary>
    SecondsPerEpoch,
}

/// <summary>Which of a run's two curves a chart draws (<see cref="ChartOptions.Series"/>).</summary>
public enum ChartSeries
{
    /// <summary>Training (dashed) and validation (solid).</summary>
    TrainingAndValidation,

    /// <summary>Validation only.</summary>
    Validation,

    /// <summary>Training only (dashed).</summary>
    Training,
}

/// <summary>
/// The options every <see cref="Plot"/> chart takes, the same for all of them: title, axis titles, log axes, what to draw and a
/// reference line. Every option is optional: null (or the default) means "the chart's own default", which each
/// chart's documentation states. Immutable: derive variants with <c>with</c>, e.g.
/// <c>new ChartOptions { LogY = true } with { Title = "…" }</c>; in a notebook <c>Plot.EpochCurves(runs, new() { LogY = true })</c>.
/// Values are checked when they are set (a bad one throws a <see cref="HyperparameterException"/> naming the
/// option, the valid range and a sensible value), so <c>with</c> cannot bypass the checks.
/// </summary>
public sealed record ChartOptions
{
    /// <summary>All defaults.</summary>
    public static ChartOptions Default { get; } = new();

    /// <summary>Chart title; long titles are broken into lines. Null (default): the chart's own title.</summary>
    public string? Title { get; init => field = Text(nameof(Title), value); }

    /// <summary>X axis title, with units. Null (default): the chart's own.</summary>
    public string? XTitle { get; init => field = Text(nameof(XTitle), value); }

    /// <summary>Y axis title, with units. Null (default): the chart's own.</summary>
    public string? YTitle { get; init => field = Text(nameof(YTitle), value); }

    /// <summary>Log-scale x axis. Null (default): the chart's choice (log for rates, strengths and batch sizes that
    /// span a factor of 10 or more).</summary>
    public bool? LogX { get; init; }

    /// <summary>Log-scale y axis. Null (default): the chart's choice (log for step losses, gradient noise and memory, linear for
    /// epoch curves).</summary>
    public bool? LogY { get; init; }

    /// <summary>What to draw. Null (default): the chart's natural quantity (loss for curves and sweeps, examples per
    /// second for throughput). Valid: a defined <see cref="ChartMetric"/> that the chart can draw.</summary>
    public ChartMetric? Metric { get; init => field = value is null ? null : Valid.Defined(nameof(Metric), value.Value, ChartMetric.Loss); }

    /// <summary>Training and/or validation curves. Null (default): <see cref="ChartSeries.TrainingAndValidation"/>, except
    /// where a chart says otherwise.</summary>
    public ChartSeries? Series { get; init => field = value is null ? null : Valid.Defined(nameof(Series), value.Value, ChartSeries.TrainingAndValidation); }

    /// <summary>A reference value of the drawn metric: a dotted horizontal line, and on epoch curves of loss a circle
    /// where each run first reaches it (<see cref="Training.History.FirstEpochReaching"/>; lesson 03). Null (default):
    /// none. Valid: a finite number.</summary>
    public double? Target { get; init => field = value is double v && !double.IsFinite(v) ? throw new HyperparameterException(nameof(Target), v, "a finite number (or null for no line)", "null") : value; }

    /// <summary>Mark each run's best point (lowest validation loss) with a star; on a single run's epoch curves also its
    /// best epoch and an early stop as vertical lines (lesson 03). Default true.</summary>
    public bool MarkBest { get; init; } = true;

    /// <summary>Step curves only: put training progress in epochs on the x axis (update k of an epoch of n updates at
    /// epoch − 1 + k/n), so runs with different batch sizes line up (lesson 02). Default false: the update number.</summary>
    public bool StepsInEpochs { get; init; }

    /// <summary>Comparison charts (epoch, step and sweep curves) with a linear y axis: when a few points lie far above the
    /// rest (above the lowest + 3 × (95th percentile − lowest)), the y range stops there and the axis title says how many
    /// points are above it, so that one spike does not flatten the comparison. Default true; false draws every point.</summary>
    public bool ClipOutliers { get; init; } = true;

    /// <summary>Chart width in pixels. Null (default): the chart's own (800 for most). Valid: 200 to 4,000.</summary>
    public int? Width { get; init => field = value is null ? null : Valid.Int(nameof(Width), value.Value, 200, 4000, "800"); }

    /// <summary>Chart height in pixels. Null (default): the chart's own (520 for most). Valid: 200 to 4,000.</summary>
    public int? Height { get; init => field = value is null ? null : Valid.Int(nameof(Height), value.Value, 200, 4000, "520"); }

    /// <summary>The series to draw: <see cref="Series"/>, or <paramref name="fallback"/> when unset.</summary>
    internal ChartSeries SeriesOr(ChartSeries fallback) => Series ?? fallback;

    /// <summary>The metric to draw, which must be one of <paramref name="allowed"/> (the first is the default).</summary>
    internal ChartMetric MetricOf(params ChartMetric[] allowed)
    {
        var m = Metric ?? allowed[0];
        return allowed.Contains(m) ? m
            : throw new HyperparameterException(nameof(Metric), m, $"one of {string.Join(", ", allowed)} for this chart", $"Metric.{allowed[0]}");
    }

    private static string? Text(string field, string? value) =>
        value is not null && string.IsNullOrWhiteSpace(value) ? throw new HyperparameterException(field, value, "some text (or null for the chart's own)", "null") : value;
}
