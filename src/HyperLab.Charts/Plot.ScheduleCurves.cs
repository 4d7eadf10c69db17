using HyperLab.Schedules;
using Plotly.NET;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>The learning rate of every update under each schedule, computed without training (lesson 01;
    /// <see cref="Schedule.Rates"/>; reduce-on-plateau stays flat without validation losses). For the rates that runs
    /// actually used, draw their histories with <see cref="StepCurves"/> and <see cref="ChartMetric.LearningRate"/>.</summary>
    /// <param name="schedules">The schedules to compare.</param>
    /// <param name="peakRate">The rate they start from (or warm up to).</param>
    /// <param name="stepsPerEpoch">Updates per epoch.</param>
    /// <param name="epochs">Epochs in the budget.</param>
    /// <param name="options">Title (default "Learning-rate schedules: peak …, … epochs × … updates"), <see cref="ChartOptions.LogY"/>
    /// (default false), axis titles, size.</param>
    public static GenericChart ScheduleCurves(IEnumerable<Schedule> schedules, double peakRate, int stepsPerEpoch, int epochs, ChartOptions? options = null)
    {
        var traces = ChartInput.Require(schedules, nameof(schedules)).Select((s, i) =>
        {
            var rates = s.Rates(peakRate, stepsPerEpoch, epochs);
            return Line(Enumerable.Range(1, rates.Length).Select(k => (double)k).ToArray(), rates, s.ToString(), Palette(i));
        }).ToList();
        var o = options ?? ChartOptions.Default;
        bool logY = o.LogY ?? false;
        return Finish(traces, o, $"Learning-rate schedules: peak {Hyperparameters.Fmt(peakRate)}, {epochs} epochs × {stepsPerEpoch} updates",
            "update (step)", Scaled("learning rate η", logY), logY: logY);
    }
}
