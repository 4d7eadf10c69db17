using Course;
using Course.Cli;

namespace Notebooks.Tests;

/// <summary>The lesson notebooks found in the repository's <c>notebooks/</c> folder.</summary>
public static class LessonNotebooks
{
    /// <summary>The repository root (the folder holding Course.sln).</summary>
    public static string Root => RepoRoot.Find();

    /// <summary>Every <c>notebooks/*.ipynb</c>, in name order.</summary>
    public static IReadOnlyList<string> Paths => NotebookSelection.All(Path.Combine(Root, "notebooks"));

    /// <summary>Theory data: one row per notebook file name (a placeholder row if there are none, so the theory still runs).</summary>
    public static IEnumerable<object[]> FileNames()
    {
        var names = Paths.Select(p => new object[] { Path.GetFileName(p) }).ToList();
        return names.Count > 0 ? names : [[NoNotebooks]];
    }

    /// <summary>The placeholder row's value.</summary>
    public const string NoNotebooks = "(no notebooks yet)";
}
