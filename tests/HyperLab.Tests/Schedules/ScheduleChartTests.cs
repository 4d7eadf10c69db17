using HyperLab.Charts;
using HyperLab.Schedules;
using Plotly.NET;

namespace HyperLab.Tests.Schedules;

public class ScheduleChartTests
{
    [Fact]
    public void The_schedule_chart_draws_one_line_per_schedule_over_every_update()
    {
        var schedules = new Schedule[] { Schedule.Constant, Schedule.StepDecay(), Schedule.Cosine(), Schedule.WarmupCosine(), Schedule.ReduceOnPlateau() };
        string html = GenericChart.toChartHTML(Plot.ScheduleRates(schedules, 0.01, 10, 6));
        foreach (var s in schedules) Assert.Contains(s.ToString(), html);
        Assert.Contains("update (step)", html);
        Assert.Contains("learning rate η", html);
    }
}
