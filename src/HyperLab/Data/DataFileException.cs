namespace HyperLab.Data;

/// <summary>
/// A course data file is missing or is not the file the course was written for (its SHA-256 differs).
/// The message names the file, the expected and the found SHA-256, and how to restore the file.
/// </summary>
public sealed class DataFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/> found at <paramref name="path"/>.</summary>
    /// <param name="file">The catalogue entry that failed its check.</param>
    /// <param name="path">Where the file was looked for.</param>
    /// <param name="actualSha256">The SHA-256 found, lower-case hex; <c>null</c> when the file is missing.</param>
    /// <param name="actualBytes">The file's size in bytes; default <c>null</c> (missing or unknown).</param>
    public DataFileException(DataFile file, string path, string? actualSha256, long? actualBytes = null)
        : base(Describe(file, path, actualSha256, actualBytes))
    {
        ArgumentNullException.ThrowIfNull(file);
        File = file;
        FilePath = path;
        ActualSha256 = actualSha256;
    }

    /// <summary>The catalogue entry (relative path, size and SHA-256 the course expects).</summary>
    public DataFile File { get; }

    /// <summary>The full path that was checked.</summary>
    public string FilePath { get; }

    /// <summary>The expected SHA-256 (lower-case hex).</summary>
    public string ExpectedSha256 => File.Sha256;

    /// <summary>The SHA-256 found (lower-case hex), or <c>null</c> when the file is missing.</summary>
    public string? ActualSha256 { get; }

    /// <summary>True when the file does not exist; false when it exists but differs.</summary>
    public bool IsMissing => ActualSha256 is null;

    private static string Describe(DataFile file, string path, string? actual, long? bytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        var found = actual is null
            ? "found no file there"
            : $"found SHA-256 {actual}{(bytes is { } b ? $" ({b:N0} bytes, expected {file.Bytes:N0})" : "")}";
        var what = actual is null ? "is missing" : "has been altered or damaged";
        return $"Course data file '{file.RelativePath}' {what}: {path}. " +
               $"Expected SHA-256 {file.Sha256}, {found}. " +
               $"Fix: restore it with `git checkout -- data/{file.RelativePath}` from the repository root, " +
               $"or copy it again from the original source named in data/README.md. " +
               $"(The data folder in use is chosen by the COURSE_DATA environment variable when set, " +
               $"else the nearest folder above the current one that contains data/README.md.)";
    }
}
