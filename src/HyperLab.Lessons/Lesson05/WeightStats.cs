using System.Globalization;
using HyperLab.Numerics;
using static TorchSharp.torch;

namespace HyperLab.Lessons.Lesson05;

/// <summary>
/// How big and how sparse a model's weights are (lesson 05): the L2 norm of all weight matrices together, and the
/// share of weights whose size is below a threshold ("near zero"). Only weight matrices count (tensors with two or
/// more dimensions): biases and normalization parameters are few and are not what regularization is meant to shrink.
/// The values are copied out, so the statistics outlive the model.
/// </summary>
/// <param name="Values">Every weight-matrix value, layer by layer (for histograms).</param>
/// <param name="L2Norm">‖W‖₂ = √(Σ w²) over all weight matrices.</param>
/// <param name="Threshold">The "near zero" threshold on |w|.</param>
/// <param name="NearZeroShare">Share of weights with |w| &lt; <paramref name="Threshold"/>, in [0, 1].</param>
public sealed record WeightStats(IReadOnlyList<double> Values, double L2Norm, double Threshold, double NearZeroShare)
{
    /// <summary>The default "near zero" threshold, 10⁻³: about 1/60 of a typical initial weight of a 256-unit layer
    /// (TorchSharp draws them up to 1/√fan-in = 0.0625), so a weight below it contributes almost nothing.</summary>
    public const double DefaultThreshold = 1e-3;

    /// <summary>Number of weights measured.</summary>
    public int Count => Values.Count;

    /// <summary>Measures a model's weight matrices (lesson 05).</summary>
    /// <param name="model">Any TorchSharp module, e.g. <see cref="Models.Mlp"/>.</param>
    /// <param name="threshold">|w| below this counts as near zero; must be positive. Default <see cref="DefaultThreshold"/>.</param>
    public static WeightStats Of(nn.Module model, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckThreshold(threshold);
        using var scope = NewDisposeScope();
        var values = new List<double>();
        foreach (var (name, p) in model.named_parameters())
        {
            if (!name.EndsWith("weight", StringComparison.Ordinal) || p.dim() < 2) continue;
            values.AddRange(p.detach().cpu().to_type(ScalarType.Float64).data<double>().ToArray());
        }
        return FromValues(values, threshold);
    }

    /// <summary>The same statistics for values you already have (e.g. a test's hand-made weights).</summary>
    public static WeightStats FromValues(IReadOnlyList<double> values, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckThreshold(threshold);
        if (values.Count == 0) throw new ArgumentException("No weight matrices to measure.", nameof(values));
        double sumSquares = 0;
        int small = 0;
        foreach (double v in values)
        {
            sumSquares += v * v;
            if (Math.Abs(v) < threshold) small++;
        }
        return new WeightStats(values, Math.Sqrt(sumSquares), threshold, (double)small / values.Count);
    }

    private static void CheckThreshold(double threshold)
    {
        if (!(threshold > 0) || !double.IsFinite(threshold))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The near-zero threshold must be a positive number, e.g. 1e-3.");
    }

    /// <summary>Counts of <see cref="Values"/> in <paramref name="bins"/> equal bins over [<paramref name="low"/>,
    /// <paramref name="high"/>]; values outside go into the first or last bin.</summary>
    /// <param name="bins">Number of bins, at least 1. Default 60.</param>
    /// <param name="low">Left edge. Default −0.2.</param>
    /// <param name="high">Right edge. Default 0.2.</param>
    public Histogram Histogram(int bins = 60, double low = -0.2, double high = 0.2) => HyperLab.Numerics.Histogram.Of(Values, bins, low, high);

    /// <summary>"‖W‖ = 12.3, 41.2% of 152,064 weights below 1e-3 in size".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"‖W‖ = {L2Norm:0.##}, {NearZeroShare:0.0%} of {Count:N0} weights below {Hyperparameters.Fmt(Threshold)} in size");
}
