using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Book;
using Course.Runner;
using HyperLab.Charts;
using HyperLab.Interactive.Charts;

namespace Course.Site;

/// <summary>
/// Writes the course as a small static site from the published lessons in <c>book/</c>: one page per lesson (a
/// lesson sidebar, an on-page contents list, heading anchors, a copy button on code, a download link for the
/// notebook, an "Open in GitHub Codespaces" link), the glossary, an index with one line per lesson, an offline
/// full-text search (<c>search.html</c> over a prebuilt <c>search-index.js</c>), one shared copy of plotly.js, a
/// stylesheet with a dark theme that follows the system, and the charts' images as files (shown where scripts are
/// off, and on narrow screens). Opens from disk: no server, no network.
/// </summary>
public static partial class SiteBuilder
{
    /// <summary>The site's name, in every page title.</summary>
    public const string CourseName = "Hyperparameters, hands-on";

    /// <summary>The search page and its prebuilt index (a script, so it loads from disk where fetch cannot).</summary>
    public const string SearchPage = "search.html", SearchIndex = "search-index.js";

    /// <summary>The site's script (charts, copy buttons, search) and stylesheet.</summary>
    public const string Script = "site.js", Stylesheet = "style.css";

    /// <summary>Where the downloadable notebooks go, inside the site.</summary>
    public const string NotebookFolder = "notebooks";

    private static readonly JsonSerializerOptions IndexJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the site.</summary>
    /// <param name="bookFolder">The published lessons (<c>book/</c>).</param>
    /// <param name="notebooksFolder">The lesson sources (the glossary, links to other files, the downloads).</param>
    /// <param name="siteFolder">Where the site goes; its old pages and images are replaced.</param>
    /// <param name="codespacesUrl">The "Open in GitHub Codespaces" link; null: <see cref="CourseRepository.CodespacesUrl"/> of the repository.</param>
    /// <returns>The pages written and the site's size.</returns>
    public static SiteReport Build(string bookFolder, string notebooksFolder, string siteFolder, string? codespacesUrl = null)
    {
        var lessons = Directory.GetFiles(bookFolder, "*.ipynb").Order(StringComparer.Ordinal).ToList();
        if (lessons.Count == 0)
            throw new FileNotFoundException($"No published lessons in {bookFolder}. Make them with: dotnet run --project src/Course -- book");
        codespacesUrl ??= CourseRepository.CodespacesUrl(Path.GetFullPath(Path.Combine(bookFolder, "..")));

        if (Directory.Exists(siteFolder)) Directory.Delete(siteFolder, recursive: true);
        Directory.CreateDirectory(Path.Combine(siteFolder, "img"));
        Directory.CreateDirectory(Path.Combine(siteFolder, NotebookFolder));
        var pageNames = lessons.ToDictionary(l => Path.GetFileName(l), l => Path.ChangeExtension(Path.GetFileName(l), ".html"));
        pageNames["glossary.md"] = pageNames["../notebooks/glossary.md"] = "glossary.html";
        string toNotebooks = Path.GetRelativePath(siteFolder, notebooksFolder).Replace('\\', '/');
        var markdown = new SiteMarkdown(pageNames, toNotebooks);

        File.WriteAllText(Path.Combine(siteFolder, PlotlyJs.FileName), PlotlyJs.Text);
        File.WriteAllText(Path.Combine(siteFolder, Stylesheet), SiteStyle.Css + SiteStyle.Highlighting(LessonPage.HighlightCss));
        File.WriteAllText(Path.Combine(siteFolder, Script), SiteScript.Text);

        var notebooks = lessons.Select(l => (Path: l, Notebook: JsonNode.Parse(File.ReadAllText(l))!)).ToList();
        var lessonList = notebooks.Select(n => new LessonLink(pageNames[Path.GetFileName(n.Path)],
            LessonPage.Title(n.Notebook, Path.GetFileNameWithoutExtension(n.Path)), LessonPage.Summary(n.Notebook))).ToList();
        var site = new SiteLayout(lessonList, codespacesUrl);
        var search = new List<SearchSection>();

        for (int i = 0; i < notebooks.Count; i++)
        {
            string name = Path.GetFileName(notebooks[i].Path), stem = Path.GetFileNameWithoutExtension(name);
            var (body, headings) = PageOutline.Anchor(ImagesToFiles(LessonPage.Body(notebooks[i].Notebook, markdown), siteFolder, stem));
            search.AddRange(PageOutline.Sections(body, lessonList[i].Page, lessonList[i].Title));
            string download = DownloadLink(name, notebooksFolder, siteFolder);
            string actions = $"<p class=\"actions\">{download}{site.CodespacesBadge}</p>";
            string nav = SiteLayout.PreviousNext(i > 0 ? lessonList[i - 1] : null, i + 1 < notebooks.Count ? lessonList[i + 1] : null);
            File.WriteAllText(Path.Combine(siteFolder, lessonList[i].Page),
                site.Page(lessonList[i].Title, lessonList[i].Page, actions + body + nav, PageOutline.Contents(headings), withPlotly: true));
        }

        string glossaryPath = Path.Combine(notebooksFolder, "glossary.md");
        if (File.Exists(glossaryPath))
        {
            var (body, headings) = PageOutline.Anchor($"<section class=\"prose\">{markdown.ToHtml(File.ReadAllText(glossaryPath))}</section>");
            search.AddRange(PageOutline.Sections(body, "glossary.html", "Glossary"));
            File.WriteAllText(Path.Combine(siteFolder, "glossary.html"), site.Page("Glossary", "glossary.html", body, PageOutline.Contents(headings), withPlotly: false));
        }

        File.WriteAllText(Path.Combine(siteFolder, SearchIndex), "window.courseSearchIndex = " + JsonSerializer.Serialize(
            search.Select(s => new { u = s.Url, t = s.Title, x = s.Text }), IndexJson) + ";\n");
        File.WriteAllText(Path.Combine(siteFolder, SearchPage), site.Page("Search", SearchPage,
            "<h1>Search</h1><form action=\"search.html\" class=\"search-form\"><input type=\"search\" name=\"q\" id=\"search-input\" aria-label=\"Search the course\" placeholder=\"e.g. weight decay\">" +
            "<button type=\"submit\">Search</button></form><p id=\"search-status\">The search needs JavaScript; every page is also listed on the left.</p><ol id=\"search-results\"></ol>" +
            $"<script src=\"{SearchIndex}\"></script>", "", withPlotly: false));
        File.WriteAllText(Path.Combine(siteFolder, "index.html"), site.Page(CourseName, "index.html", site.Index(), "", withPlotly: false));
        return SiteReport.Measure(siteFolder, lessonList.Select(t => t.Page).ToList());
    }

