using HyperLab.Tracking;

namespace HyperLab.Studies;

/// <summary>
/// Where a study's trials live, shared by every worker (a class study): a folder of files for
/// several processes on one machine (<see cref="FileStudyStore"/>), or a PostgreSQL database for
/// many machines (the HyperLab.Studies.Postgres package). Every method is atomic: two workers never
/// hold the same trial at once, no trial is skipped, and a trial's result is written once.
/// </summary>
public interface IStudyStore : IDisposable
{
    /// <summary>What the store is, for messages (a folder, or a connection string with the password masked).</summary>
    string Describe { get; }

    /// <summary>Creates the study with one pending trial per point, or, if a study of that id
    /// exists, returns it when it defines the same trials (creating twice is joining).</summary>
    /// <exception cref="StudyMismatchException">A study of that id exists with other trials.</exception>
    StudyDefinition Create(StudyDefinition definition);

    /// <summary>The stored definition of study <paramref name="studyId"/>.</summary>
    /// <exception cref="StudyNotFoundException">No such study.</exception>
    /// <exception cref="StudySchemaException">The study was written by another schema version.</exception>
    StudyDefinition Open(string studyId);

    /// <summary>Claims a trial for <paramref name="worker"/>: a running trial this worker already
    /// holds (a claim whose answer was lost), else the lowest pending trial, else the lowest
    /// running trial whose heartbeat is older than the study's timeout (its worker is presumed
    /// dead). Null when none can be claimed now (see <see cref="Progress"/> for why).</summary>
    TrialClaim? ClaimNext(string studyId, string worker);

    /// <summary>Tells the store the claim's worker is still training it. False when the trial is no
    /// longer this claim's (it was handed to another worker): the result will be discarded.</summary>
    bool Heartbeat(TrialClaim claim);

    /// <summary>Writes the claim's result, once. A retry of a completion that was written (its
    /// answer lost) reports <see cref="CompletionOutcome.AlreadyWritten"/>; a result for a trial
    /// that was handed to another worker is <see cref="CompletionOutcome.Discarded"/> and not written.</summary>
    Completion Complete(TrialClaim claim, TrialRecord record);

    /// <summary>Every trial of the study, in order: its state, worker, attempts, and result once done.</summary>
    IReadOnlyList<StudyTrial> List(string studyId);

    /// <summary>Counts of pending, running and done trials.</summary>
    StudyProgress Progress(string studyId);
}

/// <summary>A trial held by a worker. <see cref="Attempt"/> counts the claims of this trial; only
/// the latest claim may heartbeat or complete it (a fencing token).</summary>
/// <param name="StudyId">The study.</param>
/// <param name="Trial">The trial number, from 1.</param>
/// <param name="Worker">The worker holding it.</param>
/// <param name="Attempt">1 for the first claim, 2 after the trial was handed out again, ...</param>
public sealed record TrialClaim(string StudyId, int Trial, string Worker, int Attempt)
{
    /// <inheritdoc/>
    public override string ToString() => $"{StudyId} #{Trial} (attempt {Attempt}, {Worker})";
}

/// <summary>The state of a trial in a study.</summary>
public enum TrialState
{
    /// <summary>Not yet claimed.</summary>
    Pending,
    /// <summary>Claimed by a worker, training.</summary>
    Running,
    /// <summary>Its result is written.</summary>
    Done,
}

/// <summary>One trial of a study as the store holds it.</summary>
/// <param name="Trial">Trial number, from 1.</param>
/// <param name="State">Pending, running or done.</param>
/// <param name="Worker">The worker that holds or finished it; null while pending.</param>
/// <param name="Attempts">How many times it was claimed.</param>
/// <param name="HeartbeatUtc">The last sign of life of its worker (running trials).</param>
/// <param name="Record">The result, once done.</param>
public sealed record StudyTrial(int Trial, TrialState State, string? Worker, int Attempts, DateTime? HeartbeatUtc, TrialRecord? Record);

/// <summary>How far a study is.</summary>
/// <param name="Pending">Trials nobody has claimed.</param>
/// <param name="Running">Trials being trained (or whose worker died, until the timeout hands them out again).</param>
/// <param name="Done">Trials with a result.</param>
public sealed record StudyProgress(int Pending, int Running, int Done)
{
    /// <summary>Every trial is done.</summary>
    public bool Finished => Pending == 0 && Running == 0;

    /// <inheritdoc/>
    public override string ToString() => $"{Done} done, {Running} running, {Pending} pending";
}

/// <summary>What happened to a result handed to <see cref="IStudyStore.Complete"/>.</summary>
public enum CompletionOutcome
{
    /// <summary>Written now.</summary>
    Written,
    /// <summary>This claim's result was already written (a retry after a lost answer): success, not a duplicate.</summary>
    AlreadyWritten,
    /// <summary>The trial was handed to another worker (this one's heartbeat stopped); the result was not written.</summary>
    Discarded,
}

/// <summary>The answer of <see cref="IStudyStore.Complete"/>.</summary>
/// <param name="Outcome">Written, already written, or discarded.</param>
/// <param name="Message">What happened, in words.</param>
public sealed record Completion(CompletionOutcome Outcome, string Message)
{
    /// <summary>The result is in the store (written now or before).</summary>
    public bool Stored => Outcome != CompletionOutcome.Discarded;

    /// <inheritdoc/>
    public override string ToString() => Message;
}
