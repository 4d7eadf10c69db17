using System.Text.Json;
using HyperLab.Charts;
using HyperLab.Training;
using Plotly.NET;

namespace HyperLab.Tests.Charts;

/// <summary>What every chart's frame shows: whole-number epoch ticks, a readable title, labelled axes.</summary>
public class ChartLayoutTests
{
    private static History Run(int epochs, string label = "run") => new(label, new Hyperparameters(), [],
        Enumerable.Range(1, epochs).Select(e => new EpochRecord(e, 1.0 / e, 0.5, 1.2 / e, 0.5, 0.1, 1e-3)).ToList(), StopReason.Completed, null, null, 1);

    private static JsonElement XAxis(GenericChart chart) =>
        JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement.GetProperty("layout").GetProperty("xaxis");

    [Theory]
    [InlineData(3, 1)]
    [InlineData(12, 1)]
    [InlineData(40, 5)]
    public void The_epoch_axis_has_whole_number_ticks_and_keeps_its_title(int epochs, double step)
    {
        var axis = XAxis(Plot.EpochCurves(Run(epochs)));
        Assert.Equal(step, axis.GetProperty("dtick").GetDouble());
        Assert.Contains("epoch", axis.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void A_long_title_is_broken_into_lines_instead_of_being_cut_off()
    {
        string title = "Three epoch budgets from the same seed: too few, about right, and far too many for this small data set";
        string json = GenericChart.toFigureJson(Plot.EpochCurves(new[] { Run(5, "a"), Run(8, "b") }, new() { Title = title }));
        string shown = JsonDocument.Parse(json).RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString()!;
        Assert.Contains("<br>", shown);
        Assert.All(shown.Split("<br>"), line => Assert.True(line.Length <= 70, line));
        Assert.Equal(title, shown.Replace("<br>", " "));
    }
}
