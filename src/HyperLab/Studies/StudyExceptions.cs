namespace HyperLab.Studies;

/// <summary>A study cannot be used as asked; the message says why and what to do.</summary>
public class StudyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No study of that id exists in the store.</summary>
public sealed class StudyNotFoundException(string studyId, string store) : StudyException(
    $"There is no study '{studyId}' in {store}. Create it first (course study create --id {studyId}, or the notebook cell that creates it), or check the id and the store: the teacher's create printed both.")
{
    /// <summary>The id asked for.</summary>
    public string StudyId { get; } = studyId;
}

/// <summary>A worker's search is not the one stored under that id.</summary>
public sealed class StudyMismatchException(string studyId, string difference) : StudyException(
    $"The search built here is not study '{studyId}' as stored; they do not match in {difference}. Every worker must build the same search space, baseline, data, " +
    "trial count and seed as the study's creator (use the same notebook or course version); or create a study under a new id.")
{
    /// <summary>The study's id.</summary>
    public string StudyId { get; } = studyId;
}

/// <summary>The store or a study was written by another schema version of the course.</summary>
public sealed class StudySchemaException(string what, int found, int expected) : StudyException(
    $"{what} has schema version {found}; this course build reads version {expected}. " +
    (found > expected
        ? "Update the course (git pull, then dotnet build) on this machine, or use another database or folder for this build."
        : "It was made by an older course: create a new study under a new id (or in a new database), or export the old one with the older build."))
{
    /// <summary>The version found.</summary>
    public int Found { get; } = found;

    /// <summary>The version this build reads.</summary>
    public int Expected { get; } = expected;
}
