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
        Assert.Contains("log10 learning rate", html);
        Assert.Contains("dropout", html);
        Assert.Contains("validation loss", html);
        Assert.DoesNotContain("\"label\":\"batch size\"", html);
        Assert.DoesNotContain("\"label\":\"hidden layers\"", html);
        Assert.DoesNotContain("\"label\":\"width\"", html);
        Assert.Matches(@"the same in every trial:(\s|<br>)+batch(\s|<br>)+size(\s|<br>)+64", html);
        Assert.DoesNotContain("drag", html, StringComparison.OrdinalIgnoreCase);
    }
}
