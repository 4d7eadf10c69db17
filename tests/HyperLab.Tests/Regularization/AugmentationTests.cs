using static TorchSharp.torch;

namespace HyperLab.Tests.Regularization;

public class AugmentationTests
{
    private static readonly int[] Shape = [1, 6, 6];

    /// <summary>A batch of distinct, asymmetric images: pixel (y, x) of image i is i + 0.1·y + 0.01·x + 0.001.</summary>
    private static Tensor Batch(int n = 4) =>
        arange(n).reshape(n, 1, 1).to_type(ScalarType.Float32)
        + (arange(6).reshape(1, 6, 1) * 0.1f + arange(6).reshape(1, 1, 6) * 0.01f + 0.001f).to_type(ScalarType.Float32)
        is var t ? t.reshape(n, 36) : throw new InvalidOperationException();

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    [Fact]
    public void None_returns_the_batch_unchanged()
    {
        using var scope = NewDisposeScope();
        var x = Batch();
        var y = Augmentation.None.Apply(x, Shape, new Random(0));
        Assert.True(Same(y, x));
        Assert.True(Augmentation.None.IsNone);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void Every_augmentation_keeps_the_shape(int seed)
    {
        using var scope = NewDisposeScope();
        var x = Batch(5);
        foreach (var a in new[] { new Augmentation(MaxShift: 2), new Augmentation(HorizontalFlip: true), new Augmentation(Noise: 0.1), new Augmentation(2, true, 0.05) })
            Assert.Equal(x.shape, a.Apply(x, Shape, new Random(seed)).shape);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_shift_moves_pixels_by_at_most_MaxShift_and_keeps_their_values(int seed)
    {
        using var scope = NewDisposeScope();
        var x = Batch(16);
        var y = new Augmentation(MaxShift: 1).Apply(x, Shape, new Random(seed));
        int moved = 0;
        for (int i = 0; i < 16; i++)
        {
            var img = x[i].reshape(6, 6);
            var got = y[i].reshape(6, 6);
            // The result is the image rolled by some (dy, dx) with |dy|, |dx| <= 1: find it.
            bool found = false;
            for (int dy = -1; dy <= 1 && !found; dy++)
                for (int dx = -1; dx <= 1 && !found; dx++)
                    if (Same(img.roll([dy, dx], [0, 1]), got)) { found = true; if (dy != 0 || dx != 0) moved++; }
            Assert.True(found, $"image {i} is not a shift of its original by at most 1 pixel");
        }
        Assert.True(moved >= 8, $"only {moved} of 16 images moved (8 of 9 shifts move an image)");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_flip_mirrors_about_half_of_the_images_left_to_right(int seed)
    {
        using var scope = NewDisposeScope();
        var x = Batch(40);
        var y = new Augmentation(HorizontalFlip: true).Apply(x, Shape, new Random(seed));
        int flipped = 0;
        for (int i = 0; i < 40; i++)
        {
            var img = x[i].reshape(6, 6);
            var got = y[i].reshape(6, 6);
            if (Same(got, img.flip(1))) flipped++;
            else Assert.True(Same(got, img), $"image {i} is neither unchanged nor mirrored");
        }
        Assert.InRange(flipped, 10, 30);
    }

    [Theory]
    [InlineData(0, 0.05)]
    [InlineData(1, 0.2)]
    public void Noise_has_the_stated_standard_deviation_and_mean_zero(int seed, double std)
    {
        using var scope = NewDisposeScope();
        var x = zeros(200, 36);
        var noise = new Augmentation(Noise: std).Apply(x, Shape, new Random(seed)) - x;
        Assert.InRange(noise.std().item<float>(), 0.95 * std, 1.05 * std);
        Assert.InRange(noise.mean().item<float>(), -0.05 * std, 0.05 * std);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void The_same_seed_gives_the_same_output_and_another_seed_does_not(int seed)
    {
        using var scope = NewDisposeScope();
        var x = Batch(8);
        var a = new Augmentation(2, true, 0.05);
        var first = a.Apply(x, Shape, new Random(seed));
        var again = a.Apply(x, Shape, new Random(seed));
        var other = a.Apply(x, Shape, new Random(seed + 1));
        Assert.True(Same(first, again));
        Assert.False(Same(first, other));
    }
}
