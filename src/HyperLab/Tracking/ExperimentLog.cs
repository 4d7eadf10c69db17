using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperLab.Tracking;

/// <summary>
/// An experiment log on disk (lesson 07): a JSON Lines file, one record per line, append-only.
/// A line is a trial (<see cref="TrialRecord"/>), the start of a study (<see cref="StudyRecord"/>)
/// or a look at the test set (<see cref="TestLookRecord"/>). Each record is written as one whole
/// line, under an exclusive lock on a lock file next to the log (so appends from several threads
/// and processes never interleave or get lost), and flushed to disk before <see cref="Append"/>
/// returns: a crash can tear at most the line being written. <see cref="Load"/> checks every line
/// against the schema and reports a torn or foreign line as skipped, with its line number.
/// Nothing is ever deleted: each run of a notebook is a new study (<see cref="BeginStudy"/>) in the same file.
/// </summary>
public sealed class ExperimentLog
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,   // NaN for a run that diverged
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly ConcurrentDictionary<string, object> ProcessLocks = new(StringComparer.Ordinal);

    /// <summary>Opens (without reading) the log at <paramref name="path"/>; the file and its folder are created on the first append.</summary>
    public ExperimentLog(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    private ExperimentLog(string path, string study) : this(path) => Study = study;

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <summary>The study this instance writes to (set by <see cref="BeginStudy"/> or <see cref="OpenStudy"/>), or null.
    /// Trials appended through it carry this id.</summary>
    public string? Study { get; }

    /// <summary>How long an append waits for another writer's lock before it gives up. Default 30 s.</summary>
    public static TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Starts a new study in this log: its id is <paramref name="name"/> followed by "-run" and the next unused
    /// run number for that name ("07-seed0-run1", "07-seed0-run2", …), chosen and recorded under the log's lock, so two
    /// processes never get the same id. Returns a log that writes into the new study.</summary>
    public ExperimentLog BeginStudy(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Locked(() =>
        {
            string prefix = name + "-run";
            int run = 1 + ReadUnlocked().Studies.Select(s => s.Id.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(s.Id[prefix.Length..], out int n) ? n : 0)
                .DefaultIfEmpty(0).Max();
            var study = new StudyRecord(prefix + run, DateTime.UtcNow, RunEnvironment.Current);
            WriteUnlocked(study);
            return new ExperimentLog(Path, study.Id);
        });
    }

    /// <summary>A log that writes into the existing study <paramref name="id"/> (e.g. after a kernel restart).
    /// The study keeps its history, including a look at the test set.</summary>
    /// <exception cref="ArgumentException">No study with that id was begun in this log.</exception>
    public ExperimentLog OpenStudy(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var studies = Load().Studies;
        if (!studies.Any(s => s.Id == id))
            throw new ArgumentException($"The log {Path} has no study '{id}' (studies: {(studies.Count == 0 ? "none" : string.Join(", ", studies.Select(s => s.Id)))}). " +
                "Begin a new one with BeginStudy(name).", nameof(id));
        return new ExperimentLog(Path, id);
    }

    /// <summary>Appends one trial as one line and flushes it to disk, under the log's lock. A trial without a study
    /// gets this log's <see cref="Study"/>. If the file ends in a torn line (no final newline), the new record starts
    /// on a line of its own.</summary>
    public void Append(TrialRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stamped = record with { Study = record.Study ?? Study, Schema = LogSchema.Version };
        Locked(() => { WriteUnlocked(stamped); return 0; });
    }

    /// <summary>Appends several records, each as in <see cref="Append"/>.</summary>
    public void AppendAll(IEnumerable<TrialRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var r in records) Append(r);
    }

    /// <summary>Reads every record. A line that is not a whole record of this log (torn by a crash mid-write, or
    /// written by another tool) is skipped and reported in <see cref="LogContents.Skipped"/> with its line number;
    /// no other line is lost. A missing file is an empty log.</summary>
    public LogContents Load() => ReadUnlocked();

    /// <summary>Runs <paramref name="action"/> while holding the log's exclusive lock (the lock file, and a lock for
    /// this process's threads): what it reads from the log cannot change until it returns. Used by the test-set guard
    /// to check and record a look in one step. Reentrant on one thread: an append inside it does not wait for itself.</summary>
    public T Locked<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        held ??= new HashSet<string>(StringComparer.Ordinal);
        if (held.Contains(Path)) return action();          // this thread holds it already (an append inside Locked)
        lock (ProcessLocks.GetOrAdd(Path, _ => new object()))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var fileLock = AcquireFileLock();
            held.Add(Path);
            try { return action(); }
            finally { held.Remove(Path); }
        }
    }

    [ThreadStatic] private static HashSet<string>? held;

    /// <summary>Appends a look at the test set (used by the guard, inside <see cref="Locked{T}"/>).</summary>
    internal void WriteUnlocked(object record)
    {
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, record.GetType(), Json) + "\n");
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        if (file.Length > 0 && !EndsWithNewline()) line = [(byte)'\n', .. line];
        file.Write(line);          // one write of the whole line
        file.Flush(flushToDisk: true);
    }

    private LogContents ReadUnlocked()
    {
        if (!File.Exists(Path)) return new LogContents(Path, [], [], [], []);
        string text;
        using (var read = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(read, Encoding.UTF8))
            text = reader.ReadToEnd();
        return LogSchema.Parse(Path, text);
    }

    private FileStream AcquireFileLock()
    {
        string lockPath = Path + ".lock";
        var deadline = DateTime.UtcNow + LockTimeout;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                // FileShare.None takes an exclusive lock on the file (flock on Linux and macOS, a share mode on Windows).
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(Math.Min(1 + attempt, 20));
            }
            catch (IOException e)
            {
                throw new IOException($"The experiment log {Path} stayed locked for {LockTimeout.TotalSeconds:0} s by another writer ({lockPath}). " +
                    "If no other notebook or program is writing to it, delete the .lock file and try again.", e);
            }
        }
    }

    private bool EndsWithNewline()
    {
        using var read = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (read.Length == 0) return true;
        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte() == '\n';
    }

    /// <inheritdoc/>
    public override string ToString() => $"experiment log {Path}" + (Study is null ? "" : $", study {Study}");
}

