using System.Text.Json;
using HyperLab.Charts;
using HyperLab.Data;
using HyperLab.Lessons.Lesson06;
using HyperLab.Sweeps;
using HyperLab.Tests.Sweeps;
using HyperLab.Training;
using Plotly.NET;

namespace HyperLab.Tests.Charts;

/// <summary>Exponent tick labels on every chart with axes (heatmaps, side-by-side heatmaps, the spread chart, images
/// without meaningless pixel ticks), and the outlier clip of comparison charts: a single spike sets no range, an
/// unspiked chart keeps Plotly's own.</summary>
public class ExponentAndClipTests
{
    private static JsonElement Layout(GenericChart chart) => JsonDocument.Parse(GenericChart.toJson(chart)).RootElement.GetProperty("layout").Clone();

    private static string? Format(JsonElement layout, string axis) =>
        layout.TryGetProperty(axis, out var a) && a.TryGetProperty("exponentformat", out var f) ? f.GetString() : null;

    private static readonly GridResult Grid = ScriptedRuns.Grid([8, 32, 128], Sweep.LogGrid(1e-5, 1e-2, 1), b => 1e-4 * b / 8);

    [Fact]
    public void Heatmaps_and_their_colour_bars_use_exponent_ticks()
    {
        var layout = Layout(Plot.Heatmap(Grid));
        Assert.Equal("e", Format(layout, "xaxis"));
        Assert.Equal("e", Format(layout, "yaxis"));
        using var doc = JsonDocument.Parse(GenericChart.toJson(Plot.Heatmap(Grid)));
        Assert.Equal("e", doc.RootElement.GetProperty("data")[0].GetProperty("colorbar").GetProperty("exponentformat").GetString());
        // The row labels are the grid's values in exponent form, not SI suffixes.
        var rows = doc.RootElement.GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Contains("1e-5", rows);
        Assert.DoesNotContain(rows, r => r!.Contains('µ'));
    }

    [Fact]
    public void Every_panel_of_side_by_side_heatmaps_uses_exponent_ticks()
    {
        var layout = Layout(Plot.Heatmap(new[] { ("a", Grid), ("b", Grid) }));
        foreach (var axis in new[] { "xaxis", "yaxis", "xaxis2", "yaxis2" })
            Assert.Equal("e", Format(layout, axis));
    }

    [Fact]
    public void The_spread_chart_uses_exponent_ticks_and_images_show_no_pixel_ticks()
    {
        var importance = new ImportanceResult(new Hyperparameters(),
        [
            new KnobSpread(Knob.LearningRate(1e-4, 1e-2), new SweepResult<double>("lr", [new(1e-4, ScriptedRuns.Run(1.5)), new(1e-2, ScriptedRuns.Run(0.1))])),
            new KnobSpread(Knob.Depth(1, 4), new SweepResult<double>("depth", [new(1, ScriptedRuns.Run(0.2)), new(4, ScriptedRuns.Run(0.3))])),
        ]);
        Assert.Equal("e", Format(Layout(Lesson06Charts.Spread(importance)), "yaxis"));
        var images = Layout(Plot.Images(new[] { new ImageRow("original", [new float[64], new float[64]]) }));
        Assert.False(images.GetProperty("xaxis").GetProperty("showticklabels").GetBoolean());
        Assert.False(images.GetProperty("yaxis").GetProperty("showticklabels").GetBoolean());
    }

    private static History Curve(string label, double[] validation) =>
        new(label, new Hyperparameters(), [], validation.Select((v, i) => new EpochRecord(i + 1, v * 0.9, 0.5, v, 0.5, 0.1, 1e-3)).ToList(), StopReason.Completed, null, null, 1);

    private static double[] Falling(double start, int n = 8) => Enumerable.Range(0, n).Select(e => start / (1 + 0.3 * e)).ToArray();

    [Fact]
    public void A_single_spike_does_not_set_the_range_of_a_comparison_and_the_axis_says_so()
    {
        var spiked = Falling(1.6);
        spiked[3] = 12;   // one run blows up for one epoch, as batch 4 did in lesson 02's linear-rule chart
        var runs = new[] { Curve("batch 64", Falling(1.5)), Curve("batch 16", Falling(1.7)), Curve("batch 4", spiked) };
        var layout = Layout(Plot.EpochCurves(runs.Take(2), runs.Skip(2)));
        var range = layout.GetProperty("yaxis").GetProperty("range").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.True(range[1] < 6, $"the range runs to {range[1]}");
        Assert.True(range[1] > 1.7, "every other point stays inside");
        Assert.Contains("1 point above the range (up to 12)", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        // The same chart with the clip turned off, and the chart of every-epoch curves, follow the options.
        Assert.False(Layout(Plot.EpochCurves(runs.Take(2), runs.Skip(2), new() { ClipOutliers = false })).GetProperty("yaxis").TryGetProperty("range", out _));
        Assert.True(Layout(Plot.EpochCurves(runs)).GetProperty("yaxis").TryGetProperty("range", out _));
        // A log axis shows the spike without clipping.
        Assert.False(Layout(Plot.EpochCurves(runs, new() { LogY = true })).GetProperty("yaxis").TryGetProperty("range", out _));
    }

    [Fact]
    public void An_unspiked_comparison_keeps_its_own_range()
    {
        var runs = new[] { Curve("a", Falling(1.5)), Curve("b", Falling(2.3)), Curve("c", Falling(0.9)) };
        var layout = Layout(Plot.EpochCurves(runs));
        Assert.False(layout.GetProperty("yaxis").TryGetProperty("range", out _));
        Assert.DoesNotContain("above the range", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Null(Plot.RobustRange([0.5, 0.6, 0.7, 0.8, 2.3, 2.3, 2.3]));   // a whole run at ln 10 is data, not a spike
        Assert.Null(Plot.RobustRange([1, 2, 100]));                              // too few points to call one a spike
        var clip = Plot.RobustRange(Enumerable.Range(0, 40).Select(i => 0.1 + 0.01 * i).Append(50));
        Assert.NotNull(clip);
        Assert.Equal(1, clip!.Above);
        Assert.Equal(50, clip.Largest);
    }
}
