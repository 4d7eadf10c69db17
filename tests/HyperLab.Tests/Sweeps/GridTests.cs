using HyperLab.Sweeps;
using HyperLab.Tests.Training;
using HyperLab.Training;

namespace HyperLab.Tests.Sweeps;

/// <summary>Histories with chosen final validation losses, for testing what a grid's result reads.</summary>
internal static class ScriptedRuns
{
    public static History Run(double validationLoss, Hyperparameters? hp = null, bool diverged = false, IReadOnlyList<double>? curve = null)
    {
        var losses = curve ?? [validationLoss];
        var epochs = losses.Select((v, i) => new EpochRecord(i + 1, v, 0.5, v, 0.5, 0.01, 1e-3)).ToList();
        return new History("scripted", hp ?? new Hyperparameters(), [], diverged ? [] : epochs,
            diverged ? StopReason.Diverged : StopReason.Completed, diverged ? new Divergence(3, double.NaN, "loss became NaN") : null, null, 0.1);
    }

    /// <summary>A grid whose loss is (log10 row − log10 best(column))² + 0.1: the best row of column c is <paramref name="bestRow"/>(c).</summary>
    public static GridResult Grid(double[] columns, double[] rows, Func<double, double> bestRow) =>
        new("batch", columns, "lr", rows, columns.Select(c => (IReadOnlyList<History>)rows.Select(r =>
            Run(Math.Pow(Math.Log10(r) - Math.Log10(bestRow(c)), 2) + 0.1)).ToList()).ToList());
}

public class GridTests
{
    private static readonly double[] Batches = [8, 32, 128, 512];
    private static readonly double[] Rates = Sweep.LogGrid(1e-4, 1e-1, 2);

    [Fact]
    public void The_best_row_of_each_column_follows_the_loss()
    {
        // Best rate ∝ √batch, as the square-root rule says: slope ½ on log-log axes.
        var grid = ScriptedRuns.Grid(Batches, Rates, b => 1e-3 * Math.Sqrt(b / 8));
        Assert.Equal(new[] { 1e-3, 1e-3 * 2, 1e-3 * 4, 1e-3 * 8 }.Select(r => Rates.MinBy(x => Math.Abs(Math.Log(x / r)))), grid.BestPerColumn.Select(c => c!.Row));
        Assert.InRange(grid.BestRowFit.Slope, 0.3, 0.7);
        Assert.True(grid.BestRowShiftDecades > 0.4);
        Assert.Equal(Rates.Length, grid.Loss.Length);
        Assert.Equal(Batches.Length, grid.Loss[0].Length);
        Assert.Contains("best lr per batch", grid.ToString());
    }

    [Fact]
    public void When_the_best_row_does_not_depend_on_the_column_the_measures_say_so()
    {
        var grid = ScriptedRuns.Grid(Batches, Rates, _ => 1e-3);
        Assert.Equal(0, grid.BestRowFit.Slope, 12);
        Assert.Equal(0, grid.BestRowShiftDecades, 12);
    }

    [Fact]
    public void Diverged_runs_are_never_the_best_and_a_column_of_them_has_no_best()
    {
        var rows = new[] { 1e-3, 1e-2 };
        var grid = new GridResult("batch", [8, 64], "lr", rows,
        [
            [ScriptedRuns.Run(0.5), ScriptedRuns.Run(0.01, diverged: true)],
            [ScriptedRuns.Run(0, diverged: true), ScriptedRuns.Run(0, diverged: true)],
        ]);
        Assert.Equal(1e-3, grid.BestPerColumn[0]!.Row);
        Assert.Null(grid.BestPerColumn[1]);
        Assert.Equal(0.5, grid.Best.Loss);
        Assert.True(double.IsPositiveInfinity(grid.Loss[1][0]));
        Assert.Contains("diverged", grid.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void A_grid_trains_every_pair_once_and_sets_both_knobs(int seed)
    {
        var baseline = new Hyperparameters { Depth = 1, Width = 16, Epochs = 2, Seed = seed };
        var grid = Grid.Run(TinyData.Moons(seed: seed), baseline, Knob.BatchSize(16, 64), Knob.LearningRate(1e-3, 1e-2, 1e-1));
        Assert.Equal(2, grid.Runs.Count);
        for (int c = 0; c < 2; c++)
            for (int r = 0; r < 3; r++)
            {
                var hp = grid.Runs[c][r].Hyperparameters;
                Assert.Equal((int)grid.Columns[c], hp.BatchSize);
                Assert.Equal(grid.Rows[r], hp.LearningRate);
                Assert.Equal(baseline with { BatchSize = hp.BatchSize, LearningRate = hp.LearningRate }, hp);
            }
        Assert.StartsWith("batch=16 · lr=", grid.Runs[0][0].Label);
        // On two moons with 2 epochs, the smallest rate is too slow for the largest batch.
        Assert.True(grid.Cell(1, 0).Loss > grid.BestPerColumn[1]!.Loss);
    }

    [Fact]
    public void A_knob_without_values_is_refused_with_its_name()
    {
        var e = Assert.Throws<HyperparameterException>(() => Knob.LearningRate());
        Assert.Equal("Values", e.Field);
        Assert.Contains("'lr'", e.Message);
        e = Assert.Throws<HyperparameterException>(() => Knob.Dropout(0, 0.2) with { Values = [] });
        Assert.StartsWith("Values = [] is not valid: Values must be at least one value to try (the knob 'dropout'", e.Message);
        Assert.Contains("Sweep.LogGrid", e.Suggestion);
    }

    [Fact]
    public void A_knob_refuses_values_that_are_not_finite_or_out_of_their_hyperparameter_range()
    {
        var e = Assert.Throws<HyperparameterException>(() => Knob.LearningRate(1e-3, double.PositiveInfinity));
        Assert.Equal("Values[1]", e.Field);
        Assert.Contains("finite", e.Message);
        Assert.Equal("Values[0]", Assert.Throws<HyperparameterException>(() => Knob.WeightDecay(1e-4) with { Values = [double.NaN] }).Field);
        Assert.Equal("LearningRate", Assert.Throws<HyperparameterException>(() => Knob.LearningRate(0, 1e-3)).Field);
        Assert.Equal("Dropout", Assert.Throws<HyperparameterException>(() => Knob.Dropout(0.2, 1)).Field);
        Assert.Equal("Apply", Assert.Throws<HyperparameterException>(() => Knob.Depth(1) with { Apply = null! }).Field);
        Assert.Equal("Name", Assert.Throws<HyperparameterException>(() => new Knob("", [1], (hp, v) => hp)).Field);
        Assert.Equal("custom: 1, 2", new Knob("custom", [1, 2], (hp, v) => hp).ToString());
    }
}
