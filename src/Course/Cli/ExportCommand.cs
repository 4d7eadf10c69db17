using Course.Export;

namespace Course.Cli;

/// <summary><c>course export [lessons...] [--out DIR]</c>: writes each lesson as a .NET 10 file-based app
/// (default folder <c>lessons/</c>) that runs with <c>dotnet run lessons/NN-name.cs</c>.</summary>
public static class ExportCommand
{
    /// <summary>Writes the chosen lessons as programs.</summary>
    /// <param name="selectors">Lesson selectors; empty for all.</param>
    /// <param name="outDir">The folder; null for lessons/.</param>
    /// <param name="log">Where progress goes.</param>
    /// <returns>0 on success, 2 when no notebook matched.</returns>
    public static int Run(IReadOnlyList<string> selectors, string? outDir, TextWriter log)
    {
        string root = RepoRoot.Find();
        string output = outDir ?? Path.Combine(root, "lessons");
        var chosen = NotebookSelection.Select(Path.Combine(root, "notebooks"), selectors, out var unmatched);
        if (unmatched.Count > 0 || chosen.Count == 0)
        {
            log.WriteLine($"export: no notebook matches {string.Join(", ", unmatched)}");
            return 2;
        }
        foreach (string file in LessonExporter.ExportAll(chosen, output, Path.Combine(root, "src", "HyperLab.Lessons", "HyperLab.Lessons.csproj")))
            log.WriteLine($"wrote {Path.GetRelativePath(root, file)}");
        log.WriteLine("Run one from the repository root, e.g. dotnet run lessons/00-parameters-and-hyperparameters.cs");
        return 0;
    }
}
