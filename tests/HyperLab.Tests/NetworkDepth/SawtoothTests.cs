using HyperLab.Lessons.Lesson04;

namespace HyperLab.Tests.NetworkDepth;

public class SawtoothTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void Deep_and_shallow_networks_both_draw_the_sawtooth_with_2_to_the_k_pieces(int k)
    {
        Assert.Equal(1 << k, LinearPieces.Count(Sawtooth.Deep(k).Evaluate));
        Assert.Equal(1 << k, LinearPieces.Count(Sawtooth.Shallow(k).Evaluate));
        Assert.True(LinearPieces.LargestDifference(Sawtooth.Deep(k).Evaluate, x => Sawtooth.Target(k, x)) < 1e-9);
        Assert.Equal(6 * k + 1, Sawtooth.Deep(k).Parameters);
        Assert.Equal(3 * (1 << k) + 1, Sawtooth.Shallow(k).Parameters);
    }

    [Fact]
    public void The_piece_count_sees_a_line_as_one_piece_and_a_kink_inside_a_cell_as_one_kink()
    {
        Assert.Equal(1, LinearPieces.Count(x => 3 * x - 1));
        Assert.Equal(2, LinearPieces.Count(x => Math.Abs(x - 0.3333333)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void A_comparison_fails_when_the_shallow_network_lacks_a_unit(int seed)
    {
        var c = SawtoothComparison.Measure(5, seed, draws: 20);
        Assert.True(c.BothDrawIt);
        Assert.True(c.BudgetMostPieces <= c.BudgetWidth + 1);
        var w = (double[,])c.Shallow.Layers[1].Weights.Clone();
        w[0, 7] = 0;   // drop one kink: the shallow network no longer draws the sawtooth
        var broken = c with { Shallow = new ReluNet([c.Shallow.Layers[0], (w, c.Shallow.Layers[1].Biases)]) };
        var recounted = broken with { ShallowPieces = LinearPieces.Count(broken.Shallow.Evaluate) };
        Assert.False(recounted.BothDrawIt);
    }
}
