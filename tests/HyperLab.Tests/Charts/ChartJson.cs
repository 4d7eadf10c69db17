using System.Text.Json;
using Plotly.NET;

namespace HyperLab.Tests.Charts;

/// <summary>What a chart shows, read from Plotly's JSON: its traces (name, points) and axes (title, log or linear),
/// so chart tests check the picture rather than a title string copied from the code.</summary>
internal sealed record ChartJson(IReadOnlyList<ChartJson.Trace> Traces, ChartJson.Axis X, ChartJson.Axis Y)
{
    public sealed record Trace(string Name, double[] X, double[] Y, string Type, string Mode)
    {
        public int Points => X.Length;
    }

    public sealed record Axis(string Title, bool Log);

    public static ChartJson Of(GenericChart chart)
    {
        using var doc = JsonDocument.Parse(GenericChart.toJson(chart));
        var traces = doc.RootElement.GetProperty("data").EnumerateArray().Select(t => new Trace(
            t.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "",
            Numbers(t, "x"), Numbers(t, "y"),
            t.TryGetProperty("type", out var ty) ? ty.GetString() ?? "" : "",
            t.TryGetProperty("mode", out var m) ? m.GetString() ?? "" : "")).ToList();
        var layout = doc.RootElement.GetProperty("layout");
        return new ChartJson(traces, AxisOf(layout, "xaxis"), AxisOf(layout, "yaxis"));
    }

    public Trace Named(string start) => Traces.Single(t => t.Name.StartsWith(start, StringComparison.Ordinal));

    private static double[] Numbers(JsonElement trace, string key) =>
        trace.TryGetProperty(key, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN).ToArray()
            : [];

    private static Axis AxisOf(JsonElement layout, string key)
    {
        if (!layout.TryGetProperty(key, out var axis)) return new Axis("", false);
        string title = axis.TryGetProperty("title", out var t) && t.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";
        bool log = axis.TryGetProperty("type", out var type) && type.GetString() == "log";
        return new Axis(title, log);
    }
}
