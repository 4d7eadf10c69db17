using HyperLab.Data;

namespace HyperLab.Tests.Data;

public class SyntheticTests
{
    public static TheoryData<string> Kinds => new() { "moons", "spirals", "blobs" };

    private static Dataset Make(string kind, int count, double noise, int seed) => kind switch
    {
        "moons" => Synthetic.TwoMoons(count, noise, seed),
        "spirals" => Synthetic.Spirals(count, 3, noise, seed),
        _ => Synthetic.Blobs(count, 4, noise, seed),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_same_seed_gives_the_same_points_and_another_seed_other_points(string kind)
    {
        var a = Make(kind, 301, 0.1, seed: 4);
        var b = Make(kind, 301, 0.1, seed: 4);
        var c = Make(kind, 301, 0.1, seed: 5);
        Assert.Equal(a.Features, b.Features);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Features, c.Features);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Points_are_2d_with_balanced_classes_in_shuffled_order(string kind)
    {
        var d = Make(kind, 301, 0.1, seed: 0);
        Assert.Equal(301, d.Count);
        Assert.Equal(2, d.FeatureCount);
        var counts = d.ClassCounts();
        Assert.True(counts.Max() - counts.Min() <= 1);
        Assert.Equal(301, counts.Sum());
        Assert.NotEqual(d.Labels.Order(), d.Labels); // not in class blocks
        Assert.All(d.Features, x => Assert.True(float.IsFinite(x)));
    }

    [Fact]
    public void Noise_free_moons_lie_on_their_half_circles()
    {
        var d = Synthetic.TwoMoons(200, 0, seed: 1);
        for (var i = 0; i < d.Count; i++)
        {
            var (x, y) = (d.Row(i)[0], d.Row(i)[1]);
            var (cx, cy) = d.Labels[i] == 0 ? (0.0, 0.0) : (1.0, 0.5);
            Assert.Equal(1, Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)), 4);
            Assert.True(d.Labels[i] == 0 ? y >= -1e-6 : y <= 0.5 + 1e-6);
        }
    }

    [Fact]
    public void Noise_free_spirals_stay_inside_the_unit_circle()
    {
        var d = Synthetic.Spirals(300, 3, 0, seed: 1);
        Assert.All(Enumerable.Range(0, d.Count), i => Assert.InRange(Math.Sqrt(d.Row(i)[0] * d.Row(i)[0] + d.Row(i)[1] * d.Row(i)[1]), 0, 1 + 1e-6));
        Assert.Equal(3, d.ClassCount);
    }

    [Fact]
    public void Blobs_gather_around_their_centres_with_the_given_spread()
    {
        var d = Synthetic.Blobs(4000, 4, 0.5, seed: 2);
        for (var c = 0; c < 4; c++)
        {
            var rows = Enumerable.Range(0, d.Count).Where(i => d.Labels[i] == c).ToArray();
            var xs = rows.Select(i => (double)d.Row(i)[0]).ToArray();
            var ys = rows.Select(i => (double)d.Row(i)[1]).ToArray();
            Assert.Equal(3 * Math.Cos(Math.PI / 2 * c), xs.Average(), 1);
            Assert.Equal(3 * Math.Sin(Math.PI / 2 * c), ys.Average(), 1);
            var std = Math.Sqrt(xs.Select(x => (x - xs.Average()) * (x - xs.Average())).Average());
            Assert.InRange(std, 0.45, 0.55);
        }
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.TwoMoons(1, 0.1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.Spirals(100, 1, 0.1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.Blobs(100, 3, -1, 0));
    }
}
