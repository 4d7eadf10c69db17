using HyperLab.Charts;
using HyperLab.Lessons.Lesson01;
using Plotly.NET;

namespace HyperLab.Tests.Charts;

public class DescentChartTests
{
    [Fact]
    public void The_bowl_chart_shows_contours_and_every_path_within_a_fixed_view()
    {
        var bowl = new QuadraticBowl(1, 10);
        var paths = new[] { 0.01, 0.21 }.Select(r => GradientDescent.Run(bowl, r)).ToList();
        string html = GenericChart.toChartHTML(Lesson01Charts.DescentPaths(paths));
        Assert.Contains("diverged", html);
        Assert.Contains("w₂ (steep direction)", html);
        Assert.Contains("\"range\":[-5.0,5.0]", html);                      // the diverging path does not stretch the view
        Assert.Throws<ArgumentException>(() => Lesson01Charts.DescentPaths([]));
    }
}
