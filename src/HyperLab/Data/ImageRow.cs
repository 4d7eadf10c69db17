namespace HyperLab.Data;

/// <summary>One row of images for <c>Plot.Images</c> (lesson 05): a label and equally sized grey-scale images, each
/// flattened row by row (height × width values).</summary>
/// <param name="Label">What the row shows, e.g. "original" or "augmented, pass 1".</param>
/// <param name="Pixels">The images.</param>
public sealed record ImageRow(string Label, IReadOnlyList<float[]> Pixels);
