using HyperLab.Data;
using HyperLab.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperLab.Lessons.Lesson08;

/// <summary>
/// Is dropout on when a model is evaluated? (lesson 08). Runs the same model twice in evaluation mode
/// and twice in training mode on the same examples, without gradients, and compares the outputs; also
/// the loss on the training set in each mode. The model's mode is restored afterwards.
/// </summary>
public static class DropoutAtEvaluation
{
    /// <summary>Measures <paramref name="model"/> on <paramref name="data"/>.</summary>
    /// <param name="model">A trained network (with or without dropout).</param>
    /// <param name="data">The examples to run, e.g. the training set.</param>
    /// <param name="seed">Seeds torch's generator for the dropout masks; default 0.</param>
    public static DropoutEvidence Measure(nn.Module<Tensor, Tensor> model, Dataset data, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        bool wasTraining = model.training;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        torch.manual_seed(seed);
        var (x, y) = data.ToTensors();
        try
        {
            model.eval();
            var (evalA, evalB) = (model.call(x), model.call(x));
            model.train();
            var (trainA, trainB) = (model.call(x), model.call(x));
            double Diff(Tensor a, Tensor b) => (a - b).abs().max().item<float>();
            double Loss(Tensor logits) => nn.functional.cross_entropy(logits, y).item<float>();
            return new DropoutEvidence(Diff(evalA, evalB), Diff(trainA, trainB), Loss(evalA), Loss(trainA));
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}

/// <summary>What <see cref="DropoutAtEvaluation.Measure"/> found.</summary>
/// <param name="EvaluationDifference">Largest difference between two evaluation-mode passes' logits.</param>
/// <param name="TrainingDifference">Largest difference between two training-mode passes' logits.</param>
/// <param name="EvaluationLoss">Mean loss, evaluation mode (dropout off), nats.</param>
/// <param name="TrainingModeLoss">Mean loss, training mode (dropout on), nats.</param>
public sealed record DropoutEvidence(double EvaluationDifference, double TrainingDifference, double EvaluationLoss, double TrainingModeLoss)
{
    /// <summary>Evaluation is deterministic (dropout off) while training mode is not (dropout on).</summary>
    public bool OffAtEvaluation => EvaluationDifference == 0 && TrainingDifference > 1e-3;

    /// <inheritdoc/>
    public override string ToString() =>
        $"two evaluations differ by {EvaluationDifference:0.###} at most, two training-mode passes by up to {TrainingDifference:0.###} (logits); " +
        $"loss on the same examples {EvaluationLoss:0.###} with dropout off, {TrainingModeLoss:0.###} with it on";
}
