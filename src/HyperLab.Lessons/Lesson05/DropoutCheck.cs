using System.Globalization;
using HyperLab.Data;
using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Lessons.Lesson05;

/// <summary>
/// Shows that dropout is off at evaluation (lesson 05): the same model measured twice with
/// <see cref="Evaluation.Measure(nn.Module{Tensor, Tensor}, Dataset)"/> gives identical numbers, while two passes in
/// training mode (dropout on, as during an update) give different losses, because each pass switches off other units.
/// </summary>
/// <param name="Evaluation1">Validation loss, first measurement (evaluation mode).</param>
/// <param name="Evaluation2">Validation loss, second measurement (evaluation mode).</param>
/// <param name="Training1">Loss on the same data in training mode, first pass.</param>
/// <param name="Training2">Loss in training mode, second pass.</param>
public sealed record DropoutCheck(double Evaluation1, double Evaluation2, double Training1, double Training2)
{
    /// <summary>Measures <paramref name="model"/> on <paramref name="data"/>: twice in evaluation mode, twice in training
    /// mode (no gradients, no update). The model's mode is restored afterwards.</summary>
    public static DropoutCheck Of(nn.Module<Tensor, Tensor> model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var (e1, _) = Evaluation.Measure(model, data);
        var (e2, _) = Evaluation.Measure(model, data);
        return new DropoutCheck(e1, e2, TrainingModeLoss(model, data), TrainingModeLoss(model, data));
    }

    /// <summary>The two evaluations agree to the last bit.</summary>
    public bool EvaluationRepeats => Evaluation1 == Evaluation2;

    /// <summary>The two training-mode passes agree to the last bit (false when dropout is on).</summary>
    public bool TrainingModeRepeats => Training1 == Training2;

    private static double TrainingModeLoss(nn.Module<Tensor, Tensor> model, Dataset data)
    {
        bool wasTraining = model.training;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.train();
        try
        {
            var (x, y) = data.ToTensors();
            return nn.functional.cross_entropy(model.call(x), y).item<float>();
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>"evaluation mode: 0.6012 then 0.6012 (identical); training mode: 0.93 then 0.95 (different)".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        return $"evaluation mode (dropout off): validation loss {Evaluation1.ToString("0.######", inv)} then {Evaluation2.ToString("0.######", inv)} " +
               $"({(EvaluationRepeats ? "identical" : "different")}); training mode (dropout on): {Training1.ToString("0.######", inv)} then " +
               $"{Training2.ToString("0.######", inv)} ({(TrainingModeRepeats ? "identical" : "different")})";
    }
}
