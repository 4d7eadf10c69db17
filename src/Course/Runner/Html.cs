using System.Net;
using System.Text.RegularExpressions;

namespace Course.Runner;

/// <summary>Rough HTML-to-text for console echo: drops scripts, styles and tags, decodes entities.</summary>
internal static partial class Html
{
    /// <summary>The visible text of an HTML fragment, whitespace collapsed per line.</summary>
    public static string ToText(string html)
    {
        string text = ScriptOrStyle().Replace(html, "");
        text = LineBreak().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|li|tr|h\d)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\u00a0]+")]
    private static partial Regex Spaces();
}
