using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace HyperLab.Interactive.Charts;

/// <summary>
/// The course's notebook formatter for Plotly.NET charts. Plotly.NET.Interactive's own formatter loads plotly.js
/// from a CDN, so charts stay blank without internet; this one sends the copy inside Plotly.NET once per session
/// (<see cref="ChartHtml"/>) and gives every chart a plain-text form.
/// </summary>
/// <remarks>Plotly.NET.Interactive registers for <see cref="GenericChart"/> whenever its package extension loads,
/// which can be after <see cref="Notebook.Start"/>. Formatters registered for a more specific type win whatever the
/// order, so this one registers for the chart's concrete types (the cases of the F# union).</remarks>
public static class ChartFormatter
{
    private static int plotlyJsSent;

    /// <summary>The concrete chart types (Chart, MultiChart).</summary>
    internal static IReadOnlyList<Type> ChartTypes { get; } =
        typeof(GenericChart).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(GenericChart))).ToList();

    /// <summary>Registers the formatter and starts a new session: the next chart carries plotly.js.
    /// <see cref="Notebook.Start"/> calls it.</summary>
    public static void Register()
    {
        Interlocked.Exchange(ref plotlyJsSent, 0);
        foreach (var type in ChartTypes)
        {
            Formatter.Register(new ChartTypeFormatter(type, "text/html",
                chart => ChartHtml.Render(chart, withPlotlyJs: Interlocked.Exchange(ref plotlyJsSent, 1) == 0)));
            Formatter.Register(new ChartTypeFormatter(type, "text/plain", ChartHtml.Text));
            Formatter.SetPreferredMimeTypesFor(type, "text/html", "text/plain");
        }
    }

    private sealed class ChartTypeFormatter(Type type, string mimeType, Func<GenericChart, string> write) : ITypeFormatter
    {
        public string MimeType => mimeType;

        public Type Type => type;

        public bool Format(object instance, FormatContext context)
        {
            if (instance is not GenericChart chart) return false;
            context.Writer.Write(write(chart));
            return true;
        }
    }
}
