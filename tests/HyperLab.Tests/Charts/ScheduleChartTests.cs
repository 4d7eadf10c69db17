using HyperLab.Charts;
using HyperLab.Schedules;

namespace HyperLab.Tests.Charts;

public class ScheduleChartTests
{
    [Fact]
    public void The_schedule_chart_draws_one_line_per_schedule_over_every_update()
    {
        var schedules = new Schedule[] { Schedule.Constant, Schedule.StepDecay(), Schedule.Cosine(), Schedule.WarmupCosine(), Schedule.ReduceOnPlateau() };
        var chart = ChartJson.Of(Plot.ScheduleCurves(schedules, 0.01, 10, 6));
        Assert.Equal(schedules.Length, chart.Traces.Count);
        for (int i = 0; i < schedules.Length; i++)
        {
            var line = chart.Traces[i];
            Assert.Equal(Enumerable.Range(1, 60).Select(k => (double)k), line.X);          // every update of 6 epochs × 10
            Assert.Equal(schedules[i].Rates(0.01, 10, 6), line.Y, (a, b) => Math.Abs(a - b) <= 1e-12);
        }
        Assert.Equal(0.01, chart.Traces[0].Y.Max(), 12);                                     // the peak rate is drawn
        Assert.False(chart.X.Log);
    }
}
