using HyperLab.Data;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;
using CSharpStyle = Plotly.NET.CSharp.GenericChartExtensions;

namespace HyperLab.Charts;


public static partial class Plot
{
    /// <summary>
    /// General: a grid of small grey-scale images, one row per <see cref="ImageRow"/> (lesson 05 shows training images
    /// next to augmented copies). Bright is high (Plotly's "Greys" scale: 0 black, the largest value white); the gaps between images are blank. The rows' labels are listed top to bottom in the title line of the
    /// y axis.
    /// </summary>
    /// <param name="rows">Rows of images, all of <paramref name="height"/> × <paramref name="width"/> pixels.</param>
    /// <param name="height">Pixels per image column. Default 28 (Fashion-MNIST).</param>
    /// <param name="width">Pixels per image row. Default 28.</param>
    /// <param name="title">Chart title. Default "Images".</param>
    public static GenericChart Images(IReadOnlyList<ImageRow> rows, int height = 28, int width = 28, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("No images to show.", nameof(rows));
        int columns = rows.Max(r => r.Pixels.Count);
        // One mosaic: images separated by a one-pixel gap (NaN, drawn blank).
        var z = new double[rows.Count * (height + 1)][];
        for (int i = 0; i < z.Length; i++) z[i] = Enumerable.Repeat(double.NaN, columns * (width + 1)).ToArray();
        for (int r = 0; r < rows.Count; r++)
            for (int c = 0; c < rows[r].Pixels.Count; c++)
            {
                var img = rows[r].Pixels[c];
                if (img.Length != height * width) throw new ArgumentException($"Image {c} of row '{rows[r].Label}' has {img.Length} pixels, not {height}×{width}.", nameof(rows));
                for (int y = 0; y < height; y++)
                    for (int x = 0; x < width; x++) z[r * (height + 1) + y][c * (width + 1) + x] = img[y * width + x];
            }
        var chart = CSharpChart.Heatmap<double, double, double, string>(z, ColorScale: StyleParam.Colorscale.Greys, ShowScale: false, ReverseYAxis: true, Name: "pixels");
        chart = Plotly.NET.Chart.withTitle(title ?? "Images", Microsoft.FSharp.Core.FSharpOption<Font>.None).Invoke(chart);
        chart = CSharpStyle.WithXAxisStyle<double, double, string>(chart, TitleText: $"{columns} images per row ({width}×{height} pixels each)", ShowGrid: false);
        chart = CSharpStyle.WithYAxisStyle<double, double, string>(chart, TitleText: "rows, top to bottom: " + string.Join(" · ", rows.Select(r => r.Label)), ShowGrid: false);
        return CSharpStyle.WithSize(chart, Math.Max(400, 60 * columns + 120), 80 * rows.Count + 160);
    }
}
