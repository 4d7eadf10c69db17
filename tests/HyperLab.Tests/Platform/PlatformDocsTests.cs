using System.Text.RegularExpressions;

namespace HyperLab.Tests.Platform;

/// <summary>Code comments cite platform facts by their section in docs/platform.md, which is in this repository: every
/// cited anchor exists, and no comment cites a file outside the repository or an issue number instead of the reason.</summary>
public partial class PlatformDocsTests
{
    /// <summary>The repository root (the folder holding docs/platform.md).</summary>
    internal static readonly string Root = FindRoot();

    [Fact]
    public void Every_cited_platform_md_anchor_is_a_heading_of_docs_platform_md()
    {
        string doc = File.ReadAllText(Path.Combine(Root, "docs", "platform.md"));
        var anchors = Heading().Matches(doc).Select(m => Slug(m.Groups[1].Value)).ToHashSet();
        Assert.Contains("p4-the-openmp-wait-policy-is-read-once", anchors);

        var cited = SourceFiles().SelectMany(f => Cited().Matches(File.ReadAllText(f)).Select(m => (File: f, Anchor: m.Groups[1].Value)))
            .Concat(DocLink().Matches(doc).Select(m => (File: "docs/platform.md", Anchor: m.Groups[1].Value)))
            .ToList();
        Assert.True(cited.Count > 10, $"only {cited.Count} citations found: is the scan looking in the right place?");
        var broken = cited.Where(c => !anchors.Contains(c.Anchor)).Select(c => $"{Path.GetRelativePath(Root, c.File)}: #{c.Anchor}").ToList();
        Assert.True(broken.Count == 0, "anchors not in docs/platform.md:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void No_comment_cites_DESIGN_md_or_an_issue_number()
    {
        var found = new List<string>();
        foreach (string file in SourceFiles())
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                var comment = CommentStart().Match(lines[i]);
                if (!comment.Success) continue;
                string text = lines[i][comment.Index..];
                if (text.Contains("DESIGN.md", StringComparison.Ordinal) || IssueNumber().IsMatch(text))
                    found.Add($"{Path.GetRelativePath(Root, file)}:{i + 1}: {text.Trim()}");
            }
        }
        Assert.True(found.Count == 0, "say the reason (or point to docs/platform.md) instead:\n" + string.Join('\n', found));
    }

    [Fact]
    public void The_slug_rule_matches_GitHub_for_the_awkward_headings()
    {
        Assert.Equal("p2-torchsharp-asks-for-a-newer-libstdc", Slug("P2. TorchSharp asks for a newer libstdc++"));
        Assert.Equal("p12-plain-c-lessons-are-file-based-apps", Slug("P12. Plain C# lessons are file-based apps"));
        Assert.Equal("p7-torchsharps-optimizers-race-the-garbage-collector", Slug("P7. TorchSharp's optimizers race the garbage collector"));
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation other than '-' and '_' dropped, spaces to '-'.</summary>
    private static string Slug(string heading) =>
        new string(heading.Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-');

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "docs", "platform.md"))) return dir.FullName;
        throw new DirectoryNotFoundException("docs/platform.md not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^#{2,3} (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"platform\.md#([a-z0-9_-]+)")]
    private static partial Regex Cited();

    [GeneratedRegex(@"\]\(#([a-z0-9_-]+)\)")]
    private static partial Regex DocLink();

    /// <summary>The word issue (or issues) followed by a number, or a hash followed by two or three digits (a trial's
    /// hash-and-one-digit is not an issue).</summary>
    [GeneratedRegex(@"\b[Ii]ssues? \d+|(?<![\w&])#\d{2,3}\b")]
    private static partial Regex IssueNumber();

    /// <summary>Where a line comment starts ("//" not part of a URL's "://").</summary>
    [GeneratedRegex(@"(?<!:)//")]
    private static partial Regex CommentStart();
}
