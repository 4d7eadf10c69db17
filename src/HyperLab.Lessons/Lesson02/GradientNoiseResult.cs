using HyperLab.Numerics;

namespace HyperLab.Lessons.Lesson02;

/// <summary>The gradient noise at one batch size (lesson 02): the mean of ‖g_B − g‖² over the draws.</summary>
/// <param name="BatchSize">B.</param>
/// <param name="MeanSquaredDistance">Estimate of E‖g_B − g‖²: the average over the draws.</param>
/// <param name="StandardError">Standard error of that average: the draws' standard deviation / √draws.</param>
/// <param name="Draws">How many mini-batches were drawn.</param>
/// <param name="FinitePopulationFactor">(N − B)/(N − 1): how far sampling without replacement pulls the value below tr(Σ)/B.</param>
public sealed record NoisePoint(int BatchSize, double MeanSquaredDistance, double StandardError, int Draws, double FinitePopulationFactor)
{
    internal static NoisePoint From(int batchSize, double[] values, int examples)
    {
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        double fpc = examples > 1 ? (double)(examples - batchSize) / (examples - 1) : 0;
        return new NoisePoint(batchSize, mean, sd / Math.Sqrt(values.Length), values.Length, fpc);
    }

    /// <summary>The per-example gradient variance tr(Σ) this point implies: mean · B / ((N − B)/(N − 1)); NaN at B = N.</summary>
    public double ImpliedTrace => FinitePopulationFactor > 0 ? MeanSquaredDistance * BatchSize / FinitePopulationFactor : double.NaN;

    /// <summary>"B = 32: E‖g_B − g‖² ≈ 0.0123 ± 0.0004 (64 draws)".</summary>
    public override string ToString() => $"B = {BatchSize}: E‖g_B − g‖² ≈ {MeanSquaredDistance:G3} ± {StandardError:G2} ({Draws} draws)";
}

/// <summary>
/// What <see cref="GradientNoise.Measure(TorchSharp.torch.nn.Module{TorchSharp.torch.Tensor, TorchSharp.torch.Tensor}, HyperLab.Data.Dataset, IEnumerable{int}, int, int)"/>
/// found (lesson 02): the noise at each batch size and a straight-line fit on log-log axes.
/// </summary>
/// <param name="Points">One point per batch size, smallest first.</param>
/// <param name="FullGradientSquaredNorm">‖g‖², the squared length of the full-batch gradient (the signal the noise is compared with).</param>
/// <param name="Examples">N, the examples the full-batch gradient averages over.</param>
public sealed record GradientNoiseResult(IReadOnlyList<NoisePoint> Points, double FullGradientSquaredNorm, int Examples)
{
    /// <summary>Least-squares line of ln E‖g_B − g‖² on ln B over the points with non-zero noise (B &lt; N).</summary>
    public LogLogFit Fit => LogLogFit.Of(Points.Select(p => (double)p.BatchSize).ToList(), Points.Select(p => p.MeanSquaredDistance).ToList());

    /// <summary>The fitted log-log slope: about −1 when the noise shrinks as 1/B.</summary>
    public double Slope => Fit.Slope;

    /// <summary>Lesson 02's claim: the noise shrinks about as 1/B, the log-log slope within −1 ± <paramref name="tolerance"/> (default 0.15).</summary>
    public HyperLab.Claims.Verdict ShrinksAsOneOverB(double tolerance = 0.15) =>
        new(Slope > -1 - tolerance && Slope < -1 + tolerance,
            $"log-log slope {Slope:0.00} (tolerance: −1 ± {tolerance}), R² {Fit.RSquared:0.000}; E‖g_B − g‖² fell from {Points[0].MeanSquaredDistance:G3} at B = {Points[0].BatchSize} to {Points[^1].MeanSquaredDistance:G3} at B = {Points[^1].BatchSize}");

    /// <summary>The point measured at batch size <paramref name="batchSize"/>.</summary>
    /// <exception cref="KeyNotFoundException">That batch size was not measured.</exception>
    public NoisePoint At(int batchSize) => Points.FirstOrDefault(p => p.BatchSize == batchSize)
        ?? throw new KeyNotFoundException($"Batch size {batchSize} was not measured; measured: {string.Join(", ", Points.Select(p => p.BatchSize))}.");

    /// <summary>"gradient noise over N = 8,000: B = 1 … 512, log-log slope −0.99 (R² 0.999)".</summary>
    public override string ToString() =>
        $"gradient noise over N = {Examples:N0}: B = {Points[0].BatchSize} … {Points[^1].BatchSize}, log-log {Fit}";
}
