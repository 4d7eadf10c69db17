using System.Text.RegularExpressions;
using Course;

namespace Notebooks.Tests;

/// <summary>The teacher's guide (docs/teaching.md) covers every lesson in notebooks/: a heading per
/// lesson, each with the places learners get stuck, the answers and questions for discussion.</summary>
public sealed class TeachingGuideTests
{
    [Fact]
    public void The_teachers_guide_covers_every_lesson_with_stuck_points_answers_and_discussion()
    {
        string root = RepoRoot.Find();
        string guide = File.ReadAllText(Path.Combine(root, "docs", "teaching.md"));
        var lessons = Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb")
            .Select(Path.GetFileName).Select(n => n![..2]).Where(n => n.All(char.IsAsciiDigit)).Order().ToList();
        Assert.NotEmpty(lessons);

        var missing = new List<string>();
        foreach (string lesson in lessons)
        {
            var heading = Regex.Match(guide, $@"^### {lesson} · .*$", RegexOptions.Multiline);
            if (!heading.Success) { missing.Add($"{lesson}: no heading \"### {lesson} · …\""); continue; }
            int end = guide.IndexOf("\n### ", heading.Index + heading.Length, StringComparison.Ordinal);
            string section = end < 0 ? guide[heading.Index..] : guide[heading.Index..end];
            foreach (string part in new[] { "**Where learners get stuck**", "**Answers**", "**Questions for discussion**" })
                if (!section.Contains(part, StringComparison.Ordinal)) missing.Add($"{lesson}: no {part}");
        }
        Assert.True(missing.Count == 0, "docs/teaching.md: " + string.Join("; ", missing));
        Assert.Contains("### Three hours", guide);
        Assert.Contains("### A full day", guide);
    }
}
