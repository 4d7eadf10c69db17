using System.Text.RegularExpressions;

namespace Course.Site;

/// <summary>The site's stylesheet: a lesson sidebar, the page, an on-page contents column; one column on a phone
/// (the sidebar behind a menu button); light or dark as the system is set.</summary>
public static partial class SiteStyle
{
    /// <summary>Below this viewport width (CSS pixels) the sidebar folds away; below <see cref="WideWidth"/> the on-page contents move into the page.</summary>
    public const int NarrowWidth = 860, WideWidth = 1180;

    /// <summary>The stylesheet (without the code highlighter's classes: <see cref="Highlighting"/>).</summary>
    public static readonly string Css = """
        :root { --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --border: #d0d7de; --panel: #f6f8fa; --link: #0969da; --ok: #1a7f37; --mark: #fff8c5; }
        @media (prefers-color-scheme: dark) {
          :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --border: #3d444d; --panel: #151b23; --link: #4493f8; --ok: #3fb950; --mark: #6e5a00; }
          .outputs div[style*="color:#1a7f37"] { color: var(--ok) !important; }
          .outputs div[style*="color:#9a6700"] { color: #d29922 !important; }
          figure.hyperlab-chart img { background: #fff; }
        }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
        a { color: var(--link); }
        header.top { display: flex; align-items: center; gap: 0.75rem; padding: 0.5rem 1rem; border-bottom: 1px solid var(--border); position: sticky; top: 0; background: var(--bg); z-index: 10; }
        header.top .home { font-weight: 600; color: var(--fg); text-decoration: none; }
        .top-search { margin-left: auto; }
        input[type=search] { font: inherit; font-size: 0.9rem; padding: 0.25rem 0.5rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--fg); width: 14rem; max-width: 38vw; }
        .menu-toggle { display: none; cursor: pointer; font-size: 1.3rem; line-height: 1; padding: 0.2rem 0.4rem; border: 1px solid var(--border); border-radius: 6px; }
        .layout { display: grid; grid-template-columns: 13rem minmax(0, 1fr) 12rem; gap: 1.5rem; max-width: 1480px; margin: 0 auto; padding: 0 1rem; }
        .sidebar, .toc { position: sticky; top: 3rem; align-self: start; max-height: calc(100vh - 3rem); overflow-y: auto; padding: 1rem 0; font-size: 0.88rem; }
        .sidebar ul, .toc ul, .toc-inline ul { list-style: none; margin: 0; padding: 0; }
        .sidebar li { margin: 0.15rem 0; }
        .sidebar a, .toc a { text-decoration: none; color: var(--fg); display: block; padding: 0.1rem 0.4rem; border-radius: 4px; }
        .sidebar a:hover, .toc a:hover { background: var(--panel); }
        .sidebar a[aria-current=page] { background: var(--panel); font-weight: 600; border-left: 3px solid var(--link); }
        .nav-title { font-weight: 600; color: var(--muted); margin: 0 0 0.4rem; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; }
        .toc .toc-h3, .toc-inline .toc-h3 { padding-left: 0.8rem; }
        .toc-inline { display: none; margin: 1rem 0; font-size: 0.9rem; border: 1px solid var(--border); border-radius: 6px; padding: 0.4rem 0.8rem; }
        main { min-width: 0; padding: 0.5rem 0 4rem; }
        h1, h2, h3 { line-height: 1.25; }
        h1 .anchor, h2 .anchor, h3 .anchor, h4 .anchor { margin-left: 0.4rem; text-decoration: none; color: var(--muted); opacity: 0; font-weight: 400; }
        h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
        @media (hover: none) { .anchor { opacity: 0.5 !important; } }
        .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; font-size: 0.9rem; }
        .badge, .download { display: inline-block; border: 1px solid var(--border); border-radius: 6px; padding: 0.15rem 0.6rem; text-decoration: none; background: var(--panel); }
        .badge::before { content: "▶ "; }
        table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
        th, td { border: 1px solid var(--border); padding: 0.2rem 0.5rem; }
        .outputs td { text-align: right; }
        .prose table { display: block; max-width: 100%; overflow-x: auto; }
        .prose th, .prose td { text-align: left; vertical-align: top; }
        code { background: var(--panel); padding: 0.1rem 0.3rem; border-radius: 4px; font-size: 0.9em; overflow-wrap: anywhere; }
        .prose pre { overflow-x: auto; max-width: 100%; background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 0.6rem 0.8rem; font-size: 0.85rem; }
        .prose pre code { background: none; padding: 0; overflow-wrap: normal; }
        .prose img { max-width: 100%; height: auto; }
        .cell { margin: 1rem 0; }
        .source { position: relative; background: #f6f8fa; color: #1f2328; border: 1px solid var(--border); border-radius: 6px; padding: 0.6rem 0.8rem; overflow-x: auto; font-size: 0.85rem; }
        .source pre, .source div { margin: 0; background: transparent !important; }
        .copy { position: absolute; top: 0.3rem; right: 0.3rem; font: inherit; font-size: 0.75rem; padding: 0.1rem 0.5rem; border: 1px solid #d0d7de; border-radius: 4px; background: #fff; color: #1f2328; cursor: pointer; opacity: 0.8; }
        .copy:hover { opacity: 1; }
        .outputs { border-left: 3px solid var(--border); padding: 0.3rem 0 0.3rem 0.8rem; margin-top: 0.3rem; overflow-x: auto; }
        .outputs pre { margin: 0.2rem 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; }
        .outputs .stderr, .outputs .error { color: #cf222e; }
        figure.hyperlab-chart { margin: 0.5rem 0; max-width: 100%; }
        figure.hyperlab-chart img { display: block; max-width: 100%; height: auto; }
        figure.hyperlab-chart.live img { display: none; }
        .prev-next { display: flex; justify-content: space-between; gap: 1rem; margin: 2rem 0 0; padding-top: 1rem; border-top: 1px solid var(--border); font-size: 0.9rem; }
        ul.lessons { list-style: none; padding: 0; }
        ul.lessons li { margin: 0.6rem 0; }
        ul.lessons .summary { display: block; color: var(--muted); font-size: 0.92rem; }
        #search-results li { margin: 0.7rem 0; }
        #search-results .snippet { display: block; color: var(--muted); font-size: 0.9rem; }
        mark { background: var(--mark); color: inherit; }
        .search-form { display: flex; gap: 0.5rem; }
        .search-form input { flex: 1; width: auto; max-width: none; }
        @media (max-width: 1180px) {
          .layout { grid-template-columns: 13rem minmax(0, 1fr); }
          .toc { display: none; }
          .toc-inline { display: block; }
        }
        @media (max-width: 860px) {
          .layout { display: block; }
          .sidebar { display: none; position: static; max-height: none; border-bottom: 1px solid var(--border); }
          .menu-state:checked ~ .layout .sidebar { display: block; }
          .menu-toggle { display: inline-block; }
          header.top .home { font-size: 0.95rem; }
        }

        """;

    /// <summary>The code highlighter's classes, scoped to code cells (its stylesheet also styles <c>body</c>, which
    /// would undo the dark theme).</summary>
    public static string Highlighting(string highlighterCss)
    {
        string css = BodyRule().Replace(highlighterCss, "").Trim();
        return (css.StartsWith('.') ? ".source " + css : css).Replace("} .", "} .source .", StringComparison.Ordinal) + "\n";
    }

    [GeneratedRegex(@"body\s*\{[^}]*\}\s*")]
    private static partial Regex BodyRule();
}
