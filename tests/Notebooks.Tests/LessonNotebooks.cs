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

    /// <summary>Theory data: one row per (notebook file name, seed), the seeds from <see cref="Seeds"/>; a placeholder
    /// row if there are no notebooks, so the theory runs and fails saying so.</summary>
    public static IEnumerable<object[]> FileNames()
    {
        var seeds = Seeds(Environment.GetEnvironmentVariable(SeedsVariable));
        var rows = Paths.SelectMany(p => seeds.Select(seed => new object[] { Path.GetFileName(p), seed })).ToList();
        return rows.Count > 0 ? rows : [[NoNotebooks, 0]];
    }

    /// <summary>The environment variable that lists the seeds every lesson is run with, e.g. "0,1,7"; default "0".</summary>
    public const string SeedsVariable = "COURSE_TEST_SEEDS";

    /// <summary>Parses a comma-separated seed list ("0,1,7"); null or blank gives [0].</summary>
    /// <exception cref="ArgumentException">An entry is not a whole number.</exception>
    public static IReadOnlyList<int> Seeds(string? list)
    {
        if (string.IsNullOrWhiteSpace(list)) return [0];
        return list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int seed)
                ? seed
                : throw new ArgumentException($"{SeedsVariable}=\"{list}\": \"{s}\" is not a whole number. Give seeds like 0,1,7.", nameof(list)))
            .Distinct().ToList();
    }

    /// <summary>The placeholder row's value.</summary>
    public const string NoNotebooks = "(no notebooks yet)";
}