    private static string DownloadLink(string name, string notebooksFolder, string siteFolder)
    {
        string source = Path.Combine(notebooksFolder, name);
        if (!File.Exists(source)) return "";
        File.Copy(source, Path.Combine(siteFolder, NotebookFolder, name), overwrite: true);
        return $"<a class=\"download\" href=\"{NotebookFolder}/{name}\" download>Download this notebook (.ipynb)</a> ";
    }

    /// <summary>Moves inline images into <c>img/</c> files, loaded lazily, so pages stay small.</summary>
    private static string ImagesToFiles(string html, string siteFolder, string stem)
    {
        int n = 0;
        return InlineImage().Replace(html, m =>
        {
            string file = $"img/{stem}-{++n}.{m.Groups["type"].Value}";
            File.WriteAllBytes(Path.Combine(siteFolder, file), Convert.FromBase64String(m.Groups["b64"].Value));
            return $"src=\"{file}\" loading=\"lazy\"";
        });
    }

    [GeneratedRegex("src=\"data:image/(?<type>png|jpeg|gif|webp);base64,(?<b64>[A-Za-z0-9+/=]+)\"")]
    private static partial Regex InlineImage();
}

/// <summary>A lesson in the site's lists.</summary>
/// <param name="Page">Its page file name.</param>
/// <param name="Title">Its title ("01 · Learning rate").</param>
/// <param name="Summary">One line: what it teaches and how long it takes.</param>
public sealed record LessonLink(string Page, string Title, string Summary);

/// <summary>The frame every page shares: a top bar (home, search, Codespaces), the lesson sidebar, the on-page contents.</summary>
/// <param name="lessons">Every lesson, in order.</param>
/// <param name="codespacesUrl">The "Open in GitHub Codespaces" link.</param>
public sealed class SiteLayout(IReadOnlyList<LessonLink> lessons, string codespacesUrl)
{
    /// <summary>The class of the lesson sidebar.</summary>
    public const string SidebarClass = "sidebar";

    /// <summary>A text badge (no image from github.com: the site makes no outside request).</summary>
    public string CodespacesBadge => $"<a class=\"badge\" href=\"{WebUtility.HtmlEncode(codespacesUrl)}\">Open in GitHub Codespaces</a>";

    /// <summary>The index page's content: the course in a paragraph, then one line per lesson.</summary>
    public string Index() =>
        $"<section class=\"prose\"><h1>{SiteBuilder.CourseName}</h1>" +
        "<p>The five hyperparameters of neural-network training (learning rate, batch size, epochs, network depth and " +
        "regularization strength), how they interact, and a practical tuning workflow. These are the lessons as they ran, " +
        "with every output and chart; run them yourself in VS Code or GitHub Codespaces to change the experiments.</p>" +
        $"<p>{CodespacesBadge}</p><ul class=\"lessons\">" +
        string.Concat(lessons.Select(l => $"<li><a href=\"{l.Page}\">{WebUtility.HtmlEncode(l.Title)}</a><span class=\"summary\">{WebUtility.HtmlEncode(l.Summary)}</span></li>")) +
        "</ul><p><a href=\"glossary.html\">Glossary</a> · <a href=\"" + SiteBuilder.SearchPage + "\">Search</a></p></section>";

