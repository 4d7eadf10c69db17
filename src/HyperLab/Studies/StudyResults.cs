using System.Text;
using HyperLab.Tracking;
using HyperLab.Tuning;

namespace HyperLab.Studies;

/// <summary>
/// A study's results read from a store (a class study): the records of its finished trials, the
/// best, the table of trials, a <see cref="SearchResult"/> for the importance table and the
/// parallel-coordinates chart, and an export to a JSON Lines file in the experiment log's format.
/// </summary>
public sealed record StudyResults(StudyDefinition Definition, IReadOnlyList<StudyTrial> Trials)
{
    /// <summary>Reads study <paramref name="studyId"/> from <paramref name="store"/>.</summary>
    public static StudyResults Read(IStudyStore store, string studyId)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new StudyResults(store.Open(studyId), store.List(studyId));
    }

    /// <summary>The records of the finished trials, in trial order.</summary>
    public IReadOnlyList<TrialRecord> Records => Trials.Where(t => t.Record is not null).Select(t => t.Record!).ToList();

    /// <summary>Counts of pending, running and done trials.</summary>
    public StudyProgress Progress => StudyOutcomes.Count(Trials);

    /// <summary>The finished trial with the lowest final validation loss (diverged trials excluded); null before any.</summary>
    public TrialRecord? Best => Records.Where(r => double.IsFinite(r.FinalValidationLoss)).MinBy(r => r.FinalValidationLoss);

    /// <summary>The table of finished trials, best first.</summary>
    public IReadOnlyList<TrialRow> Table(int top = int.MaxValue) => TrialRow.Ranked(Records, top);

    /// <summary>The finished trials as a search result over <paramref name="space"/> (for <see cref="Importance.Rank"/>).</summary>
    public SearchResult AsSearch(SearchSpace space) =>
        new(Definition.Id, space, Trials.Where(t => t.Record is not null).Select(t => new SearchTrial(Definition.PointOf(t.Trial, space), t.Record!)).ToList());

    /// <summary>Writes the finished trials' records to <paramref name="path"/>, one per line in trial
    /// order, in the experiment log's format (<see cref="ExperimentLog.Load"/> reads it). Returns how many.</summary>
    public int ExportJsonl(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var records = Records;
        var text = new StringBuilder();
        foreach (var r in records) text.Append(StudyJson.Serialize(r)).Append('\n');
        File.WriteAllText(full + ".tmp", text.ToString(), new UTF8Encoding(false));
        File.Move(full + ".tmp", full, overwrite: true);
        return records.Count;
    }

    /// <summary>A text table: one line per trial (state, worker, attempts, result), then the best so far.</summary>
    public string Format()
    {
        var s = new StringBuilder();
        s.AppendLine($"{Definition}");
        s.AppendLine($"{Progress}");
        s.AppendLine($"{"trial",5}  {"state",-8} {"tries",5}  {"val loss",9}  {"val acc",7}  {"point",-44} worker");
        foreach (var t in Trials)
        {
            string loss = t.Record is { } r ? (double.IsFinite(r.FinalValidationLoss) ? r.FinalValidationLoss.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) : "diverged") : "";
            string acc = t.Record is { } q && double.IsFinite(q.FinalValidationAccuracy) ? q.FinalValidationAccuracy.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "";
            s.AppendLine($"{t.Trial,5}  {t.State.ToString().ToLowerInvariant(),-8} {t.Attempts,5}  {loss,9}  {acc,7}  {Describe(t.Trial),-44} {t.Worker}");
        }
        s.Append(Best is { } b ? $"best so far: trial {b.Trial}, {Describe(b.Trial)}: validation loss {b.FinalValidationLoss:0.####} (accuracy {b.FinalValidationAccuracy:0.###})" : "best so far: none (no trial finished yet)");
        return s.ToString();
    }

    private string Describe(int trial)
    {
        var u = Halton.Points(Definition.Trials, Definition.Dimensions.Count, shift: Halton.Shift(Definition.Dimensions.Count, Definition.ShiftSeed))[trial - 1];
        return string.Join(", ", Definition.Dimensions.Select((d, i) =>
            $"{d.Name}={Hyperparameters.Fmt(d.LogScale ? d.Low * Math.Pow(d.High / d.Low, u[i]) : d.Low + (d.High - d.Low) * u[i])}"));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Definition.Id}: {Progress}" + (Best is { } b ? $"; best trial {b.Trial}: validation loss {b.FinalValidationLoss:0.####} (accuracy {b.FinalValidationAccuracy:0.###})" : "");
}
