using HyperLab.Models;
using static TorchSharp.torch;

namespace HyperLab.Tests.Models;

public class MlpTests
{
    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 16)]
    [InlineData(3, 8)]
    public void Parameter_counts_match_a_hand_count(int depth, int width)
    {
        using var m = Mlp.Create(10, 3, new Hyperparameters { Depth = depth, Width = width });
        long expected = 0;
        int inputs = 10;
        for (int i = 0; i < depth; i++) { expected += inputs * width + width; inputs = width; }
        expected += inputs * 3 + 3;
        Assert.Equal(expected, m.TotalParameters);
        Assert.Equal(expected, m.ParameterCounts().Sum(p => p.Count));
        Assert.Equal(2 * (depth + 1), m.ParameterCounts().Count);   // a weight and a bias per layer
    }

    [Fact]
    public void Same_seed_same_weights_different_seed_different_weights()
    {
        var hp = new Hyperparameters { Depth = 2, Width = 8, Seed = 5 };
        using var a = Mlp.Create(4, 2, hp);
        using var b = Mlp.Create(4, 2, hp);
        using var c = Mlp.Create(4, 2, hp with { Seed = 6 });
        var wa = a.parameters().First().data<float>().ToArray();
        Assert.Equal(wa, b.parameters().First().data<float>().ToArray());
        Assert.NotEqual(wa, c.parameters().First().data<float>().ToArray());
    }

    [Fact]
    public void Residual_layers_add_their_input()
    {
        var hp = new Hyperparameters { Depth = 3, Width = 8, Residual = true };
        using var m = Mlp.Create(8, 2, hp);
        using var scope = NewDisposeScope();
        var x = randn(5, 8);
        // Zero the second hidden layer: with a skip connection it must pass its input through unchanged.
        using (no_grad())
        {
            foreach (var p in m.HiddenLayers[1].parameters()) p.zero_();
        }
        m.eval();
        var h1 = m.HiddenLayers[0].call(x);
        var h2 = m.HiddenLayers[1].call(h1);
        Assert.True(h2.allclose(h1));
    }

    [Theory]
    [InlineData(Normalization.BatchNorm)]
    [InlineData(Normalization.LayerNorm)]
    public void Normalized_networks_produce_one_score_per_class(Normalization norm)
    {
        using var m = Mlp.Create(6, 4, new Hyperparameters { Depth = 2, Width = 8, Normalization = norm, Dropout = 0.1, Activation = Activation.Tanh });
        using var scope = NewDisposeScope();
        Assert.Equal(new long[] { 7, 4 }, m.call(randn(7, 6)).shape);
        Assert.Contains(norm.ToString(), m.ToString());
    }
}