    /// <summary>Links to the previous and next lesson.</summary>
    public static string PreviousNext(LessonLink? previous, LessonLink? next) =>
        "<nav class=\"prev-next\">" +
        (previous is { } p ? $"<a href=\"{p.Page}\">← {WebUtility.HtmlEncode(p.Title)}</a>" : "<span></span>") +
        (next is { } n ? $"<a href=\"{n.Page}\">{WebUtility.HtmlEncode(n.Title)} →</a>" : "") + "</nav>";

    /// <summary>A whole page.</summary>
    /// <param name="title">Its title.</param>
    /// <param name="page">Its file name (marks the current lesson in the sidebar).</param>
    /// <param name="main">Its content.</param>
    /// <param name="contents">The on-page contents list (<see cref="PageOutline.Contents"/>), or empty.</param>
    /// <param name="withPlotly">Whether it has charts (loads plotly.js).</param>
    public string Page(string title, string page, string main, string contents, bool withPlotly)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">")
            .Append($"<title>{WebUtility.HtmlEncode(title == SiteBuilder.CourseName ? title : $"{title} · {SiteBuilder.CourseName}")}</title>")
            .Append($"<link rel=\"stylesheet\" href=\"{SiteBuilder.Stylesheet}\">")
            .Append(withPlotly ? $"<script src=\"{PlotlyJs.FileName}\" defer></script>" : "")
            .Append($"<script src=\"{SiteBuilder.Script}\" defer></script></head>\n<body>")
            .Append("<input type=\"checkbox\" id=\"menu\" class=\"menu-state\" hidden>")
            .Append("<header class=\"top\"><label for=\"menu\" class=\"menu-toggle\" aria-label=\"Lessons\">☰</label>")
            .Append($"<a class=\"home\" href=\"index.html\">{SiteBuilder.CourseName}</a>")
            .Append($"<form class=\"top-search\" action=\"{SiteBuilder.SearchPage}\"><input type=\"search\" name=\"q\" aria-label=\"Search the course\" placeholder=\"Search\"></form></header>\n")
            .Append("<div class=\"layout\">")
            .Append($"<nav class=\"{SidebarClass}\" aria-label=\"Lessons\"><p class=\"nav-title\">Lessons</p><ul>");
        foreach (var lesson in lessons)
            html.Append($"<li><a href=\"{lesson.Page}\"{(lesson.Page == page ? " aria-current=\"page\"" : "")}>{WebUtility.HtmlEncode(lesson.Title)}</a></li>");
        html.Append($"<li><a href=\"glossary.html\"{(page == "glossary.html" ? " aria-current=\"page\"" : "")}>Glossary</a></li>")
            .Append($"<li><a href=\"{SiteBuilder.SearchPage}\">Search</a></li></ul></nav>\n<main>");
        if (contents.Length > 0) html.Append($"<details class=\"toc-inline\"><summary>On this page</summary>{contents}</details>");
        html.Append(main).Append("</main>");
        if (contents.Length > 0) html.Append($"<nav class=\"toc\" aria-label=\"On this page\"><p class=\"nav-title\">On this page</p>{contents}</nav>");
        return html.Append("</div></body></html>\n").ToString();
    }
}

/// <summary>What <see cref="SiteBuilder.Build"/> wrote.</summary>
/// <param name="Folder">The site folder.</param>
/// <param name="LessonPages">The lesson pages' file names, in order.</param>
/// <param name="TotalBytes">Everything in the folder.</param>
/// <param name="PlotlyBytes">The one copy of plotly.js.</param>
/// <param name="ImageBytes">The charts' images.</param>
/// <param name="SearchBytes">The search index.</param>
public sealed record SiteReport(string Folder, IReadOnlyList<string> LessonPages, long TotalBytes, long PlotlyBytes, long ImageBytes, long SearchBytes)
{
    /// <summary>Measures a written site.</summary>
    public static SiteReport Measure(string folder, IReadOnlyList<string> lessonPages)
    {
        long Size(string path) => new FileInfo(path).Length;
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        return new SiteReport(folder, lessonPages, files.Sum(Size), Size(Path.Combine(folder, PlotlyJs.FileName)),
            Directory.GetFiles(Path.Combine(folder, "img")).Sum(Size), Size(Path.Combine(folder, SiteBuilder.SearchIndex)));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"site: {LessonPages.Count} lesson pages in {Folder}: {TotalBytes / 1e6:0.0} MB in all ({PlotlyBytes / 1e6:0.0} MB plotly.js, " +
        $"{ImageBytes / 1e6:0.0} MB chart images, {SearchBytes / 1e3:0} kB search index)";
}
