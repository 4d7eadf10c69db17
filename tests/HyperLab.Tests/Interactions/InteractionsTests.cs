using HyperLab.Lessons.Lesson02;
using HyperLab.Lessons.Lesson03;
using HyperLab.Lessons.Lesson06;
using HyperLab.Sweeps;
using HyperLab.Tests.Claims;
using HyperLab.Tests.Sweeps;
using HyperLab.Tests.Training;

namespace HyperLab.Tests.Interactions;

public class InteractionsTests
{
    private static SweepResult<double> Scripted(string knob, params (double Value, double Loss)[] runs) =>
        new(knob, runs.Select(r => new SweepPoint<double>(r.Value, ScriptedRuns.Run(r.Loss))).ToList());

    [Fact]
    public void The_largest_spread_wins_and_the_ratio_is_against_the_next_largest()
    {
        var result = new ImportanceResult(new Hyperparameters(),
        [
            new KnobSpread(Knob.LearningRate(1e-4, 1e-2), Scripted("lr", (1e-4, 1.5), (1e-2, 0.1))),
            new KnobSpread(Knob.BatchSize(16, 256), Scripted("batch", (16, 0.1), (256, 0.4))),
        ]);
        Assert.Equal("lr", result.Largest.Knob.Name);
        Assert.Equal(1.4 / 0.3, result.RatioToNext("lr"), 9);
        Assert.StartsWith("largest spread: lr", result.ToString());
    }

    [Fact]
    [NegativeControl("06.7")]
    public void When_the_rate_does_not_matter_its_ratio_is_below_one()
    {
        var result = new ImportanceResult(new Hyperparameters(),
        [
            new KnobSpread(Knob.LearningRate(1e-4, 1e-2), Scripted("lr", (1e-4, 0.2), (1e-2, 0.2))),
            new KnobSpread(Knob.Depth(1, 4), Scripted("depth", (1, 0.1), (4, 0.9))),
        ]);
        Assert.True(result.RatioToNext("lr") < 1);
        Assert.Equal("depth", result.Largest.Knob.Name);
        Assert.False(result.Dominance("lr", 0.03).Holds);
    }

