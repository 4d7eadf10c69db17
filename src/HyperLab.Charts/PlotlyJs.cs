using Plotly.NET;

namespace HyperLab.Charts;

/// <summary>
/// The copy of plotly.js that ships inside Plotly.NET (<c>plotly-2.28.0.min.js</c>, 3.6 MB), read from its resources in
/// this one place, so charts draw without internet: the plain-C# lessons save it beside their chart files, a notebook
/// sends it once per session, the course site ships it as one file and the book's image renderer loads it.
/// </summary>
public static class PlotlyJs
{
    /// <summary>The plotly.js version Plotly.NET 6.0.0 embeds.</summary>
    public const string Version = "2.28.0";

    /// <summary>The file name charts refer to (and the resource's name inside Plotly.NET).</summary>
    public const string FileName = "plotly-" + Version + ".min.js";

    private static readonly Lazy<string> Source = new(Read);

    /// <summary>The minified source.</summary>
    /// <exception cref="InvalidOperationException">The restored Plotly.NET does not embed this version.</exception>
    public static string Text => Source.Value;

    private static string Read()
    {
        var assembly = typeof(GenericChart).Assembly;
        string name = $"Plotly.NET.{FileName}";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} {assembly.GetName().Version} has no resource '{name}', so charts " +
                                                    "would need internet for plotly.js. The course is pinned to Plotly.NET 6.0.0 (Directory.Packages.props); restore that version.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
