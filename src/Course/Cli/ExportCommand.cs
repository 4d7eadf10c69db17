using Course.Export;

namespace Course.Cli;

/// <summary><c>course export [lessons...] [--out DIR]</c>: writes each lesson as a .NET 10 file-based app
/// (default folder <c>lessons/</c>) that runs with <c>dotnet run lessons/NN-name.cs</c>.</summary>
public static class ExportCommand
{
    /// <summary>Parses the arguments after <c>export</c> and writes the programs.</summary>
    /// <returns>0 on success, 2 on bad usage.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter log)
    {
        string root = RepoRoot.Find();
        string output = Path.Combine(root, "lessons");
        var selectors = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Count) output = Path.GetFullPath(args[++i]);
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) { log.WriteLine($"export: unknown option '{args[i]}'. Usage: course export [lessons...] [--out DIR]"); return 2; }
            else selectors.Add(args[i]);
        }
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
