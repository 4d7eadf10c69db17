using HyperLab.Data;
using HyperLab.Models;
using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Lessons.Lesson01;

/// <summary>
/// The update rule w ← w − η ∇L, applied by hand to a real network and compared with TorchSharp's
/// SGD optimizer (lesson 01). Two identical networks (same seed) see the same mini-batch; one is
/// updated by the three lines below, the other by <c>optim.SGD(...).step()</c>.
/// <code>
/// loss.backward();                                  // fills p.grad = ∇L for every parameter p
/// using (no_grad())
///     foreach (var p in model.parameters()) p.add_(p.grad, alpha: -rate);   // w ← w − η ∇L
/// </code>
/// </summary>
public static class UpdateRule
{
    /// <summary>Takes one manual step and one SGD step from the same start on the first mini-batch
    /// of epoch 1, and measures how far apart the two results are.</summary>
    /// <param name="hp">Network shape, <see cref="Hyperparameters.LearningRate"/> (η),
    /// <see cref="Hyperparameters.BatchSize"/> and <see cref="Hyperparameters.Seed"/>; the optimizer kind is ignored (plain SGD).</param>
    /// <param name="data">Its training set supplies the mini-batch.</param>
    public static ManualStepResult CompareOneStep(Hyperparameters hp, DataSplits data)
    {
        ArgumentNullException.ThrowIfNull(hp);
        ArgumentNullException.ThrowIfNull(data);
        using var scope = NewDisposeScope();
        var (xAll, yAll) = data.Train.ToTensors();
        var batch = Batches.ForEpoch(data.Train.Count, hp.BatchSize, hp.Seed, epoch: 1).First();
        var index = tensor(batch.Select(i => (long)i).ToArray());
        var (x, y) = (xAll.index_select(0, index), yAll.index_select(0, index));

        using var byHand = Mlp.Create(data.Train.FeatureCount, data.Train.ClassCount, hp);
        using var byOptimizer = Mlp.Create(data.Train.FeatureCount, data.Train.ClassCount, hp);
        using var start = WeightSnapshot.Capture(byHand);

        // By hand: w ← w − η ∇L.
        var loss = nn.functional.cross_entropy(byHand.call(x), y);
        loss.backward();
        using (no_grad())
        {
            foreach (var p in byHand.parameters()) p.add_(p.grad!, alpha: -hp.LearningRate);
        }

        // By TorchSharp's optimizer.
        using var sgd = optim.SGD(byOptimizer.parameters(), hp.LearningRate);
        sgd.zero_grad();
        nn.functional.cross_entropy(byOptimizer.call(x), y).backward();
        sgd.step();

        var pairs = byHand.parameters().Zip(byOptimizer.parameters()).ToList();
        double difference = pairs.Max(p => (double)(p.First - p.Second).abs().max().item<float>());
        double moved = start.LargestChanges(byHand).Max(c => c.LargestChange);
        long count = byHand.TotalParameters;
        double lossAfter;
        using (no_grad()) lossAfter = nn.functional.cross_entropy(byHand.call(x), y).item<float>();
        return new ManualStepResult(hp.LearningRate, count, loss.item<float>(), lossAfter, moved, difference);
    }
}

/// <summary>One manual update compared with the optimizer's.</summary>
/// <param name="Rate">η.</param>
/// <param name="Parameters">Number of weights and biases updated.</param>
/// <param name="LossBefore">Mini-batch loss before the step.</param>
/// <param name="LossAfter">Mini-batch loss after the manual step (lower: the step went downhill).</param>
/// <param name="LargestChange">Largest change of any parameter made by the step.</param>
/// <param name="LargestDifference">Largest difference between the manually and the optimizer-updated parameters.</param>
public sealed record ManualStepResult(double Rate, long Parameters, double LossBefore, double LossAfter, double LargestChange, double LargestDifference)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"η = {Hyperparameters.Fmt(Rate)}: {Parameters:N0} parameters moved by up to {LargestChange:0.###e0}; manual vs SGD differ by at most {LargestDifference:0.###e0}; " +
        $"mini-batch loss {LossBefore:0.####} → {LossAfter:0.####}";
}
