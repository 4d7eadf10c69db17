using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Notebooks.Tests;

/// <summary>Every <c>#r "nuget: ..."</c> in a notebook pins the version that Directory.Packages.props pins.</summary>
public partial class PinnedPackageTests
{
    [Fact]
    public void The_Codespace_warm_up_runs_the_lessons_setup_cells()
    {
        static List<string> Code(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString()))).ToList();
        var warm = Code(Path.Combine(LessonNotebooks.Root, ".devcontainer", "warm-up.ipynb"));
        var lesson = Code(Path.Combine(LessonNotebooks.Root, "notebooks", "00-parameters-and-hyperparameters.ipynb"));
        Assert.Equal(lesson.Take(2), warm.Take(2));
    }

    [Fact]
    public void Every_nuget_reference_in_the_notebooks_uses_the_central_package_version()
    {
        var pinned = CentralVersions(Path.Combine(LessonNotebooks.Root, "Directory.Packages.props"));

        var notebooks = LessonNotebooks.Paths.Append(Path.Combine(LessonNotebooks.Root, ".devcontainer", "warm-up.ipynb")).ToList();
        var problems = Problems(notebooks, pinned, out int checkedReferences);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(LessonNotebooks.Paths.Count == 0 || checkedReferences > 0, "the notebooks reference no NuGet package: is the check looking in the right place?");
    }

    [Fact]
    public void Wrong_missing_and_unknown_versions_are_each_reported()
    {
        using var notebook = new TempNotebook("pins",
            "#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"nuget: Plotly.NET, 5.1.0\"",
            "#r \"nuget: Plotly.NET.CSharp\"\n#r \"nuget: Newtonsoft.Json, 13.0.3\"");
        var pinned = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["TorchSharp-cpu"] = "0.107.0",
            ["Plotly.NET"] = "6.0.0",
            ["Plotly.NET.CSharp"] = "0.14.0",
        };

        var problems = Problems([notebook.Path], pinned, out int checkedReferences);

        Assert.Equal(4, checkedReferences);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("cell 2") && p.Contains("version 5.1.0, but Directory.Packages.props pins 6.0.0"));
        Assert.Contains(problems, p => p.Contains("cell 3") && p.Contains("Plotly.NET.CSharp") && p.Contains("no version"));
        Assert.Contains(problems, p => p.Contains("Newtonsoft.Json is not in Directory.Packages.props"));
    }

    /// <summary>Every <c>#r "nuget:"</c> line of the notebooks that lacks a version or differs from <paramref name="pinned"/>.</summary>
    internal static List<string> Problems(IEnumerable<string> notebooks, IReadOnlyDictionary<string, string> pinned, out int checkedReferences)
    {
        var problems = new List<string>();
        checkedReferences = 0;
        foreach (string notebook in notebooks)
        {
            foreach (var (cell, line) in CodeLines(notebook).Where(x => NuGetDirective().IsMatch(x.Line)))
            {
                checkedReferences++;
                string where = $"{Path.GetFileName(notebook)} cell {cell}: {line.Trim()}";
                var match = PinnedReference().Match(line);
                if (!match.Success)
                {
                    problems.Add($"{where}: no version (write #r \"nuget: NAME, VERSION\")");
                    continue;
                }

                string name = match.Groups["name"].Value;
                string version = match.Groups["version"].Value;
                if (!pinned.TryGetValue(name, out string? expected))
                {
                    problems.Add($"{where}: {name} is not in Directory.Packages.props");
                }
                else if (version != expected)
                {
                    problems.Add($"{where}: version {version}, but Directory.Packages.props pins {expected}");
                }
            }
        }

        return problems;
    }

    /// <summary>Package id (case-insensitive) to version, from the central package file.</summary>
    internal static Dictionary<string, string> CentralVersions(string propsPath) =>
        XDocument.Load(propsPath).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);

    /// <summary>Each line of each code cell, with the cell's 1-based number among all cells.</summary>
    internal static IEnumerable<(int Cell, string Line)> CodeLines(string notebookPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(notebookPath));
        int number = 0;
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
        {
            number++;
            if (cell.GetProperty("cell_type").GetString() != "code")
            {
                continue;
            }

            var source = cell.GetProperty("source");
            string text = source.ValueKind == JsonValueKind.Array
                ? string.Concat(source.EnumerateArray().Select(s => s.GetString()))
                : source.GetString() ?? "";
            foreach (string line in text.Split('\n'))
            {
                yield return (number, line);
            }
        }
    }

    [Fact]
    public void The_directive_patterns_accept_pinned_and_flag_unpinned_references()
    {
        Assert.Matches(PinnedReference(), "#r \"nuget: TorchSharp-cpu, 0.107.0\"");
        Assert.Matches(PinnedReference(), "  #r \"nuget:Plotly.NET,6.0.0\"  // charts");
        Assert.Matches(NuGetDirective(), "#r \"nuget: Plotly.NET\"");
        Assert.DoesNotMatch(PinnedReference(), "#r \"nuget: Plotly.NET\"");
        Assert.DoesNotMatch(PinnedReference(), "#r \"nuget: Plotly.NET, \"");
        Assert.DoesNotMatch(NuGetDirective(), "#r \"../artifacts/lib/HyperLab.dll\"");
    }

    [GeneratedRegex(@"^\s*#r\s+""nuget:", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetDirective();

    [GeneratedRegex(@"^\s*#r\s+""nuget:\s*(?<name>[^,""\s]+)\s*,\s*(?<version>[^,""\s]+)\s*""", RegexOptions.IgnoreCase)]
    private static partial Regex PinnedReference();
}
