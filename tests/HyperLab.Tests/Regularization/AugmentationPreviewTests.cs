using HyperLab.Data;
using HyperLab.Lessons.Lesson05;

namespace HyperLab.Tests.Regularization;

public class AugmentationPreviewTests
{
    private static Dataset Images(int n = 5) => new("tiny images", Enumerable.Range(0, n * 9).Select(i => (float)(i % 7) / 7).ToArray(),
        Enumerable.Range(0, n).Select(i => (long)(i % 2)).ToArray(), 9, ["a", "b"], [1, 3, 3]);

    [Fact]
    public void The_first_row_is_the_originals_and_each_pass_adds_a_row()
    {
        var data = Images();
        var rows = AugmentationPreview.Of(data, new Augmentation(Noise: 0.1), count: 4, passes: 2, seed: 1);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(4, r.Pixels.Count));
        for (int i = 0; i < 4; i++) Assert.Equal(data.Row(i).ToArray(), rows[0].Pixels[i]);
        Assert.NotEqual(rows[0].Pixels[0], rows[1].Pixels[0]);
        Assert.NotEqual(rows[1].Pixels[0], rows[2].Pixels[0]);   // each pass draws new changes
    }

    [Fact]
    public void No_augmentation_shows_the_originals_again_and_a_table_is_refused()
    {
        var rows = AugmentationPreview.Of(Images(), Augmentation.None, count: 3, passes: 1);
        Assert.Equal(rows[0].Pixels, rows[1].Pixels);
        var table = new Dataset("table", new float[6], [0, 1], 3, ["a", "b"]);
        Assert.Throws<ArgumentException>(() => AugmentationPreview.Of(table, Augmentation.None, count: 1));
    }
}
