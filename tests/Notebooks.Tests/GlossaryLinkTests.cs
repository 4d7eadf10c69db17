using System.Text.Json;
using System.Text.RegularExpressions;

namespace Notebooks.Tests;

/// <summary>Every <c>glossary.md#anchor</c> link in a notebook names a heading of notebooks/glossary.md,
/// in the course's anchor scheme (lowercase, words joined by hyphens).</summary>
public partial class GlossaryLinkTests
{
    private static string GlossaryPath => Path.Combine(LessonNotebooks.Root, "notebooks", "glossary.md");

    [Fact]
    public void Every_glossary_link_in_the_notebooks_resolves_to_a_heading()
    {
        var anchors = Anchors(File.ReadAllText(GlossaryPath));

        var problems = Problems(LessonNotebooks.Paths, anchors, out int links);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(links > 0, "no notebook links to the glossary: is the check looking in the right place?");
    }

    [Fact]
    public void The_glossary_uses_the_anchor_scheme_and_has_no_duplicate_headings()
    {
        var headings = Headings(File.ReadAllText(GlossaryPath)).ToList();
        Assert.True(headings.Count > 50, $"only {headings.Count} terms");
        Assert.All(headings, h => Assert.Matches(Scheme(), Slug(h)));
        Assert.Equal(headings.Count, headings.Select(Slug).Distinct().Count());
        foreach (var term in new[] { "weight-decay", "learning-rate", "cross-entropy", "r-squared", "l1-penalty", "l2-penalty", "stratified-split", "vanishing-gradients" })
            Assert.Contains(term, headings.Select(Slug));
    }

    [Fact]
    public void A_missing_anchor_and_one_outside_the_scheme_are_each_reported()
    {
        using var notebook = new TempNotebook("glossary-links", "// see [the rate](glossary.md#learning-rate)");
        File.WriteAllText(notebook.Path, File.ReadAllText(notebook.Path).Replace("# A test notebook",
            "A [weight decay](glossary.md#weight-decay), a [typo](glossary.md#wieght-decay) and [caps](glossary.md#Weight_Decay)."));
        var anchors = Anchors("# Glossary\n\n## Weight decay\ntext\n\n## Learning rate\ntext\n");

        var problems = Problems([notebook.Path], anchors, out int links);

        Assert.Equal(4, links);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("#wieght-decay") && p.Contains("no heading"));
        Assert.Contains(problems, p => p.Contains("#Weight_Decay") && p.Contains("lowercase"));
    }

    [Theory]
    [InlineData("Weight decay", "weight-decay")]
    [InlineData("R-squared", "r-squared")]
    [InlineData("Learning-rate finder", "learning-rate-finder")]
    [InlineData("L1 penalty", "l1-penalty")]
    [InlineData("Fashion-MNIST", "fashion-mnist")]
    public void Headings_become_anchors_as_on_GitHub(string heading, string anchor) => Assert.Equal(anchor, Slug(heading));

    /// <summary>Each broken glossary link of the notebooks, with the notebook and cell.</summary>
    internal static List<string> Problems(IEnumerable<string> notebooks, IReadOnlySet<string> anchors, out int links)
    {
        var problems = new List<string>();
        links = 0;
        foreach (string path in notebooks)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            int cell = 0;
            foreach (var c in doc.RootElement.GetProperty("cells").EnumerateArray())
            {
                cell++;
                var source = c.GetProperty("source");
                string text = source.ValueKind == JsonValueKind.Array ? string.Concat(source.EnumerateArray().Select(s => s.GetString())) : source.GetString() ?? "";
                foreach (Match m in Link().Matches(text))
                {
                    links++;
                    string anchor = m.Groups["anchor"].Value;
                    string where = $"{Path.GetFileName(path)} cell {cell}: glossary.md#{anchor}";
                    if (!Scheme().IsMatch(anchor)) problems.Add($"{where}: anchors are lowercase words joined by hyphens (e.g. #weight-decay)");
                    else if (!anchors.Contains(anchor)) problems.Add($"{where}: no heading of glossary.md has this anchor");
                }
            }
        }
        return problems;
    }

    /// <summary>The anchors of a Markdown file's headings.</summary>
    internal static IReadOnlySet<string> Anchors(string markdown) => Headings(markdown).Select(Slug).ToHashSet();

    private static IEnumerable<string> Headings(string markdown) =>
        markdown.Split('\n').Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim());

    /// <summary>GitHub's heading anchor: lowercase, punctuation other than hyphens dropped, spaces as hyphens.</summary>
    internal static string Slug(string heading) =>
        new string(heading.ToLowerInvariant().Where(ch => char.IsLetterOrDigit(ch) || ch == '-' || ch == ' ').ToArray()).Replace(' ', '-');

    [GeneratedRegex(@"glossary\.md#(?<anchor>[^)\s""'>]+)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Scheme();
}
