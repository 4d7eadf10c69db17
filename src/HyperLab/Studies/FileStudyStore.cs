using System.Text.Json;
using HyperLab.Tracking;

namespace HyperLab.Studies;

/// <summary>
/// A study store in a folder, for several processes on one machine (a learner's notebook and a
/// few <c>course study work</c> processes): one JSON file per study, <c>&lt;id&gt;.study.json</c>,
/// read and rewritten whole under an exclusive lock on <c>&lt;id&gt;.lock</c>. The lock is a
/// <see cref="FileShare.None"/> open, which .NET implements on Linux and macOS with <c>flock</c>,
/// so it holds between processes and is released when a process dies. The new content is written
/// to a temporary file, flushed to disk and renamed over the old one, so a crash leaves either the
/// old or the new file, never half of one. Not for network file systems (their locks vary).
/// </summary>
public sealed class FileStudyStore : IStudyStore
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);

    /// <summary>A store in <paramref name="folder"/> (created when the first study is).</summary>
    public FileStudyStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>The folder holding the studies.</summary>
    public string Folder { get; }

    /// <inheritdoc/>
    public string Describe => $"the study folder {Folder}";

    /// <summary>The file of study <paramref name="studyId"/>.</summary>
    public string FileOf(string studyId)
    {
        StudyDefinition.CheckId(studyId);
        return Path.Combine(Folder, studyId + ".study.json");
    }

    /// <inheritdoc/>
    public StudyDefinition Create(StudyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Directory.CreateDirectory(Folder);
        return Locked<StudyDefinition>(definition.Id, state =>
        {
            if (state is not null)
            {
                state.Definition.EnsureSameAs(definition);
                return (state.Definition, null);
            }
            var created = new StudyFile(StudyDefinition.CurrentSchemaVersion, definition,
                Enumerable.Range(1, definition.Trials).Select(i => new StudyTrial(i, TrialState.Pending, null, 0, null, null)).ToList());
            return (definition, created);
        }, mustExist: false);
    }

    /// <inheritdoc/>
    public StudyDefinition Open(string studyId) => Locked<StudyDefinition>(studyId, s => (s!.Definition, null));

    /// <inheritdoc/>
    public TrialClaim? ClaimNext(string studyId, string worker)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        return Locked<TrialClaim?>(studyId, s =>
        {
            var now = DateTime.UtcNow;
            var stale = now - TimeSpan.FromSeconds(s!.Definition.HeartbeatSeconds);
            var next = s.Trials.FirstOrDefault(t => t.State == TrialState.Running && t.Worker == worker)
                ?? s.Trials.FirstOrDefault(t => t.State == TrialState.Pending)
                ?? s.Trials.FirstOrDefault(t => t.State == TrialState.Running && t.HeartbeatUtc < stale);
            if (next is null) return (null, null);
            if (next.State == TrialState.Running && next.Worker == worker)
                return (new TrialClaim(studyId, next.Trial, worker, next.Attempts), null);
            var claimed = next with { State = TrialState.Running, Worker = worker, Attempts = next.Attempts + 1, HeartbeatUtc = now };
            return (new TrialClaim(studyId, next.Trial, worker, claimed.Attempts), s.With(claimed));
        });
    }

    /// <inheritdoc/>
    public bool Heartbeat(TrialClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return Locked(claim.StudyId, s =>
        {
            var t = s!.Trials[claim.Trial - 1];
            return Holds(t, claim) ? (true, s.With(t with { HeartbeatUtc = DateTime.UtcNow })) : (false, null);
        });
    }

    /// <inheritdoc/>
    public Completion Complete(TrialClaim claim, TrialRecord record)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(record);
        return Locked(claim.StudyId, s =>
        {
            var t = s!.Trials[claim.Trial - 1];
            if (Holds(t, claim))
                return (new Completion(CompletionOutcome.Written, $"trial {claim.Trial} written by {claim.Worker}"),
                    s.With(t with { State = TrialState.Done, HeartbeatUtc = DateTime.UtcNow, Record = record }));
            return (StudyOutcomes.NotHeld(claim, t.State, t.Worker, t.Attempts), null);
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<StudyTrial> List(string studyId) => Locked<IReadOnlyList<StudyTrial>>(studyId, s => (s!.Trials, null));

    /// <inheritdoc/>
    public StudyProgress Progress(string studyId) => StudyOutcomes.Count(List(studyId));

    /// <summary>Nothing to release: every call opens and closes its files.</summary>
    public void Dispose() { }

    private static bool Holds(StudyTrial t, TrialClaim claim) => t.State == TrialState.Running && t.Worker == claim.Worker && t.Attempts == claim.Attempt;

    /// <summary>Runs <paramref name="change"/> on the study's content under the lock; writes the new content it returns, if any.</summary>
    private T Locked<T>(string studyId, Func<StudyFile?, (T Result, StudyFile? Write)> change, bool mustExist = true)
    {
        string file = FileOf(studyId);
        if (mustExist && !File.Exists(file)) throw new StudyNotFoundException(studyId, Describe);
        using var gate = Lock(Path.Combine(Folder, studyId + ".lock"));
        StudyFile? state = File.Exists(file) ? Read(file) : null;
        if (mustExist && state is null) throw new StudyNotFoundException(studyId, Describe);
        var (result, write) = change(state);
        if (write is not null) Write(file, write);
        return result;
    }

    private static FileStream Lock(string path)
    {
        var deadline = DateTime.UtcNow + LockWait;
        for (int wait = 5; ; wait = Math.Min(wait * 2, 100))
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(wait + Random.Shared.Next(wait));
            }
            catch (IOException e)
            {
                throw new StudyException($"The study lock {path} was held by another process for over {LockWait.TotalSeconds:0} s ({e.Message}). " +
                    "A process may hang while holding it: stop the study's other workers (course study work) and try again.", e);
            }
        }
    }

    private StudyFile Read(string file)
    {
        string json = File.ReadAllText(file);
        using (var doc = JsonDocument.Parse(json))
        {
            int version = doc.RootElement.TryGetProperty(nameof(StudyFile.SchemaVersion), out var v) && v.TryGetInt32(out int n) ? n : 0;
            if (version != StudyDefinition.CurrentSchemaVersion)
                throw new StudySchemaException($"The study file {file}", version, StudyDefinition.CurrentSchemaVersion);
        }
        var state = JsonSerializer.Deserialize<StudyFile>(json, StudyJson.Options) ?? throw new StudyException($"The study file {file} is empty.");
        if (state.Definition.SchemaVersion != StudyDefinition.CurrentSchemaVersion)
            throw new StudySchemaException($"Study '{state.Definition.Id}' in {file}", state.Definition.SchemaVersion, StudyDefinition.CurrentSchemaVersion);
        return state;
    }

    private static void Write(string file, StudyFile state)
    {
        string temp = file + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, state, StudyJson.Options);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, file, overwrite: true);
    }

    /// <inheritdoc/>
    public override string ToString() => Describe;

    /// <summary>The content of a study file.</summary>
    internal sealed record StudyFile(int SchemaVersion, StudyDefinition Definition, IReadOnlyList<StudyTrial> Trials)
    {
        public StudyFile With(StudyTrial trial) => this with { Trials = Trials.Select(t => t.Trial == trial.Trial ? trial : t).ToList() };
    }
}

/// <summary>Messages and counts shared by the stores.</summary>
public static class StudyOutcomes
{
    /// <summary>The completion answer for a claim that no longer holds its trial.</summary>
    public static Completion NotHeld(TrialClaim claim, TrialState state, string? worker, int attempts)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (state == TrialState.Done && worker == claim.Worker && attempts == claim.Attempt)
            return new Completion(CompletionOutcome.AlreadyWritten, $"trial {claim.Trial} was already written by this claim (a retried completion): kept once");
        return new Completion(CompletionOutcome.Discarded,
            $"trial {claim.Trial}: result of {claim.Worker} (attempt {claim.Attempt}) discarded, not written: the trial was handed to {worker ?? "nobody"} " +
            $"(attempt {attempts}, now {state.ToString().ToLowerInvariant()}) after this worker's heartbeat stopped for longer than the study's timeout");
    }

    /// <summary>Counts trials by state.</summary>
    public static StudyProgress Count(IReadOnlyList<StudyTrial> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        return new(trials.Count(t => t.State == TrialState.Pending), trials.Count(t => t.State == TrialState.Running), trials.Count(t => t.State == TrialState.Done));
    }
}
