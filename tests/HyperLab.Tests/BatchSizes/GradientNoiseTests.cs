using HyperLab.Lessons.Lesson02;
using HyperLab.Models;
using HyperLab.Numerics;
using HyperLab.Tests.Training;
using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Tests.BatchSizes;

/// <summary>
/// The noise estimator on a problem whose answer is known: linear regression y = x·w* + ε with x ~ N(0, I_d),
/// ε ~ N(0, σ²), model at w = w*, loss ½(w·x − y)². Per-example gradients are gᵢ = (w·xᵢ − yᵢ)xᵢ = −εᵢxᵢ, with
/// covariance σ²·I_d, so tr(Σ) = σ²·d and, sampling without replacement, E‖g_B − g‖² = σ²d/B · (N − B)/(N − 1).
/// </summary>
public class GradientNoiseTests
{
    private const int D = 20, N = 2000;
    private const double Sigma = 0.5;
    private static readonly int[] Sizes = { 1, 2, 4, 8, 16, 32, 64, 128, 256 };

    private sealed record Regression(float[] X, float[] Y, float[] W);

    private static Regression Make(int seed)
    {
        var random = new Random(seed);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var w = Enumerable.Range(0, D).Select(_ => (float)Gauss()).ToArray();
        var x = new float[N * D];
        var y = new float[N];
        for (int i = 0; i < N; i++)
        {
            double dot = 0;
            for (int j = 0; j < D; j++) { x[i * D + j] = (float)Gauss(); dot += x[i * D + j] * w[j]; }
            y[i] = (float)(dot + Sigma * Gauss());
        }
        return new Regression(x, y, w);
    }

    private static GradientNoiseResult Measure(Regression r, IEnumerable<int> sizes, int draws, int seed)
    {
        using var scope = NewDisposeScope();
        using var model = nn.Linear(D, 1, hasBias: false);
        using (no_grad()) model.weight!.copy_(tensor(r.W).reshape(1, D));
        var x = tensor(r.X).reshape(N, D);
        var y = tensor(r.Y);
        return GradientNoise.Measure(model, x, y, sizes, (output, target) => 0.5 * (output.squeeze(1) - target).square().mean(), draws, seed);
    }

    /// <summary>tr(S) of the actual per-example gradients (divisor N), computed by hand in float64.</summary>
    private static double ExactTrace(Regression r)
    {
        var g = new double[N, D];
        var mean = new double[D];
        for (int i = 0; i < N; i++)
        {
            double residual = -r.Y[i];
            for (int j = 0; j < D; j++) residual += r.X[i * D + j] * r.W[j];
            for (int j = 0; j < D; j++) { g[i, j] = residual * r.X[i * D + j]; mean[j] += g[i, j] / N; }
        }
        double trace = 0;
        for (int i = 0; i < N; i++)
            for (int j = 0; j < D; j++) trace += (g[i, j] - mean[j]) * (g[i, j] - mean[j]) / N;
        return trace;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Noise_matches_the_analytic_value_and_its_slope_is_near_minus_one(int seed)
    {
        var r = Make(seed);
        var result = Measure(r, Sizes, draws: 400, seed);
        var analytic = Sizes.Select(b => Sigma * Sigma * D / b * (N - b) / (N - 1.0)).ToArray();
        for (int k = 0; k < Sizes.Length; k++)
        {
            double ratio = result.Points[k].MeanSquaredDistance / analytic[k];
            Assert.InRange(ratio, 0.75, 1.25);
        }
        double expectedSlope = LogLogFit.Of(Sizes.Select(b => (double)b).ToList(), analytic).Slope;
        Assert.InRange(result.Slope, expectedSlope - 0.08, expectedSlope + 0.08);
        Assert.InRange(result.Slope, -1.12, -0.88);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Noise_matches_the_exact_finite_population_formula_including_B_equal_N(int seed)
    {
        var r = Make(seed);
        double trace = ExactTrace(r);
        var result = Measure(r, new[] { 1, 8, 64, 1000, N }, draws: 300, seed);
        foreach (var p in result.Points.Where(p => p.BatchSize < N))
        {
            double exact = trace / p.BatchSize * (N - p.BatchSize) / (N - 1.0);
            Assert.True(Math.Abs(p.MeanSquaredDistance - exact) < 4 * p.StandardError + 1e-6,
                $"B = {p.BatchSize}: measured {p.MeanSquaredDistance:G4} ± {p.StandardError:G2}, exact {exact:G4}");
            Assert.InRange(p.ImpliedTrace / trace, 0.8, 1.2);
        }
        Assert.True(result.At(N).MeanSquaredDistance < 1e-9 * trace, "the full batch is the full-batch gradient: no noise");
        Assert.Equal(0, result.At(N).FinitePopulationFactor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Classifier_noise_falls_about_as_one_over_B_and_weights_are_untouched(int seed)
    {
        var data = TinyData.Moons(600, seed);
        using var model = Mlp.Create(2, 2, new Hyperparameters { Depth = 2, Width = 16, Seed = seed });
        using var before = WeightSnapshot.Capture(model);
        var result = GradientNoise.Measure(model, data.Train, new[] { 1, 2, 4, 8, 16, 32 }, draws: 200, seed: seed);
        Assert.InRange(result.Slope, -1.2, -0.8);
        Assert.All(before.LargestChanges(model), c => Assert.Equal(0, c.LargestChange));
        Assert.True(result.FullGradientSquaredNorm > 0);
    }

    [Fact]
    public void Same_seed_gives_the_same_estimate()
    {
        var r = Make(4);
        var a = Measure(r, new[] { 2, 16 }, draws: 20, seed: 9);
        var b = Measure(r, new[] { 2, 16 }, draws: 20, seed: 9);
        Assert.Equal(a.Points.Select(p => p.MeanSquaredDistance), b.Points.Select(p => p.MeanSquaredDistance));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var r = Make(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => Measure(r, new[] { 0, 4 }, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Measure(r, new[] { N + 1 }, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Measure(r, new[] { 4 }, 1, 0));
        Assert.Throws<ArgumentException>(() => Measure(r, Array.Empty<int>(), 10, 0));
    }
}
