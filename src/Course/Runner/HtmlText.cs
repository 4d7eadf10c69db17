using System.Net;
using System.Text.RegularExpressions;

namespace Course.Runner;

/// <summary>Plain text from a small HTML output (a table, a line): for outputs that came without a text form
/// (published lessons) and for the runner's console echo.</summary>
public static partial class HtmlText
{
    /// <summary>The text a reader would see: scripts and styles dropped, one line per table row or block,
    /// cells separated by two spaces, entities decoded, at most <paramref name="maxLength"/> characters.</summary>
    public static string From(string html, int maxLength = 4000)
    {
        string text = Hidden().Replace(html, "");
        text = CellEnd().Replace(text, "\t");
        text = LineEnd().Replace(text, "\n");
        text = WebUtility.HtmlDecode(Tag().Replace(text, ""));
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim().Replace("\t", "  ").TrimEnd()).Where(l => l.Length > 0);
        text = string.Join("\n", lines);
        return text.Length <= maxLength ? text : text[..maxLength] + "…";
    }

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"</t[dh]\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex CellEnd();

    [GeneratedRegex(@"<br\s*/?>|</(tr|div|p|li|h[1-6]|table)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineEnd();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \u00a0]+")]
    private static partial Regex Spaces();
}
