using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Course.Runner;

namespace Course.Site;

/// <summary>
/// A page's headings: gives each a unique id (cells are converted one by one, so two "Your turn" headings would
/// share one) and an anchor link, lists them for the on-page contents, and cuts the page into sections for the
/// search index.
/// </summary>
public static partial class PageOutline
{
    /// <summary>The class of the anchor link added to every heading.</summary>
    public const string AnchorClass = "anchor";

    /// <summary>The page with unique heading ids and anchor links, and its headings in order.</summary>
    public static (string Html, IReadOnlyList<Heading> Headings) Anchor(string html)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var headings = new List<Heading>();
        string result = HeadingTag().Replace(html, m =>
        {
            int level = m.Groups["level"].Value[0] - '0';
            string inner = m.Groups["inner"].Value;
            string id = m.Groups["id"].Success ? m.Groups["id"].Value : "section";
            string unique = id;
            for (int n = 1; !used.Add(unique); n++) unique = $"{id}-{n}";
            headings.Add(new Heading(level, unique, HtmlText.From(inner)));
            return $"<h{level} id=\"{unique}\">{inner}<a class=\"{AnchorClass}\" href=\"#{unique}\" aria-label=\"Link to this section\">#</a></h{level}>";
        });
        return (result, headings);
    }

    /// <summary>The on-page contents: the level-2 and level-3 headings as nested links (empty when there are none).</summary>
    public static string Contents(IReadOnlyList<Heading> headings)
    {
        var listed = headings.Where(h => h.Level is 2 or 3).ToList();
        if (listed.Count == 0) return "";
        var html = new StringBuilder("<ul>");
        foreach (var h in listed)
            html.Append($"<li class=\"toc-h{h.Level}\"><a href=\"#{h.Id}\">{WebUtility.HtmlEncode(h.Text)}</a></li>");
        return html.Append("</ul>").ToString();
    }

    /// <summary>The page cut at its headings (levels 1-3) into searchable sections of text; outputs between
    /// <see cref="LessonPage.OutputsStart"/> and <see cref="LessonPage.OutputsEnd"/> are left out.</summary>
    /// <param name="html">The page body after <see cref="Anchor"/>.</param>
    /// <param name="page">The page's file name.</param>
    /// <param name="pageTitle">The page's title, the prefix of every section's title.</param>
    /// <param name="maxChars">The most text kept per section.</param>
    public static IEnumerable<SearchSection> Sections(string html, string page, string pageTitle, int maxChars = 1200)
    {
        html = Outputs().Replace(html, " ");
        var cuts = HeadingTag().Matches(html).Where(m => m.Groups["level"].Value[0] <= '3').ToList();
        for (int i = -1; i < cuts.Count; i++)
        {
            int start = i < 0 ? 0 : cuts[i].Index + cuts[i].Length;
            int end = i + 1 < cuts.Count ? cuts[i + 1].Index : html.Length;
            string text = string.Join(" ", HtmlText.From(html[start..end], maxChars).Split('\n'));
            if (i < 0 && text.Length == 0) continue;
            string title = i < 0 ? pageTitle : HtmlText.From(AnchorLink().Replace(cuts[i].Groups["inner"].Value, ""));
            string url = i < 0 ? page : $"{page}#{cuts[i].Groups["id"].Value}";
            yield return new SearchSection(url, title == pageTitle ? pageTitle : $"{pageTitle} › {title}", text);
        }
    }

    [GeneratedRegex("<h(?<level>[1-6])(?: id=\"(?<id>[^\"]*)\")?>(?<inner>.*?)</h\\k<level>>", RegexOptions.Singleline)]
    private static partial Regex HeadingTag();

    [GeneratedRegex("<a class=\"" + AnchorClass + "\"[^>]*>#</a>")]
    private static partial Regex AnchorLink();

    [GeneratedRegex("<!--outputs-->.*?<!--/outputs-->", RegexOptions.Singleline)]
    private static partial Regex Outputs();
}

/// <summary>One heading of a page.</summary>
/// <param name="Level">1-6.</param>
/// <param name="Id">Its unique id (the anchor).</param>
/// <param name="Text">Its text.</param>
public sealed record Heading(int Level, string Id, string Text);

/// <summary>One entry of the site's search index.</summary>
/// <param name="Url">The page and anchor.</param>
/// <param name="Title">Page title › heading.</param>
/// <param name="Text">The section's text (prose and code, no outputs), shortened.</param>
public sealed record SearchSection(string Url, string Title, string Text);
