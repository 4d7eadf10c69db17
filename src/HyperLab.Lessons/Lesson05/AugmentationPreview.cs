using HyperLab.Data;
using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Lessons.Lesson05;

/// <summary>Augmented copies of a few training images next to the originals (lesson 05), for <c>Plot.Images</c>.</summary>
public static class AugmentationPreview
{
    /// <summary>The first <paramref name="count"/> images of <paramref name="images"/> as the first row, then
    /// <paramref name="passes"/> rows of augmented copies, each as the training loop would draw them on one pass.</summary>
    /// <param name="images">An image data set (e.g. a Fashion-MNIST sample).</param>
    /// <param name="augmentation">The augmentation to show.</param>
    /// <param name="count">Images per row, 1 to 20. Default 8.</param>
    /// <param name="passes">Rows of augmented copies, 1 to 10. Default 2.</param>
    /// <param name="seed">Seed of the random changes. Default 0.</param>
    public static IReadOnlyList<ImageRow> Of(Dataset images, Augmentation augmentation, int count = 8, int passes = 2, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(augmentation);
        var shape = images.ImageShape ?? throw new ArgumentException($"'{images.Name}' is a table, not images: augmentation changes images only.", nameof(images));
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Math.Min(20, images.Count));
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(passes, 10);
        var sample = images.Select(Enumerable.Range(0, count).ToList());
        using var scope = NewDisposeScope();
        var (x, _) = sample.ToTensors();
        var rows = new List<ImageRow> { new("original", Rows(x)) };
        var random = new Random(seed);
        for (int p = 1; p <= passes; p++)
            rows.Add(new ImageRow($"augmented ({augmentation}), pass {p}", Rows(augmentation.Apply(x, shape, random))));
        return rows;
    }

    private static IReadOnlyList<float[]> Rows(Tensor batch)
    {
        var flat = batch.contiguous().to_type(ScalarType.Float32).data<float>().ToArray();
        int n = (int)batch.shape[0], d = (int)batch.shape[1];
        return Enumerable.Range(0, n).Select(i => flat.AsSpan(i * d, d).ToArray()).ToList();
    }
}
