namespace Course;

/// <summary>Finds the course's repository root: the folder that holds <c>Course.sln</c>.</summary>
public static class RepoRoot
{
    /// <summary>The marker file that identifies the repository root.</summary>
    public const string MarkerFile = "Course.sln";

    /// <summary>
    /// Walks up from the app's own folder (<c>AppContext.BaseDirectory</c>), then from the current
    /// directory, to the first folder holding <c>Course.sln</c>.
    /// </summary>
    /// <returns>The repository root, or null if neither walk finds one.</returns>
    public static string? TryFind() =>
        WalkUp(AppContext.BaseDirectory) ?? WalkUp(Environment.CurrentDirectory);

    /// <summary>Like <see cref="TryFind"/>, but throws a helpful error when there is no repository root.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither walk found <c>Course.sln</c>.</exception>
    public static string Find() =>
        TryFind() ?? throw new DirectoryNotFoundException(
            $"Could not find the course repository: no {MarkerFile} above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}. " +
            "Run from inside the repository, e.g. `dotnet run --project src/Course -- run`.");

    /// <summary>The first folder at or above <paramref name="start"/> holding <c>Course.sln</c>, or null.</summary>
    public static string? WalkUp(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, MarkerFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
