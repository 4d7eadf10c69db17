using HyperLab.Lessons.Lesson02;
using HyperLab.Models;

namespace HyperLab.Tests.BatchSizes;

public class MemoryEstimateTests
{
    private static readonly Hyperparameters Small = new() { Depth = 2, Width = 5, BatchSize = 10, Optimizer = OptimizerKind.AdamW };

    [Fact]
    public void Matches_a_hand_count_for_a_small_model()
    {
        // 4 → 5 → 5 → 3: P = (4·5+5) + (5·5+5) + (5·3+3) = 25 + 30 + 18 = 73.
        // A = 4 inputs + 2 layers × (5 linear + 5 ReLU) + 3 logits = 27 per example.
        var m = MemoryEstimate.For(4, 3, Small);
        Assert.Equal(73, m.Parameters);
        Assert.Equal(27, m.ActivationsPerExample);
        Assert.Equal(2, m.OptimizerStateCopies);
        Assert.Equal(4 * 73, m.ParameterBytes);
        Assert.Equal(4 * 73, m.GradientBytes);
        Assert.Equal(4 * 73 * 2, m.OptimizerStateBytes);
        Assert.Equal(4 * 10 * 27, m.ActivationBytes);
        Assert.Equal(4 * (73 * 4 + 10 * 27), m.TotalBytes);
        Assert.Contains("73 × (2 + 2) + 10 × 27", m.Formula);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd, 0)]
    [InlineData(OptimizerKind.Momentum, 1)]
    [InlineData(OptimizerKind.Adam, 2)]
    public void Optimizer_state_depends_on_the_optimizer(OptimizerKind kind, int copies) =>
        Assert.Equal(copies, MemoryEstimate.For(4, 3, Small with { Optimizer = kind }).OptimizerStateCopies);

    [Theory]
    [InlineData(2, 5, Normalization.None, 0.0, false)]
    [InlineData(3, 8, Normalization.LayerNorm, 0.0, false)]
    [InlineData(3, 8, Normalization.None, 0.3, false)]
    [InlineData(4, 6, Normalization.None, 0.0, true)]
    [InlineData(0, 6, Normalization.None, 0.0, false)]
    public void Formula_agrees_with_the_model_and_a_real_forward_pass(int depth, int width, Normalization norm, double dropout, bool residual)
    {
        var hp = Small with { Depth = depth, Width = width, Normalization = norm, Dropout = dropout, Residual = residual };
        using var model = Mlp.Create(7, 4, hp);
        foreach (int batch in new[] { 3, 6, 12 })
        {
            var m = MemoryEstimate.For(7, 4, hp with { BatchSize = batch });
            Assert.Equal(model.TotalParameters, m.Parameters);
            Assert.Equal(batch * m.ActivationsPerExample, ActivationCount.Measure(model, 7, batch));
        }
    }

    [Fact]
    public void Activations_grow_linearly_with_batch_and_with_depth_times_batch()
    {
        var a = MemoryEstimate.For(784, 10, Small with { Depth = 2, Width = 128, BatchSize = 64 });
        var b = MemoryEstimate.For(784, 10, Small with { Depth = 2, Width = 128, BatchSize = 128 });
        Assert.Equal(2 * a.ActivationBytes, b.ActivationBytes);
        Assert.Equal(a.FixedBytes, b.FixedBytes);
        var deep = MemoryEstimate.For(784, 10, Small with { Depth = 8, Width = 128, BatchSize = 64 });
        // Hidden activations: 4 bytes × batch × depth × 2 × width.
        Assert.Equal(4L * 64 * 6 * 2 * 128, deep.ActivationBytes - a.ActivationBytes);
    }

    [Fact]
    public void Largest_batch_fits_the_budget_and_one_more_does_not()
    {
        var hp = Small with { Depth = 2, Width = 128 };
        long budget = 5_000_000;
        int largest = MemoryEstimate.LargestBatch(784, 10, hp, budget);
        Assert.True(largest > 0);
        Assert.True(MemoryEstimate.For(784, 10, hp with { BatchSize = largest }).TotalBytes <= budget);
        Assert.True(MemoryEstimate.For(784, 10, hp with { BatchSize = largest + 1 }).TotalBytes > budget);
        Assert.Equal(0, MemoryEstimate.LargestBatch(784, 10, hp, 1_000));
    }
}
