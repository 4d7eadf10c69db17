using TorchSharp;
using static TorchSharp.torch;

namespace HyperLab;

/// <summary>
/// Random changes made to training images each time they are seen (lesson 05): a shift of up to
/// <see cref="MaxShift"/> pixels in each direction, a horizontal flip of half the images, and
/// Gaussian pixel noise. Validation and test images are never changed. Applies only to data with
/// an image shape; tables are passed through unchanged.
/// </summary>
/// <param name="MaxShift">Largest shift in pixels, 0 to 4. Default 0 (none); 2 is a sensible start for 28×28 images.</param>
/// <param name="HorizontalFlip">Mirror half of the images left to right. Default false; good for clothes, wrong for digits.</param>
/// <param name="Noise">Standard deviation of added pixel noise (pixels scaled 0..1), 0 to 1. Default 0; 0.05 is a sensible start.</param>
public sealed record Augmentation(int MaxShift = 0, bool HorizontalFlip = false, double Noise = 0)
{
    /// <summary>No augmentation.</summary>
    public static Augmentation None { get; } = new();

    /// <summary>Largest shift in pixels, 0 to 4.</summary>
    public int MaxShift { get; init => field = CheckShift(value); } = CheckShift(MaxShift);

    /// <summary>Standard deviation of the pixel noise, 0 to 1.</summary>
    public double Noise { get; init => field = Valid.Closed(nameof(Noise), value, 0, 1, "0.05"); } = Valid.Closed(nameof(Noise), Noise, 0, 1, "0.05");

    private static int CheckShift(int value) => Valid.Int(nameof(MaxShift), value, 0, 4, "2");

    /// <summary>True when this changes nothing.</summary>
    public bool IsNone => MaxShift == 0 && !HorizontalFlip && Noise == 0;

    /// <inheritdoc/>
    public override string ToString() => IsNone ? "none" :
        string.Join("+", new[] { MaxShift > 0 ? $"shift{MaxShift}" : null, HorizontalFlip ? "flip" : null, Noise > 0 ? $"noise{Hyperparameters.Fmt(Noise)}" : null }.Where(s => s != null));

    /// <summary>Returns an augmented copy of a batch of flattened images [B, C·H·W].</summary>
    /// <param name="batch">Images, one per row.</param>
    /// <param name="imageShape">[C, H, W].</param>
    /// <param name="random">The run's seeded random source.</param>
    public Tensor Apply(Tensor batch, int[] imageShape, Random random)
    {
        if (IsNone) return batch;
        long b = batch.shape[0];
        var images = batch.reshape(b, imageShape[0], imageShape[1], imageShape[2]);
        if (HorizontalFlip)
        {
            var mask = Mask(b, random, 0.5);
            images = where(mask.reshape(b, 1, 1, 1), images.flip(3), images);
        }
        if (MaxShift > 0) images = Shift(images, random);
        if (Noise > 0)
        {
            // The generator and the Scalars are held until the calls that read them return (docs/platform.md#p7-torchsharps-optimizers-race-the-garbage-collector).
            using var generator = new TorchSharp.torch.Generator((ulong)random.NextInt64());
            using var spread = Noise.ToScalar();
            using var one = 1.ToScalar();
            var noise = randn(images.shape, generator: generator).mul(spread);
            images = images.add(noise, one);
        }
        return images.reshape(b, -1);
    }

    // Each image moves by its own (dx, dy); images that share a shift are rolled together.
    private Tensor Shift(Tensor images, Random random)
    {
        long b = images.shape[0];
        int span = 2 * MaxShift + 1;
        var codes = Enumerable.Range(0, (int)b).Select(_ => random.Next(span * span)).ToArray();
        var result = images.clone();
        foreach (var group in codes.Select((code, i) => (code, i)).GroupBy(t => t.code))
        {
            int dy = group.Key / span - MaxShift, dx = group.Key % span - MaxShift;
            if (dx == 0 && dy == 0) continue;
            var idx = tensor(group.Select(t => (long)t.i).ToArray());
            var rolled = images.index_select(0, idx).roll(new long[] { dy, dx }, new long[] { 2, 3 });
            result.index_copy_(0, idx, rolled);
        }
        return result;
    }

    private static Tensor Mask(long n, Random random, double p) =>
        tensor(Enumerable.Range(0, (int)n).Select(_ => random.NextDouble() < p).ToArray());
}
