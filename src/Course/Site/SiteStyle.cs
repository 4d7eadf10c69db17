namespace Course.Site;

/// <summary>The site's stylesheet (the highlighter's classes are appended to it).</summary>
public static class SiteStyle
{
    /// <summary>A readable single column; code and outputs set apart.</summary>
    public const string Css = """
        body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
        main { max-width: 980px; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
        nav { margin: 1rem 0; font-size: 0.9rem; }
        a { color: #0969da; }
        h1, h2, h3 { line-height: 1.25; }
        table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
        th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.5rem; text-align: right; }
        code { background: #f6f8fa; padding: 0.1rem 0.3rem; border-radius: 4px; font-size: 0.9em; }
        .cell { margin: 1rem 0; }
        .source pre, .source div { margin: 0; }
        .source { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.6rem 0.8rem; overflow-x: auto; font-size: 0.85rem; }
        .source pre { background: transparent !important; }
        .outputs { border-left: 3px solid #d0d7de; padding: 0.3rem 0 0.3rem 0.8rem; margin-top: 0.3rem; overflow-x: auto; }
        .outputs pre { margin: 0.2rem 0; white-space: pre-wrap; font-size: 0.85rem; }
        .outputs .stderr, .outputs .error { color: #cf222e; }
        .hyperlab-chart img { max-width: 100%; height: auto; }

        """;
}
