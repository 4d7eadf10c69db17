using HyperLab.Charts;
using Plotly.NET;

namespace HyperLab.Tests.Tracking;

/// <summary>The parallel-coordinates chart spends no axis on a constant and promises no interaction (lesson 07).</summary>
public class ParallelCoordinatesTests
{
    [Fact]
    public void Constant_hyperparameters_get_no_axis_and_are_named_in_the_title()
    {
        var trials = Enumerable.Range(1, 6).Select(i => ChildProcess.Synthetic("q", i, 0.3 + 0.05 * i,
            new Hyperparameters { LearningRate = 1e-3 * i, Dropout = 0.05 * i, Seed = 0 })).ToList();
        string html = GenericChart.toChartHTML(Plot.ParallelCoordinates(trials));
        Assert.Contains("learning rate (log scale)", html);
        Assert.Contains("dropout", html);
        Assert.Contains("validation loss", html);
        Assert.DoesNotContain("\"label\":\"batch size\"", html);
        Assert.DoesNotContain("\"label\":\"hidden layers\"", html);
        Assert.DoesNotContain("\"label\":\"width\"", html);
        Assert.Matches(@"the same in every trial:(\s|<br>)+batch(\s|<br>)+size(\s|<br>)+64", html);
        Assert.DoesNotContain("drag", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Log_axes_are_labelled_in_exponent_form_and_whole_number_axes_only_at_their_values()
    {
        var trials = Enumerable.Range(1, 6).Select(i => ChildProcess.Synthetic("q", i, 0.3 + 0.05 * i,
            new Hyperparameters { LearningRate = 1e-4 * Math.Pow(10, i / 2.0), Depth = 1 + i % 3, Seed = 0 })).ToList();
        using var doc = System.Text.Json.JsonDocument.Parse(GenericChart.toJson(Plot.ParallelCoordinates(trials)));
        var dims = doc.RootElement.GetProperty("data")[0].GetProperty("dimensions").EnumerateArray().ToList();
        var rate = dims.Single(d => d.GetProperty("label").GetString() == "learning rate (log scale)");
        var text = rate.GetProperty("ticktext").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("1e-3", text);
        Assert.Contains("1e-2", text);
        Assert.DoesNotContain(text, t => t!.Contains('µ'));
        Assert.Equal(text.Count, rate.GetProperty("tickvals").GetArrayLength());
        var depth = dims.Single(d => d.GetProperty("label").GetString() == "hidden layers");
        Assert.Equal(new[] { 1.0, 2, 3 }, depth.GetProperty("tickvals").EnumerateArray().Select(v => v.GetDouble()));
    }
}
