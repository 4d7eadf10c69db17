using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Notebooks.Tests;

/// <summary>samples/own-data is an example outside the course: it may use only the core library, its CSV is the one
/// its README describes, and CI runs it (.ci/run fails when it fails).</summary>
public class OwnDataSampleTests
{
    private static readonly string Folder = Path.Combine(LessonNotebooks.Root, "samples", "own-data");

    // Namespaces of the course's other layers (charts, lessons, notebook glue, plain-C# output).
    private static readonly string[] NotCore = ["HyperLab.Charts", "HyperLab.Claims", "HyperLab.Exercises", "HyperLab.Scripting", "HyperLab.Summary",
        "HyperLab.Demonstrations", "HyperLab.Confusions", "HyperLab.Lessons", "HyperLab.Interactive", "HyperLab.Studies.Postgres", "Plotly", "Microsoft.DotNet"];

    [Fact]
    public void The_sample_references_only_the_core_library()
    {
        string source = File.ReadAllText(Path.Combine(Folder, "own-data.cs"));

        var projects = Regex.Matches(source, @"^#:project (.+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.NotEmpty(projects);
        Assert.All(projects, p => Assert.Matches(@"^\.\./\.\./src/HyperLab(\.Platform)?/HyperLab(\.Platform)?\.csproj$", p));
        Assert.DoesNotMatch(@"^#:package", source);
        var usings = Regex.Matches(source, @"^using ([\w.]+);", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("HyperLab.Finder", usings);
        Assert.Contains("HyperLab.Tracking", usings);
        Assert.All(usings, u => Assert.DoesNotContain(NotCore, n => u == n || u.StartsWith(n + ".", StringComparison.Ordinal)));
    }

    [Fact]
    public void Its_csv_is_the_one_the_readme_names_and_ci_runs_it()
    {
        string csv = Path.Combine(Folder, "wine.csv");
        string hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(csv)));
        Assert.Contains(hash, File.ReadAllText(Path.Combine(Folder, "README.md")));
        Assert.Equal(179, File.ReadAllLines(csv).Length);   // header + 178 wines
        Assert.Contains("dotnet run own-data.cs", File.ReadAllText(Path.Combine(LessonNotebooks.Root, ".ci", "run")));
    }
}
