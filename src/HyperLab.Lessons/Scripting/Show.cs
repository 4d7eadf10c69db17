using Plotly.NET;

namespace HyperLab.Lessons.Scripting;

/// <summary>
/// What a notebook shows at the end of a cell, in a plain C# program: a chart is saved as an HTML
/// file that works offline (one shared copy of plotly.js beside it), anything else is printed.
/// </summary>
public static class Show
{
    private static int charts;

    /// <summary>Where charts go: <c>artifacts/charts/&lt;program name&gt;/</c> under the repository root
    /// (or the current folder outside the repository).</summary>
    public static string ChartFolder { get; set; } = DefaultFolder();

    /// <summary>Shows what a cell ends with (exported lessons write <c>Show.Value(() =&gt; expression)</c>,
    /// so the same line works whether the expression has a value or is a void call).</summary>
    public static void Value<T>(Func<T> expression) => Value((object?)expression());

    /// <summary>Runs a cell's final void call (a claim check, feedback): it shows itself.</summary>
    public static void Value(Action call) => call();

    /// <summary>Shows a value: saves a chart, prints anything else.</summary>
    public static void Value(object? value)
    {
        if (value is GenericChart chart) Console.WriteLine($"chart saved: {Save(chart)}");
        else if (value is not null) Console.WriteLine(value);
    }

    /// <summary>Saves a chart as chart-NN.html in <see cref="ChartFolder"/> and returns the path.</summary>
    public static string Save(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        Directory.CreateDirectory(ChartFolder);
        string script = Path.Combine(ChartFolder, PlotlyScript.FileName);
        if (!File.Exists(script)) File.WriteAllText(script, PlotlyScript.Text);
        string path = Path.Combine(ChartFolder, $"chart-{Interlocked.Increment(ref charts):00}.html");
        // F# optional arguments: null is "not given" (DESIGN.md fact 12).
        var options = DisplayOptions.init(null, null, null, null, null, null, PlotlyJSReference.NewCDN(PlotlyScript.FileName));
        File.WriteAllText(path, GenericChart.toEmbeddedHTML(GenericChart.addDisplayOptions(options, chart)));
        return Path.GetRelativePath(Environment.CurrentDirectory, path);
    }

    private static string DefaultFolder()
    {
        string name = Path.GetFileNameWithoutExtension(Environment.GetCommandLineArgs().FirstOrDefault() ?? "lesson");
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln"))) return Path.Combine(dir.FullName, "artifacts", "charts", name);
        return Path.Combine(Environment.CurrentDirectory, "charts", name);
    }
}

/// <summary>The plotly.js that Plotly.NET embeds (DESIGN.md fact 12), for charts that work offline.</summary>
public static class PlotlyScript
{
    /// <summary>The file name charts refer to.</summary>
    public const string FileName = "plotly-2.28.0.min.js";

    /// <summary>The script's text, read from Plotly.NET's own resources.</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream("Plotly.NET." + FileName)
                ?? throw new InvalidOperationException($"Plotly.NET no longer embeds {FileName}; charts need internet for plotly.js.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
