using HyperLab.Data;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;
using CSharpStyle = Plotly.NET.CSharp.GenericChartExtensions;

namespace HyperLab.Charts;

public static partial class Plot
{
    /// <summary>
    /// A grid of small square grey-scale images, one row per <see cref="ImageRow"/> (lesson 05 shows training images
    /// next to augmented copies). Bright is high (Plotly's "Greys" scale: 0 black, the largest value white); the gaps
    /// between images are blank. The rows' labels are listed top to bottom in the title line of the y axis; the axes carry
    /// no tick labels (pixel positions in the mosaic mean nothing).
    /// </summary>
    /// <param name="rows">Rows of images, all square and of one size (28 × 28 for Fashion-MNIST, 8 × 8 for digits).</param>
    /// <param name="options">Title (default "Images"), axis titles, size (default: 60 pixels per image column, 80 per row).</param>
    public static GenericChart Images(IEnumerable<ImageRow> rows, ChartOptions? options = null)
    {
        var list = ChartInput.Require(rows, nameof(rows));
        int columns = list.Max(r => r.Pixels.Count);
        int pixels = list.SelectMany(r => r.Pixels).Select(p => p.Length).DefaultIfEmpty(0).First();
        int side = (int)Math.Round(Math.Sqrt(pixels));
        if (columns == 0 || side * side != pixels)
            throw new ArgumentException($"Images must be square and non-empty: the first has {pixels} pixels.", nameof(rows));
        // One mosaic: images separated by a one-pixel gap (NaN, drawn blank).
        var z = new double[list.Count * (side + 1)][];
        for (int i = 0; i < z.Length; i++) z[i] = Enumerable.Repeat(double.NaN, columns * (side + 1)).ToArray();
        for (int r = 0; r < list.Count; r++)
            for (int c = 0; c < list[r].Pixels.Count; c++)
            {
                var img = list[r].Pixels[c];
                if (img.Length != pixels) throw new ArgumentException($"Image {c} of row '{list[r].Label}' has {img.Length} pixels, not {side}×{side}.", nameof(rows));
                for (int y = 0; y < side; y++)
                    for (int x = 0; x < side; x++) z[r * (side + 1) + y][c * (side + 1) + x] = img[y * side + x];
            }
        var o = options ?? ChartOptions.Default;
        var chart = CSharpChart.Heatmap<double, double, double, string>(z, ColorScale: StyleParam.Colorscale.Greys, ShowScale: false, ReverseYAxis: true, Name: "pixels");
        chart = CSharpStyle.WithXAxisStyle<double, double, string>(chart, TitleText: o.XTitle ?? $"{columns} images per row ({side}×{side} pixels each)", ShowGrid: false);
        chart = CSharpStyle.WithYAxisStyle<double, double, string>(chart, TitleText: o.YTitle ?? "rows, top to bottom: " + string.Join(" · ", list.Select(r => r.Label)), ShowGrid: false);
        foreach (bool x in new[] { true, false })
        {
            // Pixel positions in the mosaic mean nothing: no tick labels.
            var axis = new Plotly.NET.LayoutObjects.LinearAxis();
            axis.SetProperty("showticklabels", false);
            chart = x ? Plotly.NET.Chart.withXAxis(axis, Microsoft.FSharp.Core.FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart)
                      : Plotly.NET.Chart.withYAxis(axis, Microsoft.FSharp.Core.FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
        }
        return Frame(chart, o, "Images", Math.Max(400, 60 * columns + 120), 80 * list.Count + 160);
    }
}
