using HyperLab.Data;
using HyperLab.Lessons.Lesson04;
using HyperLab.Models;
using HyperLab.Tests.Training;

namespace HyperLab.Tests.NetworkDepth;

public class GradientNormsTests
{
    private static readonly Hyperparameters DeepSigmoid = new() { Depth = 20, Width = 32, Activation = Activation.Sigmoid };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_plain_deep_sigmoid_network_has_vanishing_gradients(int seed)
    {
        var g = GradientNorms.AtInit(DeepSigmoid with { Seed = seed }, TinyData.Moons(seed: seed).Train);
        Assert.Equal(20, g.Norms.Count);
        Assert.True(g.FirstToLast < 1e-2, g.ToString());
        Assert.True(g.Norms[0] < g.Norms[10] && g.Norms[10] < g.Norms[19], g.ToString());   // shrinking towards the input
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Residual_connections_with_layer_norm_keep_gradients_balanced(int seed)
    {
        var hp = DeepSigmoid with { Seed = seed, Residual = true, Normalization = Normalization.LayerNorm };
        var g = GradientNorms.AtInit(hp, TinyData.Moons(seed: seed).Train);
        Assert.True(g.Spread < 10 && g.FirstToLast > 0.1, g.ToString());
    }

    [Fact]
    public void A_shallow_relu_network_is_not_flagged_as_vanishing()
    {
        var g = GradientNorms.AtInit(new Hyperparameters { Depth = 2, Width = 32, Seed = 4 }, TinyData.Moons().Train);
        Assert.True(g.FirstToLast > 1e-2, g.ToString());
    }

    [Fact]
    public void Measuring_changes_no_weight_leaves_no_gradient_and_reports_the_batch_loss()
    {
        var data = TinyData.Moons().Train;
        using var model = Mlp.Create(data.FeatureCount, data.ClassCount, new Hyperparameters { Depth = 3, Width = 16, Seed = 5 });
        var before = model.parameters().Select(p => p.data<float>().ToArray()).ToList();
        var g = GradientNorms.Measure(model, data, batchSize: data.Count);
        var after = model.parameters().Select(p => p.data<float>().ToArray()).ToList();
        Assert.Equal(before, after);
        Assert.All(model.parameters(), p => Assert.True(p.grad is null || p.grad.abs().max().item<float>() == 0));
        Assert.Equal(3, g.Norms.Count);
        Assert.All(g.Norms, n => Assert.True(n > 0 && double.IsFinite(n)));
        Assert.Equal(HyperLab.Training.Evaluation.Measure(model, data).Loss, g.Loss, 4);   // no dropout or batch norm: train mode = eval mode
    }

    [Fact]
    public void A_linear_model_has_no_hidden_layer_to_measure()
    {
        Assert.Throws<ArgumentException>(() => GradientNorms.AtInit(new Hyperparameters { Depth = 0 }, TinyData.Moons().Train));
    }
}
