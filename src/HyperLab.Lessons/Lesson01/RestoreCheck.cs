using HyperLab.Data;
using HyperLab.Finder;
using HyperLab.Models;
using HyperLab.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperLab.Lessons.Lesson01;

/// <summary>
/// Shows that a range test leaves no trace (lesson 01): two identical networks with identical optimizers
/// are trained through the same mini-batches; the finder runs on the first one only; then both train on.
/// If the finder restored everything, the two stay identical bit for bit: weights, optimizer state (momentum,
/// Adam moments, step counts) and every later loss.
/// </summary>
public static class RestoreCheck
{
    /// <summary>Runs the check.</summary>
    /// <param name="hp">Network, optimizer, batch size and seed.</param>
    /// <param name="data">Training data for the steps and the finder.</param>
    /// <param name="steps">Training steps before the finder and again after it. Default 20.</param>
    /// <param name="settings">The finder's settings; default <c>new FinderSettings()</c>.</param>
    public static RestoreCheckResult Run(Hyperparameters hp, DataSplits data, int steps = 20, FinderSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(hp);
        ArgumentNullException.ThrowIfNull(data);
        using var scope = NewDisposeScope();
        var (x, y) = data.Train.ToTensors();
        var batches = Batches.ForEpoch(data.Train.Count, hp.BatchSize, hp.Seed, epoch: 1).Take(steps).ToList();
        using var a = Mlp.Create(data.Train.FeatureCount, data.Train.ClassCount, hp);
        using var b = Mlp.Create(data.Train.FeatureCount, data.Train.ClassCount, hp);
        using var optA = Optimizers.Create(a.parameters(), hp);
        using var optB = Optimizers.Create(b.parameters(), hp);
        manual_seed(hp.Seed); Train(a, optA, x, y, batches);
        manual_seed(hp.Seed); Train(b, optB, x, y, batches);

        var finder = LearningRateFinder.Run(a, hp, data, settings);
        bool weights = Same(Bytes(a), Bytes(b));
        bool optimizer = Same(Bytes(optA), Bytes(optB));

        manual_seed(hp.Seed + 1); var afterA = Train(a, optA, x, y, batches);
        manual_seed(hp.Seed + 1); var afterB = Train(b, optB, x, y, batches);
        return new RestoreCheckResult(finder.Steps, weights, optimizer, afterA.SequenceEqual(afterB), a.TotalParameters, afterA.Count);
    }

    private static List<double> Train(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y, List<int[]> batches)
    {
        model.train();
        var step = new TrainStep(model, optimizer, x, y);
        return batches.Select(batch => step.Take(batch).Loss).ToList();
    }

    private static byte[] Bytes(nn.Module model)
    {
        using var scope = NewDisposeScope();
        return model.state_dict().Values.SelectMany(t => t.detach().contiguous().bytes.ToArray()).ToArray();
    }

    private static byte[] Bytes(optim.Optimizer optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) ((OptimizerHelper)optimizer).save_state_dict(writer);
        return stream.ToArray();
    }

    private static bool Same(byte[] p, byte[] q) => p.AsSpan().SequenceEqual(q);
}

/// <summary>The outcome of <see cref="RestoreCheck.Run"/>.</summary>
/// <param name="FinderSteps">Training steps the range test took.</param>
/// <param name="WeightsIdentical">Weights and buffers equal bit for bit to the untouched twin's.</param>
/// <param name="OptimizerStateIdentical">The caller's optimizer state equal bit for bit to the twin's.</param>
/// <param name="LaterLossesIdentical">Every loss of the training that followed equal to the twin's.</param>
/// <param name="Parameters">Parameters compared.</param>
/// <param name="LaterSteps">Steps trained after the finder.</param>
public sealed record RestoreCheckResult(int FinderSteps, bool WeightsIdentical, bool OptimizerStateIdentical, bool LaterLossesIdentical, long Parameters, int LaterSteps)
{
    /// <summary>True when all three comparisons hold.</summary>
    public bool Exact => WeightsIdentical && OptimizerStateIdentical && LaterLossesIdentical;

    /// <inheritdoc/>
    public override string ToString() =>
        $"after a {FinderSteps}-step range test: {Parameters:N0} weights {(WeightsIdentical ? "identical" : "DIFFERENT")}, optimizer state {(OptimizerStateIdentical ? "identical" : "DIFFERENT")}, " +
        $"the next {LaterSteps} losses {(LaterLossesIdentical ? "identical" : "DIFFERENT")} to an untouched twin's";
}
