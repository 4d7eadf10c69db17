using HyperLab.Data;
using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Lessons.Lesson02;

/// <summary>
/// How noisy a mini-batch gradient is (lesson 02). For a model at its current weights and a data set of
/// N examples with per-example gradients gᵢ and full-batch gradient g = (1/N)·Σ gᵢ, the quantity is the
/// mean squared distance E‖g_B − g‖² between the gradient g_B of a random mini-batch of B examples and g.
/// </summary>
/// <remarks>
/// <para><b>Estimator.</b> g is computed once over all N examples. Then, for each batch size B, <c>draws</c>
/// independent mini-batches are drawn, each B distinct examples chosen uniformly at random (without
/// replacement within the batch, as one batch of an epoch is); for each, ‖g_B − g‖² is computed
/// (in float64) and the draws are averaged. The standard error of that average is reported with it.
/// The weights are not changed; gradients are zeroed afterwards.</para>
/// <para><b>What to expect.</b> With Σ the covariance of the per-example gradients (divisor N), sampling
/// without replacement gives exactly E‖g_B − g‖² = tr(Σ)/B · (N − B)/(N − 1): for B much smaller than N
/// the spread shrinks as 1/B, a slope of −1 on log-log axes, and it reaches 0 at B = N (the finite-population
/// factor (N − B)/(N − 1), which steepens the curve only when B is a sizeable share of N).</para>
/// </remarks>
public static class GradientNoise
{
    /// <summary>Measures the gradient noise of a classifier (mean cross-entropy loss, as the training loop uses).</summary>
    /// <param name="model">The model at the weights to measure (not changed). Measured in its current mode: dropout, if any, adds noise.</param>
    /// <param name="data">The N examples the full-batch gradient averages over.</param>
    /// <param name="batchSizes">Batch sizes to measure, each in [1, N].</param>
    /// <param name="draws">Mini-batches drawn per batch size, at least 2. Default 64.</param>
    /// <param name="seed">Which mini-batches are drawn. Default 0.</param>
    public static GradientNoiseResult Measure(nn.Module<Tensor, Tensor> model, Dataset data, IEnumerable<int> batchSizes, int draws = 64, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var scope = NewDisposeScope();
        var (x, y) = data.ToTensors();
        return Measure(model, x, y, batchSizes, (logits, labels) => nn.functional.cross_entropy(logits, labels), draws, seed);
    }

    /// <summary>Measures the gradient noise for any model and loss (e.g. squared error for a regression).</summary>
    /// <param name="model">The model at the weights to measure (not changed).</param>
    /// <param name="x">Inputs, first dimension N.</param>
    /// <param name="y">Targets, first dimension N.</param>
    /// <param name="batchSizes">Batch sizes to measure, each in [1, N].</param>
    /// <param name="loss">The mean loss of a batch: (model output, targets) → scalar.</param>
    /// <param name="draws">Mini-batches drawn per batch size, at least 2. Default 64.</param>
    /// <param name="seed">Which mini-batches are drawn. Default 0.</param>
    public static GradientNoiseResult Measure(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, IEnumerable<int> batchSizes,
        Func<Tensor, Tensor, Tensor> loss, int draws = 64, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 2);
        int n = (int)x.shape[0];
        var sizes = batchSizes.Distinct().Order().ToArray();
        if (sizes.Length == 0) throw new ArgumentException("Give at least one batch size.", nameof(batchSizes));
        if (sizes[0] < 1 || sizes[^1] > n)
            throw new ArgumentOutOfRangeException(nameof(batchSizes), $"Batch sizes must lie in [1, {n}] (the number of examples).");

        var parameters = model.parameters().Where(p => p.requires_grad).ToList();
        using var outer = NewDisposeScope();
        var full = FullGradient(model, x, y, loss, parameters, n);
        double fullNormSquared = full.square().sum().item<double>();
        var random = SeededRandom.Create(seed, stream: 2_000_000);
        var rows = Enumerable.Range(0, n).ToArray();
        var points = new List<NoisePoint>();
        foreach (int b in sizes)
        {
            var values = new double[draws];
            for (int k = 0; k < draws; k++)
            {
                using var scope = NewDisposeScope();
                var idx = tensor(DrawRows(rows, b, random));
                var g = Gradient(model, x.index_select(0, idx), y.index_select(0, idx), loss, parameters, 1.0);
                values[k] = (g - full).square().sum().item<double>();
            }
            points.Add(NoisePoint.From(b, values, n));
        }
        model.zero_grad();
        return new GradientNoiseResult(points, fullNormSquared, n);
    }

    /// <summary>The mean gradient over all rows, in chunks of 4096 (each chunk's mean loss weighted by its share).</summary>
    private static Tensor FullGradient(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, Func<Tensor, Tensor, Tensor> loss,
        IReadOnlyList<TorchSharp.Modules.Parameter> parameters, int n)
    {
        const int chunk = 4096;
        model.zero_grad();
        for (int start = 0; start < n; start += chunk)
        {
            using var scope = NewDisposeScope();
            int len = Math.Min(chunk, n - start);
            (loss(model.call(x.narrow(0, start, len)), y.narrow(0, start, len)) * ((double)len / n)).backward();
        }
        return Flatten(parameters);
    }

    /// <summary>The gradient of <paramref name="scale"/> × the batch's mean loss, flattened into one float64 vector.</summary>
    private static Tensor Gradient(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, Func<Tensor, Tensor, Tensor> loss,
        IReadOnlyList<TorchSharp.Modules.Parameter> parameters, double scale)
    {
        model.zero_grad();
        (loss(model.call(x), y) * scale).backward();
        return Flatten(parameters);
    }

    private static Tensor Flatten(IReadOnlyList<TorchSharp.Modules.Parameter> parameters) =>
        cat(parameters.Select(p => (p.grad ?? zeros_like(p)).flatten().to_type(ScalarType.Float64)).ToList(), 0);

    /// <summary>B distinct rows, uniformly at random (a partial Fisher–Yates shuffle of <paramref name="rows"/>).</summary>
    private static long[] DrawRows(int[] rows, int b, Random random)
    {
        var chosen = new long[b];
        for (int i = 0; i < b; i++)
        {
            int j = i + random.Next(rows.Length - i);
            (rows[i], rows[j]) = (rows[j], rows[i]);
            chosen[i] = rows[i];
        }
        return chosen;
    }
}
