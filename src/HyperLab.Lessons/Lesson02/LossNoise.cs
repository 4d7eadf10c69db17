using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Lessons.Lesson02;

/// <summary>
/// How much the mini-batch loss varies from batch to batch at frozen weights (lesson 02). A training curve mixes this
/// noise with the training trend and with the state of the model, which changes along the run (an untrained network's
/// per-example losses are all near ln C, a trained one's spread widely), so two runs with different batch sizes are not
/// comparable step by step. At fixed weights only the sampling remains: the loss of a batch of B examples is the mean of
/// B per-example losses, and its standard deviation over random batches falls as 1/√B.
/// </summary>
public static class LossNoise
{
    /// <summary>The per-example cross-entropy losses of <paramref name="model"/> on <paramref name="data"/> (dropout off, no
    /// gradients; the model's training mode is restored). Tensors are freed before it returns.</summary>
    public static double[] PerExample(nn.Module<Tensor, Tensor> model, Data.Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var (x, y) = data.ToTensors();
            var losses = nn.functional.cross_entropy(model.call(x), y, reduction: nn.Reduction.None);
            return losses.to_type(ScalarType.Float64).data<double>().ToArray();
        }
        finally { model.train(wasTraining); }
    }

    /// <summary>The standard deviation of the mean of <paramref name="batch"/> per-example losses drawn without replacement,
    /// over <paramref name="draws"/> random batches (seeded).</summary>
    public static double BatchSpread(IReadOnlyList<double> perExample, int batch, int draws, int seed)
    {
        ArgumentNullException.ThrowIfNull(perExample);
        if (batch < 1 || batch > perExample.Count)
            throw new HyperparameterException(nameof(batch), batch, $"a whole number from 1 to the number of examples ({perExample.Count})", "8");
        if (draws < 2) throw new HyperparameterException(nameof(draws), draws, "at least 2", "2000");
        var random = new Random(seed);
        var index = Enumerable.Range(0, perExample.Count).ToArray();
        var means = new double[draws];
        for (int d = 0; d < draws; d++)
        {
            // Partial Fisher-Yates: the first `batch` entries become a uniform sample without replacement.
            for (int i = 0; i < batch; i++) { int j = random.Next(i, index.Length); (index[i], index[j]) = (index[j], index[i]); }
            double sum = 0;
            for (int i = 0; i < batch; i++) sum += perExample[index[i]];
            means[d] = sum / batch;
        }
        double mean = means.Average();
        return Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / (draws - 1));
    }

    /// <summary>Compares the batch-to-batch spread of the loss at batch sizes <paramref name="small"/> and <paramref name="large"/>
    /// at the same frozen weights (per-example losses from <see cref="PerExample"/>).</summary>
    public static StepNoiseRatio Compare(IReadOnlyList<double> perExample, int small, int large, int draws = 2000, int seed = 0) =>
        new(small, BatchSpread(perExample, small, draws, seed), large, BatchSpread(perExample, large, draws, seed + 1));
}
