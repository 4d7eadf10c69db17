using HyperLab.Charts;
using Plotly.NET;

namespace HyperLab.Lessons.Scripting;

/// <summary>
/// What a notebook shows at the end of a cell, in a plain C# program: a chart is saved as an HTML
/// file that works offline (one shared copy of plotly.js beside it), anything else is printed.
/// </summary>
public static class Show
{
    private static int charts;

    /// <summary>Where charts go: <c>artifacts/charts/&lt;program name&gt;/</c> under the current folder (the repository
    /// root when a lesson runs as its header says).</summary>
    public static string ChartFolder { get; } = DefaultFolder();

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
        string script = Path.Combine(ChartFolder, PlotlyJs.FileName);
        if (!File.Exists(script)) File.WriteAllText(script, PlotlyJs.Text);
        string path = Path.Combine(ChartFolder, $"chart-{Interlocked.Increment(ref charts):00}.html");
        // F# optional arguments: null is "not given" (docs/platform.md#p9-plotlynet-embeds-plotlyjs).
        var options = DisplayOptions.init(null, null, null, null, null, null, PlotlyJSReference.NewCDN(PlotlyJs.FileName));
        File.WriteAllText(path, GenericChart.toEmbeddedHTML(GenericChart.addDisplayOptions(options, chart)));
        return Path.GetRelativePath(Environment.CurrentDirectory, path);
    }

    private static string DefaultFolder()
    {
        string name = Path.GetFileNameWithoutExtension(Environment.GetCommandLineArgs().FirstOrDefault() ?? "lesson");
        return Path.Combine(Environment.CurrentDirectory, "artifacts", "charts", name);
    }
}
