using HyperLab.Charts;
using HyperLab.Lessons.Lesson06;
using HyperLab.Sweeps;
using HyperLab.Tests.Sweeps;
using Plotly.NET;

namespace HyperLab.Tests.Charts;

public class HeatmapChartTests
{
    [Fact]
    public void A_heatmap_marks_the_best_cells_labels_log_axes_and_states_the_loss_unit()
    {
        var grid = ScriptedRuns.Grid([8, 32, 128], Sweep.LogGrid(1e-4, 1e-1, 2), b => 1e-3 * Math.Sqrt(b / 8));
        string json = GenericChart.toJson(Plot.Heatmap(grid));
        Assert.Contains("Final validation loss: lr × batch", json);
        Assert.Contains("learning rate η (log scale)", json);
        Assert.Contains("batch size (examples, log scale)", json);
        Assert.Contains("validation loss (nats)", json);
        Assert.Contains("★ 0.1", json);
        Assert.Equal(2, json.Split("◆ 0.1").Length - 1);   // the two columns whose best is not the overall best
        Assert.Contains("\"1e-3\"", json);                  // axis labels are the values
    }

    [Fact]
    public void Side_by_side_heatmaps_share_one_colour_scale()
    {
        var a = ScriptedRuns.Grid([1e-3, 1e-2], [1e-3, 1e-1], _ => 1e-3);
        var b = ScriptedRuns.Grid([1e-3, 1e-2], [1e-3, 1e-1], _ => 1e-1);
        string json = GenericChart.toJson(Plot.Heatmap([("Adam + L2", a), ("AdamW", b)], new() { Title = "Two optimizers" }));
        Assert.Contains("Adam + L2", json);
        Assert.Contains("AdamW", json);
        Assert.Contains("Two optimizers", json);
        Assert.Equal(1, json.Split("\"showscale\":true").Length - 1);
    }

    [Fact]
    public void The_spread_chart_and_the_isolation_plot_carry_titles_axes_and_units()
    {
        static SweepResult<double> Scripted(string knob, params double[] losses) =>
            new(knob, losses.Select((l, i) => new SweepPoint<double>(i + 1, ScriptedRuns.Run(l))).ToList());
        var importance = new ImportanceResult(new Hyperparameters(),
        [
            new KnobSpread(Knob.LearningRate(1e-4, 1e-2), Scripted("lr", 1.5, 0.1)),
            new KnobSpread(Knob.Depth(1, 4), Scripted("depth", 0.2, 0.3)),
        ]);
        string spread = GenericChart.toJson(Lesson06Charts.Spread(importance));
        Assert.Contains("Which hyperparameter matters most?", spread);
        Assert.Contains("final validation loss (nats)", spread);
        Assert.Contains("lr (1e-4..0.01)", spread);

        var grid = ScriptedRuns.Grid([1, 2, 4], Sweep.LogGrid(1e-3, 1e-1, 1), d => 1e-3 * d);
        string isolation = GenericChart.toJson(Plot.Isolation(grid, fixedRow: 1e-3));
        Assert.Contains("Isolation plot", isolation);
        Assert.Contains("lr fixed at 1e-3", isolation);
        Assert.Contains("final validation loss (nats)", isolation);
        Assert.Throws<ArgumentException>(() => Plot.Isolation(grid, fixedRow: 0.5));

        string bests = GenericChart.toJson(Plot.BestPerColumn(ScriptedRuns.Grid([8, 32, 128], Sweep.LogGrid(1e-4, 1e-1, 2), b => 1e-3 * Math.Sqrt(b / 8))));
        Assert.Contains("Best lr for each batch", bests);
        Assert.Contains("square-root rule: slope ½", bests);
        Assert.Contains("best learning rate η (log scale)", bests);
    }
}