    [Fact]
    [NegativeControl("06.7")]
    public void A_rate_that_wins_only_through_one_extreme_value_does_not_matter_most()
    {
        // lr's spread comes from 1e-4 alone (far too small for the budget); without it the rate is flat, while the batch still spreads.
        var extreme = new ImportanceResult(new Hyperparameters(),
        [
            new KnobSpread(Knob.LearningRate(1e-4, 1e-3, 1e-2, 3e-2), Scripted("lr", (1e-4, 2.1), (1e-3, 0.12), (1e-2, 0.11), (3e-2, 0.12))),
            new KnobSpread(Knob.BatchSize(16, 64, 256), Scripted("batch", (16, 0.09), (64, 0.11), (256, 0.31))),
            new KnobSpread(Knob.Epochs(2, 6, 18), Scripted("epochs", (2, 0.27), (6, 0.11), (18, 0.2))),
        ]);
        Assert.True(extreme.RatioToNext("lr") > 1);   // the old check passed
        var d = extreme.Dominance("lr", 0.03);
        Assert.True(d.Lead > 0.03);
        Assert.False(d.Holds, d.ToString());
        Assert.Contains("does not matter most", d.ToString());
        // The effect: the rate spreads the loss even without its worst run.
        var real = new ImportanceResult(new Hyperparameters(),
        [
            new KnobSpread(Knob.LearningRate(3e-4, 1e-3, 3e-3, 1e-2, 3e-2), Scripted("lr", (3e-4, 0.9), (1e-3, 0.3), (3e-3, 0.11), (1e-2, 0.11), (3e-2, 0.17))),
            new KnobSpread(Knob.BatchSize(16, 64, 256), Scripted("batch", (16, 0.09), (64, 0.11), (256, 0.31))),
        ]);
        Assert.True(real.Dominance("lr", 0.03).Holds, real.Dominance("lr", 0.03).ToString());
        // A lead within the margin (seed noise) is no lead.
        Assert.False(real.Dominance("lr", 0.7).Holds);
        Assert.Throws<ArgumentOutOfRangeException>(() => real.Dominance("lr", -1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Importance_sweeps_each_knob_around_the_baseline(int seed)
    {
        var baseline = new Hyperparameters { Depth = 1, Width = 16, Epochs = 2, Seed = seed };
        var result = SweepImportance.Measure(TinyData.Moons(seed: seed), baseline, [Knob.LearningRate(1e-4, 1e-2), Knob.Depth(1, 2)]);
        Assert.All(result["lr"].Sweep.Points, p => Assert.Equal(baseline with { LearningRate = p.Value }, p.History.Hyperparameters));
        Assert.All(result["depth"].Sweep.Points, p => Assert.Equal(baseline with { Depth = (int)p.Value }, p.History.Hyperparameters));
        Assert.True(result["lr"].Spread > 0);
    }

    [Fact]
    [NegativeControl("06.3")]
    public void Onsets_are_later_with_strength_only_when_they_are()
    {
        static OverfitOnsets Of(params int[] minima) => OverfitOnsets.Of(new SweepResult<double>("dropout", minima.Select((m, i) =>
            new SweepPoint<double>(i * 0.3, ScriptedRuns.Run(0, curve: Enumerable.Range(1, 20).Select(e => 1.0 + Math.Abs(e - m) * 0.1).ToList()))).ToList()));
        var later = Of(4, 9, 15);
        Assert.Equal(new[] { 4, 9, 15 }, later.Onsets.Select(o => o.Epoch));
        Assert.True(later.LaterWithStrength);
        Assert.False(Of(4, 4, 4).LaterWithStrength);     // regularization did nothing
        Assert.False(Of(9, 4, 15).LaterWithStrength);    // not in order
        Assert.Contains("dropout 0.3 → epoch 9 of 20", later.ToString());
    }

    [Fact]
    public void A_retune_row_says_whether_the_best_moved()
    {
        var moves = ScriptedRuns.Grid([8, 512], Sweep.LogGrid(1e-4, 1e-1, 2), b => 1e-3 * Math.Sqrt(b / 8));
        var stays = ScriptedRuns.Grid([8, 512], Sweep.LogGrid(1e-4, 1e-1, 2), _ => 1e-3);
        var elsewhere = ScriptedRuns.Grid([8, 512], Sweep.LogGrid(1e-4, 1e-1, 2), _ => 1e-1);
        var table = new RetuneTable().Add(moves).Add(stays).Add("optimizer", stays, elsewhere).Add("nothing", stays, stays);
        Assert.True(table.Rows[0].Moved);
        Assert.False(table.Rows[1].Moved);
        Assert.StartsWith("when you change batch, retune lr: best lr 1e-3 at batch 8", table.Rows[0].ToString());
        Assert.Contains("the best lr did not move on this grid", table.Rows[1].ToString());
        Assert.True(table.Rows[2].Moved);
        Assert.False(table.Rows[3].Moved);
    }

    [Fact]
    public void Depth_adds_activation_memory_in_proportion_to_depth_times_batch()
    {
        var shape = new Hyperparameters { Width = 256 };
        var grid = MemoryGrid.For(784, 10, shape, [1, 4, 16], [32, 256]);
        Assert.True(grid.ProportionalToDepthTimesBatch);
        Assert.Equal(4L * 2 * 256 * 16 * 256, grid.DepthPart(16, 256));   // 4 bytes × 2 tensors per layer × width × depth × batch
        var largest = grid.LargestBatches(64_000_000);
        Assert.True(largest.Zip(largest.Skip(1)).All(p => p.Second.LargestBatch < p.First.LargestBatch));
        // Without hidden layers there is no depth part: the measure cannot call it proportional.
        Assert.False(MemoryGrid.For(784, 10, shape, [0], [32, 256]).ProportionalToDepthTimesBatch);
    }
}
