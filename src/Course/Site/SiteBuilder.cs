using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HyperLab.Interactive.Charts;

namespace Course.Site;

/// <summary>
/// Writes the course as a small static site from the published lessons in <c>book/</c>: one page per lesson, the
/// glossary, an index, one shared copy of plotly.js (charts draw offline), a stylesheet, and the charts' images as
/// files (shown where scripts are off). Opens from disk: no server, no network.
/// </summary>
public static partial class SiteBuilder
{
    /// <summary>The site's name, in every page title.</summary>
    public const string CourseName = "Hyperparameters, hands-on";

    /// <summary>Builds the site.</summary>
    /// <param name="bookFolder">The published lessons (<c>book/</c>).</param>
    /// <param name="notebooksFolder">The lesson sources (for the glossary and links to other files).</param>
    /// <param name="siteFolder">Where the site goes; its old pages and images are replaced.</param>
    /// <returns>The pages written and the site's size.</returns>
    public static SiteReport Build(string bookFolder, string notebooksFolder, string siteFolder)
    {
        var lessons = Directory.GetFiles(bookFolder, "*.ipynb").Order(StringComparer.Ordinal).ToList();
        if (lessons.Count == 0)
            throw new FileNotFoundException($"No published lessons in {bookFolder}. Make them with: dotnet run --project src/Course -- book");

        if (Directory.Exists(siteFolder)) Directory.Delete(siteFolder, recursive: true);
        Directory.CreateDirectory(Path.Combine(siteFolder, "img"));
        var pageNames = lessons.ToDictionary(l => Path.GetFileName(l), l => Path.ChangeExtension(Path.GetFileName(l), ".html"));
        pageNames["glossary.md"] = pageNames["../notebooks/glossary.md"] = "glossary.html";
        string toNotebooks = Path.GetRelativePath(siteFolder, notebooksFolder).Replace('\\', '/');
        var markdown = new SiteMarkdown(pageNames, toNotebooks);

        File.WriteAllText(Path.Combine(siteFolder, PlotlyJs.FileName), PlotlyJs.Text);
        File.WriteAllText(Path.Combine(siteFolder, "style.css"), SiteStyle.Css + LessonPage.HighlightCss);

        var titles = new List<(string Page, string Title)>();
        var notebooks = lessons.Select(l => (Path: l, Notebook: JsonNode.Parse(File.ReadAllText(l))!)).ToList();
        foreach (var (path, notebook) in notebooks)
            titles.Add((pageNames[Path.GetFileName(path)], LessonPage.Title(notebook, Path.GetFileNameWithoutExtension(path))));

        for (int i = 0; i < notebooks.Count; i++)
        {
            string stem = Path.GetFileNameWithoutExtension(notebooks[i].Path);
            string body = ImagesToFiles(LessonPage.Body(notebooks[i].Notebook, markdown), siteFolder, stem);
            string nav = Nav(i > 0 ? titles[i - 1] : null, i + 1 < titles.Count ? titles[i + 1] : null);
            File.WriteAllText(Path.Combine(siteFolder, titles[i].Page), Page(titles[i].Title, nav + body + nav, withPlotly: true));
        }

        string glossaryPath = Path.Combine(notebooksFolder, "glossary.md");
        if (File.Exists(glossaryPath))
            File.WriteAllText(Path.Combine(siteFolder, "glossary.html"),
                Page("Glossary", Nav(null, null) + $"<section class=\"prose\">{markdown.ToHtml(File.ReadAllText(glossaryPath))}</section>", withPlotly: false));

        File.WriteAllText(Path.Combine(siteFolder, "index.html"), Page(CourseName, Index(titles), withPlotly: false));
        return SiteReport.Measure(siteFolder, titles.Select(t => t.Page).ToList());
    }

    private static string Index(IEnumerable<(string Page, string Title)> titles) =>
        $"<section class=\"prose\"><h1>{CourseName}</h1>" +
        "<p>The five hyperparameters of neural-network training (learning rate, batch size, epochs, network depth and " +
        "regularization strength), how they interact, and a practical tuning workflow. These are the lessons as they ran, " +
        "with every output and chart; run them yourself in VS Code or Codespaces to change the experiments.</p><ol start=\"0\">" +
        string.Concat(titles.Select(t => $"<li><a href=\"{t.Page}\">{WebUtility.HtmlEncode(t.Title)}</a></li>")) +
        "</ol><p><a href=\"glossary.html\">Glossary</a></p></section>";

    private static string Nav((string Page, string Title)? previous, (string Page, string Title)? next) =>
        "<nav><a href=\"index.html\">" + CourseName + "</a>" +
        (previous is { } p ? $" · <a href=\"{p.Page}\">← {WebUtility.HtmlEncode(p.Title)}</a>" : "") +
        (next is { } n ? $" · <a href=\"{n.Page}\">{WebUtility.HtmlEncode(n.Title)} →</a>" : "") + "</nav>";

    private static string Page(string title, string body, bool withPlotly) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{WebUtility.HtmlEncode(title == CourseName ? title : $"{title} · {CourseName}")}</title>" +
        "<link rel=\"stylesheet\" href=\"style.css\">" +
        (withPlotly ? $"<script src=\"{PlotlyJs.FileName}\"></script>" : "") +
        $"</head>\n<body><main>\n{body}\n</main></body></html>\n";

    /// <summary>Moves inline images into <c>img/</c> files, loaded lazily, so pages stay small.</summary>
    private static string ImagesToFiles(string html, string siteFolder, string stem)
    {
        int n = 0;
        return InlinePng().Replace(html, m =>
        {
            string file = $"img/{stem}-{++n}.{(m.Groups["type"].Value == "svg+xml" ? "svg" : m.Groups["type"].Value)}";
            File.WriteAllBytes(Path.Combine(siteFolder, file), Convert.FromBase64String(m.Groups["b64"].Value));
            return $"src=\"{file}\" loading=\"lazy\"";
        });
    }

    [GeneratedRegex("src=\"data:image/(?<type>png|webp|svg\\+xml);base64,(?<b64>[A-Za-z0-9+/=]+)\"")]
    private static partial Regex InlinePng();
}

/// <summary>What <see cref="SiteBuilder.Build"/> wrote.</summary>
/// <param name="Folder">The site folder.</param>
/// <param name="LessonPages">The lesson pages' file names, in order.</param>
/// <param name="TotalBytes">Everything in the folder.</param>
/// <param name="PlotlyBytes">The one copy of plotly.js.</param>
/// <param name="ImageBytes">The charts' images.</param>
public sealed record SiteReport(string Folder, IReadOnlyList<string> LessonPages, long TotalBytes, long PlotlyBytes, long ImageBytes)
{
    /// <summary>Measures a written site.</summary>
    public static SiteReport Measure(string folder, IReadOnlyList<string> lessonPages)
    {
        long Size(string path) => new FileInfo(path).Length;
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        return new SiteReport(folder, lessonPages, files.Sum(Size), Size(Path.Combine(folder, PlotlyJs.FileName)),
            Directory.GetFiles(Path.Combine(folder, "img")).Sum(Size));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"site: {LessonPages.Count} lesson pages in {Folder}: {TotalBytes / 1e6:0.0} MB in all ({PlotlyBytes / 1e6:0.0} MB plotly.js, {ImageBytes / 1e6:0.0} MB chart images)";
}
