using System.Reflection;

namespace HyperLab.Interactive.Charts;

/// <summary>
/// The copy of plotly.js that ships inside Plotly.NET (<c>plotly-2.28.0.min.js</c>, 3.6 MB), so charts draw
/// without internet: in a notebook it is sent once per session, and the course site ships it as one file.
/// </summary>
public static class PlotlyJs
{
    /// <summary>The plotly.js version Plotly.NET 6.0.0 embeds.</summary>
    public const string Version = "2.28.0";

    /// <summary>The file name the course site gives it.</summary>
    public const string FileName = "plotly-" + Version + ".min.js";

    private static readonly Lazy<string> Source = new(Read);

    /// <summary>The minified source.</summary>
    public static string Text => Source.Value;

    /// <summary>A script element that defines <c>window.Plotly</c> even where require.js is present (Jupyter), by
    /// hiding AMD and CommonJS from plotly.js's loader, then draws the charts that were waiting for it.</summary>
    /// <param name="markerAttribute">An attribute that marks the element, so it can be found and removed.</param>
    public static string ScriptElement(string markerAttribute) =>
        $"<script {markerAttribute}=\"{Version}\">(function(define,module,exports){{{Text}\n}}).call(window);" +
        "(window.hyperlabCharts||[]).splice(0).forEach(function(draw){draw();});</script>";

    private static string Read()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        string name = $"Plotly.NET.{FileName}";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} {assembly.GetName().Version} has no resource '{name}'. " +
                                                    "The course is pinned to Plotly.NET 6.0.0 (Directory.Packages.props); restore that version.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
