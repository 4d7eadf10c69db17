using HyperLab.Tracking;
using HyperLab.Training;

namespace HyperLab.Tuning;

/// <summary>
/// Runs a search (lesson 07): one <see cref="Trainer.Fit(Hyperparameters, Data.DataSplits, FitOptions?)"/>
/// per point, each trial written to the experiment log as soon as it ends.
/// </summary>
public static class Search
{
    /// <summary>Trains <paramref name="baseline"/> with each point of <paramref name="points"/>
    /// applied, on the data <paramref name="data"/> describes, and logs every trial under
    /// <paramref name="experiment"/>. A diverged trial is logged and kept: a result, not an error.</summary>
    public static SearchResult Run(string experiment, Hyperparameters baseline, SearchSpace space, IReadOnlyList<SearchPoint> points,
        DataRecord data, ExperimentLog? log = null, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(data);
        var splits = data.Load();
        var trials = new List<SearchTrial>();
        for (int i = 0; i < points.Count; i++)
        {
            var hp = points[i].ApplyTo(baseline, space);
            var started = DateTime.UtcNow;
            using var run = Trainer.Fit(hp, splits, (options ?? new FitOptions()) with { Label = $"{experiment} #{i + 1}: {points[i]}" });
            var record = TrialRecord.Of(experiment, i + 1, run.History, data, started);
            log?.Append(record);
            trials.Add(new SearchTrial(points[i], record));
        }
        return new SearchResult(experiment, space, trials);
    }

    /// <summary>Logs finished runs (e.g. a <c>Sweep.Run</c>'s histories) under <paramref name="experiment"/>, numbered from 1.</summary>
    public static IReadOnlyList<TrialRecord> Track(ExperimentLog log, string experiment, IEnumerable<History> histories, DataRecord data)
    {
        ArgumentNullException.ThrowIfNull(log);
        var records = histories.Select((h, i) => TrialRecord.Of(experiment, i + 1, h, data, DateTime.UtcNow.AddSeconds(-h.Seconds))).ToList();
        log.AppendAll(records);
        return records;
    }
}

/// <summary>One trial of a search: the point it tried and its log record (lesson 07).</summary>
public sealed record SearchTrial(SearchPoint Point, TrialRecord Record)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Point} → " + (Record.Status == TrialStatus.Diverged ? "diverged" : $"validation loss {Record.FinalValidationLoss:0.####}");
}

/// <summary>The trials of one search (lesson 07).</summary>
public sealed record SearchResult(string Experiment, SearchSpace Space, IReadOnlyList<SearchTrial> Trials)
{
    /// <summary>The trial with the lowest final validation loss (diverged trials excluded).</summary>
    public SearchTrial Best => Trials.Where(t => double.IsFinite(t.Record.FinalValidationLoss)).MinBy(t => t.Record.FinalValidationLoss)
        ?? throw new InvalidOperationException($"Every trial of '{Experiment}' diverged: lower the learning-rate range and search again.");

    /// <summary>Lowest final validation loss of the search.</summary>
    public double BestValidationLoss => Best.Record.FinalValidationLoss;

    /// <summary>How many different values of dimension <paramref name="name"/> the trials tried.</summary>
    public int DistinctValues(string name) => Trials.Select(t => t.Point[name]).Distinct().Count();

    /// <summary>The log records of the trials.</summary>
    public IReadOnlyList<TrialRecord> Records => Trials.Select(t => t.Record).ToList();

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Experiment}: {Trials.Count} trials ({string.Join(", ", Space.Dimensions.Select(d => $"{DistinctValues(d.Name)} values of {d.Name}"))}), " +
        $"{Trials.Count(t => t.Record.Status == TrialStatus.Diverged)} diverged; best validation loss {BestValidationLoss:0.####} " +
        $"(accuracy {Best.Record.FinalValidationAccuracy:0.###}) at {Best.Point}";
}
