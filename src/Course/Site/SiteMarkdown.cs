using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Site;

/// <summary>
/// Markdown to HTML for the site (Markdig, with headings given GitHub's anchors so glossary links resolve).
/// Links are rewritten for the site: a lesson (<c>NN-name.ipynb</c>) and the glossary (<c>glossary.md</c>) go to
/// their pages, other relative links to the file in the repository.
/// </summary>
/// <param name="pageNames">The site's page for each notebook-folder file name (e.g. 01-learning-rate.ipynb → 01-learning-rate.html).</param>
/// <param name="siteToNotebooks">The relative path from the site folder to the notebooks folder, with forward slashes.</param>
public sealed class SiteMarkdown(IReadOnlyDictionary<string, string> pageNames, string siteToNotebooks)
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Build();

    /// <summary>The HTML for a Markdown text, with its links rewritten.</summary>
    public string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            link.Url = Rewrite(link.Url);
        return document.ToHtml(pipeline);
    }

    /// <summary>Where a link from a notebook leads on the site.</summary>
    public string? Rewrite(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.StartsWith('#') || url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal))
            return url;
        int hash = url.IndexOf('#');
        string file = hash < 0 ? url : url[..hash], anchor = hash < 0 ? "" : url[hash..];
        return pageNames.TryGetValue(file, out var page) ? page + anchor : $"{siteToNotebooks}/{file}{anchor}";
    }
}
