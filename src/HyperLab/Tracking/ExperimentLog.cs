using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperLab.Tracking;

/// <summary>
/// An experiment log on disk (lesson 07): a JSON Lines file, one <see cref="TrialRecord"/> per
/// line, append-only. Each record is written as one whole line and flushed to disk before
/// <see cref="Append"/> returns, so a crash can tear at most the line being written;
/// <see cref="Load"/> reports such a line and skips it, and every other line survives.
/// </summary>
public sealed class ExperimentLog
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,   // NaN for a run that diverged
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Opens (without reading) the log at <paramref name="path"/>; the file and its folder are created on the first append.</summary>
    public ExperimentLog(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <summary>Appends one record as one line and flushes it to disk. If the file ends in a torn
    /// line (no final newline), the new record starts on a line of its own.</summary>
    public void Append(TrialRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, Json) + "\n");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        if (file.Length > 0 && !EndsWithNewline()) file.WriteByte((byte)'\n');
        file.Write(line);          // one write of the whole line
        file.Flush(flushToDisk: true);
    }

    /// <summary>Appends several records, each as in <see cref="Append"/>.</summary>
    public void AppendAll(IEnumerable<TrialRecord> records)
    {
        foreach (var r in records) Append(r);
    }

    /// <summary>Reads every record. A line that is not a whole record (a crash mid-write) is
    /// skipped and reported in <see cref="LogContents.Skipped"/>; no other line is lost. A missing
    /// file is an empty log.</summary>
    public LogContents Load()
    {
        if (!File.Exists(Path)) return new LogContents(Path, [], []);
        var records = new List<TrialRecord>();
        var skipped = new List<SkippedLine>();
        string[] lines = File.ReadAllText(Path, Encoding.UTF8).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string text = lines[i].TrimEnd('\r');
            if (text.Length == 0) continue;
            try
            {
                records.Add(JsonSerializer.Deserialize<TrialRecord>(text, Json) ?? throw new JsonException("the line is null"));
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
            {
                bool last = lines.Skip(i + 1).All(l => l.Trim().Length == 0);
                skipped.Add(new SkippedLine(i + 1, last, text.Length, e.Message));
            }
        }
        return new LogContents(Path, records, skipped);
    }

    /// <summary>Deletes the file, to start a fresh log (a notebook rerun). Nothing happens if it does not exist.</summary>
    public void Clear()
    {
        if (File.Exists(Path)) File.Delete(Path);
    }

    private bool EndsWithNewline()
    {
        using var read = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (read.Length == 0) return true;
        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte() == '\n';
    }

    /// <inheritdoc/>
    public override string ToString() => $"experiment log {Path}";
}

/// <summary>A line of the log that could not be read (lesson 07).</summary>
/// <param name="LineNumber">1-based line number.</param>
/// <param name="IsLastLine">True for the file's last line: the signature of a crash mid-write.</param>
/// <param name="Characters">Length of the line.</param>
/// <param name="Reason">The parser's message.</param>
public sealed record SkippedLine(int LineNumber, bool IsLastLine, int Characters, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"line {LineNumber} ({Characters} characters{(IsLastLine ? ", the last line: probably torn by a crash while it was written" : "")}) skipped: {Reason}";
}

/// <summary>What <see cref="ExperimentLog.Load"/> read: the records, and the lines it had to skip.</summary>
public sealed record LogContents(string Path, IReadOnlyList<TrialRecord> Records, IReadOnlyList<SkippedLine> Skipped)
{
    /// <summary>Records of one experiment.</summary>
    public IReadOnlyList<TrialRecord> Of(string experiment) => Records.Where(r => r.Experiment == experiment).ToList();

    /// <summary>The table of trials, best validation loss first (diverged trials last).</summary>
    public IReadOnlyList<TrialRow> Table(int top = int.MaxValue) => TrialRow.Ranked(Records, top);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Records.Count} trial(s) in {System.IO.Path.GetFileName(Path)}" +
        (Skipped.Count == 0 ? ", no damaged line" : $"; {string.Join("; ", Skipped)}");
}
