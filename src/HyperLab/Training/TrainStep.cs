using TorchSharp;
using static TorchSharp.torch;

namespace HyperLab.Training;

/// <summary>What one mini-batch update measured.</summary>
/// <param name="Loss">The mini-batch's mean cross-entropy before the update (without the L1 penalty).</param>
/// <param name="Correct">Examples of the mini-batch whose highest score was the right class.</param>
/// <param name="Count">Examples in the mini-batch.</param>
/// <param name="LearningRate">The rate the update used.</param>
public readonly record struct StepOutcome(double Loss, long Correct, int Count, double LearningRate);

/// <summary>
/// The one mini-batch step of the course (lesson 00 opens it up): take the rows, augment them if
/// asked, forward, cross-entropy (plus the L1 penalty), zero the gradients, backward, update. The
/// training loop, the learning-rate finder, the throughput measurement and the restore check all
/// call this, so what they time and compare is exactly what training does.
/// </summary>
public sealed class TrainStep
{
    private readonly nn.Module<Tensor, Tensor> model;
    private readonly optim.Optimizer optimizer;
    private readonly Tensor x, y;
    private readonly double l1;
    private readonly IReadOnlyList<Tensor> l1Weights;
    private readonly Func<Tensor, Tensor>? augment;

    /// <summary>Prepares the step for one model, optimizer and training set.</summary>
    /// <param name="model">The network being trained (put it in training mode first).</param>
    /// <param name="optimizer">Updates the model's parameters.</param>
    /// <param name="x">All training features, one row per example.</param>
    /// <param name="y">All training labels.</param>
    /// <param name="l1">L1 penalty on the weight matrices (lesson 05); 0 for none.</param>
    /// <param name="augment">Changes a mini-batch of features before the forward pass (lesson 05); null for none.</param>
    public TrainStep(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y, double l1 = 0, Func<Tensor, Tensor>? augment = null)
    {
        this.model = model;
        this.optimizer = optimizer;
        this.x = x;
        this.y = y;
        this.l1 = l1;
        this.augment = augment;
        l1Weights = l1 > 0
            ? model.named_parameters().Where(p => p.name.EndsWith("weight", StringComparison.Ordinal) && p.parameter.dim() > 1).Select(p => (Tensor)p.parameter).ToList()
            : [];
    }

    /// <summary>Trains on the rows <paramref name="rows"/> of the training set: one update.</summary>
    public StepOutcome Take(IReadOnlyList<int> rows)
    {
        using var scope = NewDisposeScope();
        // 1. The mini-batch (augmented if asked).
        var index = tensor(rows.Select(i => (long)i).ToArray());
        var xb = x.index_select(0, index);
        var yb = y.index_select(0, index);
        if (augment is not null) xb = augment(xb);

        // 2. Forward: scores and loss; the L1 penalty is added to what is minimized, not to the recorded loss.
        var logits = model.call(xb);
        var loss = nn.functional.cross_entropy(logits, yb);
        // Every Scalar a native call reads is held until the step ends (docs/platform.md#p7-torchsharps-optimizers-race-the-garbage-collector): the same
        // numbers as `loss + l1 * Σ|w|`, whose implicit Scalars a collection could free mid-call.
        using var one = 1.ToScalar();
        using var strength = l1.ToScalar();
        var objective = l1Weights.Count == 0 ? loss
            : loss.add(l1Weights.Select(w => w.abs().sum()).Aggregate((a, b) => a.add(b, one)).mul(strength), one);

        // 3. Backward and update: w ← w − η·∇L (the optimizer's version of it).
        optimizer.zero_grad();
        objective.backward();
        double rate = Optimizers.RateOf(optimizer);
        optimizer.step();
        return new StepOutcome(loss.item<float>(), logits.argmax(1).eq(yb).sum().item<long>(), rows.Count, rate);
    }
}
