using HyperLab.Charts;
using HyperLab.Training;

namespace HyperLab.Tests.Charts;

/// <summary>Epoch curves draw each run's numbers per epoch, the series and metric the options ask for, the best epoch,
/// the early stop and the target where they belong.</summary>
public class EpochCurvesTests
{
    private static bool Close(double a, double b) => Math.Abs(a - b) < 1e-12;

    [Fact]
    public void Several_runs_get_a_training_and_a_validation_line_each_and_a_star_at_the_lowest_validation_loss()
    {
        var a = Scripted.Run("a", 6, bestEpoch: 4);
        var b = Scripted.Run("b", 3);
        var chart = ChartJson.Of(Plot.EpochCurves(new[] { a, b }));
        Assert.Equal(a.Epochs.Select(e => e.TrainLoss), chart.Named("a · training").Y, Close);
        Assert.Equal(a.Epochs.Select(e => e.ValidationLoss), chart.Named("a · validation").Y, Close);
        Assert.Equal(new[] { 1.0, 2, 3 }, chart.Named("b · validation").X);
        var star = chart.Named("a · lowest validation loss");
        Assert.Equal(4.0, Assert.Single(star.X));
        Assert.Equal(a.BestEpoch!.ValidationLoss, Assert.Single(star.Y), 12);
        Assert.Equal(6, chart.Traces.Count);                       // 2 runs × (training, validation, star)
        Assert.False(chart.Y.Log);
        Assert.Contains("loss (nats)", chart.Y.Title);
        Assert.Contains("epoch", chart.X.Title);
    }

    [Fact]
    public void Validation_only_accuracy_and_log_axis_come_from_the_options()
    {
        var a = Scripted.Run("a", 5);
        var chart = ChartJson.Of(Plot.EpochCurves(new[] { a, Scripted.Run("b", 5) }, new() { Series = ChartSeries.Validation, Metric = ChartMetric.Accuracy, LogY = true, MarkBest = false }));
        Assert.Equal(2, chart.Traces.Count);
        Assert.DoesNotContain(chart.Traces, t => t.Name.Contains("training"));
        Assert.Equal(a.Epochs.Select(e => e.ValidationAccuracy), chart.Named("a · validation").Y, Close);
        Assert.True(chart.Y.Log);
        Assert.Contains("accuracy", chart.Y.Title);
        Assert.Contains("log scale", chart.Y.Title);
    }

    [Fact]
    public void A_target_draws_a_line_and_a_circle_where_each_run_first_reaches_it()
    {
        var fast = Scripted.Run("fast", 8);
        var slow = Scripted.Run("slow", 8) with { Epochs = fast.Epochs.Select(e => e with { ValidationLoss = e.ValidationLoss * 2 }).ToList() };
        double target = 0.3;
        var chart = ChartJson.Of(Plot.EpochCurves(new[] { fast, slow }, new() { Target = target }));
        Assert.Equal((double)fast.FirstEpochReaching(target)!.Value, Assert.Single(chart.Named("fast · reaches").X));
        Assert.Equal((double)slow.FirstEpochReaching(target)!.Value, Assert.Single(chart.Named("slow · reaches").X));
        Assert.True(slow.FirstEpochReaching(target) > fast.FirstEpochReaching(target));
        Assert.All(chart.Named("target").Y, y => Assert.Equal(target, y));
        Assert.Equal(new[] { 1.0, 8.0 }, chart.Named("target").X);
    }

    [Fact]
    public void One_run_shows_its_best_epoch_and_its_early_stop_as_vertical_lines()
    {
        var stopped = Scripted.Run("stopped", 9, bestEpoch: 4, stop: StopReason.EarlyStopped) with { RestoredEpoch = 4 };
        var chart = ChartJson.Of(Plot.EpochCurves(stopped));
        Assert.Equal(new[] { 4.0, 4.0 }, chart.Named("best epoch 4 (restored)").X);
        Assert.Equal(new[] { 9.0, 9.0 }, chart.Named("early stop after epoch 9").X);
        Assert.Equal(stopped.Epochs.Select(e => e.TrainLoss), chart.Named("training").Y, Close);   // one run: no label prefix

        var completed = ChartJson.Of(Plot.EpochCurves(Scripted.Run("done", 5, bestEpoch: 3)));
        Assert.DoesNotContain(completed.Traces, t => t.Name.StartsWith("early stop", StringComparison.Ordinal));
        Assert.DoesNotContain(ChartJson.Of(Plot.EpochCurves(stopped, new() { MarkBest = false })).Traces, t => t.Name.StartsWith("best epoch", StringComparison.Ordinal));
    }

    [Fact]
    public void Before_and_after_a_change_the_reference_is_dashed_the_change_solid_and_a_shared_run_drawn_once()
    {
        var shared = Scripted.Run("batch 32", 3);
        var plain = Scripted.Run("batch 512, plain", 3);
        var scaled = Scripted.Run("batch 512, scaled", 3);
        var chart = Plot.EpochCurves(new[] { shared, plain }, new[] { shared, scaled });
        var json = ChartJson.Of(chart);
        Assert.Equal(3, json.Traces.Count);
        Assert.Single(json.Traces, t => t.Name == "batch 32");
        string figure = Plotly.NET.GenericChart.toFigureJson(chart);
        var doc = System.Text.Json.JsonDocument.Parse(figure).RootElement.GetProperty("data").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("line"));
        Assert.Equal("dash", doc["batch 512, plain"].GetProperty("dash").GetString());
        Assert.Equal("solid", doc["batch 512, scaled"].GetProperty("dash").GetString());
        Assert.Equal("solid", doc["batch 32"].GetProperty("dash").GetString());
        Assert.Equal(doc["batch 512, plain"].GetProperty("color").GetString(), doc["batch 512, scaled"].GetProperty("color").GetString());
        Assert.NotEqual(doc["batch 32"].GetProperty("color").GetString(), doc["batch 512, scaled"].GetProperty("color").GetString());
        Assert.Equal(scaled.Epochs.Select(e => e.ValidationLoss), json.Named("batch 512, scaled").Y, Close);
    }
}