/// <summary>A line of the log that could not be read as one of its records (lesson 07).</summary>
/// <param name="LineNumber">1-based line number.</param>
/// <param name="IsLastLine">True for the file's last line: the signature of a crash mid-write.</param>
/// <param name="Characters">Length of the line.</param>
/// <param name="Reason">What is wrong with it (not JSON, a field missing, another schema).</param>
public sealed record SkippedLine(int LineNumber, bool IsLastLine, int Characters, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"line {LineNumber} ({Characters} characters{(IsLastLine ? ", the last line: probably torn by a crash while it was written" : "")}) skipped: {Reason}";
}

/// <summary>What <see cref="ExperimentLog.Load"/> read: the trials, the studies, the looks at the test set, and the lines it had to skip.</summary>
public sealed record LogContents(string Path, IReadOnlyList<TrialRecord> Records, IReadOnlyList<SkippedLine> Skipped,
    IReadOnlyList<StudyRecord> Studies, IReadOnlyList<TestLookRecord> TestLooks)
{
    /// <summary>Records of one experiment.</summary>
    public IReadOnlyList<TrialRecord> Of(string experiment) => Records.Where(r => r.Experiment == experiment).ToList();

    /// <summary>Only what belongs to study <paramref name="id"/>: its trials and its test looks (skipped lines are kept: they belong to the file).</summary>
    public LogContents InStudy(string id) => this with
    {
        Records = Records.Where(r => r.Study == id).ToList(),
        Studies = Studies.Where(s => s.Id == id).ToList(),
        TestLooks = TestLooks.Where(t => t.Study == id).ToList(),
    };

    /// <summary>The table of trials, best validation loss first (diverged trials last).</summary>
    public IReadOnlyList<TrialRow> Table(int top = int.MaxValue) => TrialRow.Ranked(Records, top);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Records.Count} trial(s) in {System.IO.Path.GetFileName(Path)}" +
        (Studies.Count == 1 ? $" (study {Studies[0].Id})" : Studies.Count > 1 ? $" ({Studies.Count} studies)" : "") +
        (TestLooks.Count > 0 ? $", {TestLooks.Count} look(s) at a test set" : "") +
        (Skipped.Count == 0 ? ", no damaged line" : $"; {string.Join("; ", Skipped)}");
}
