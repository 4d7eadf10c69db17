using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using HyperLab.Lessons.Claims;

namespace HyperLab.Tests.Claims;

/// <summary>
/// The claim registry: every check in notebooks/ has a stable id (lesson and number), ids are unique,
/// and every <see cref="ClaimKind.Claim"/> has a negative control in this test assembly
/// (<see cref="NegativeControlAttribute"/>). Demonstrations need none: they are not counted as proof.
/// </summary>
public partial class ClaimRegistryTests
{
    /// <summary>One check found in a notebook.</summary>
    public sealed record Entry(string Notebook, string Id, ClaimKind Kind);

    [GeneratedRegex(@"Claim\.(Check|Demonstrate)\(\s*(""[^""]*""|[^,)]*)")]
    private static partial Regex CheckCall();

    /// <summary>Every claim check and demonstration in the lesson notebooks, in order.</summary>
    public static IReadOnlyList<Entry> Entries()
    {
        var entries = new List<Entry>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepoRoot(), "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
            {
                if (cell.GetProperty("cell_type").GetString() != "code") continue;
                var source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString()));
                foreach (Match m in CheckCall().Matches(source))
                    entries.Add(new Entry(Path.GetFileName(path), m.Groups[2].Value.Trim('"'),
                        m.Groups[1].Value == "Check" ? ClaimKind.Claim : ClaimKind.Demonstration));
            }
        }
        return entries;
    }

    /// <summary>Claim ids that have a negative-control test.</summary>
    public static IReadOnlySet<string> Controlled() =>
        typeof(ClaimRegistryTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            .SelectMany(m => m.GetCustomAttributes<NegativeControlAttribute>())
            .SelectMany(a => a.ClaimIds).ToHashSet();

    [Fact]
    public void Every_check_has_a_well_formed_id_of_its_own_lesson_used_once()
    {
        var entries = Entries();
        Assert.NotEmpty(entries);
        var bad = entries.Where(e => !ClaimId.Pattern().IsMatch(e.Id) || e.Id[..2] != e.Notebook[..2]).Select(e => $"{e.Notebook}: \"{e.Id}\"").ToList();
        Assert.True(bad.Count == 0, "Checks without a well-formed id of their lesson (\"NN.k\"):\n" + string.Join("\n", bad));
        var twice = entries.GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "Ids used twice: " + string.Join(", ", twice));
    }

    [Fact]
    public void Every_claim_has_a_negative_control()
    {
        var controlled = Controlled();
        var missing = Entries().Where(e => e.Kind == ClaimKind.Claim && !controlled.Contains(e.Id)).Select(e => $"{e.Id} ({e.Notebook})").ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} claims have no negative control (a test tagged [NegativeControl(\"id\")] that feeds the check an outcome without the effect and asserts it fails):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_negative_control_names_a_claim_that_exists()
    {
        var ids = Entries().Where(e => e.Kind == ClaimKind.Claim).Select(e => e.Id).ToHashSet();
        var stale = Controlled().Where(id => !ids.Contains(id)).Order(StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "Negative controls for ids that are no claim in notebooks/ (renumbered, removed or a demonstration): " + string.Join(", ", stale));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Course.sln not found above " + AppContext.BaseDirectory);
    }
}
