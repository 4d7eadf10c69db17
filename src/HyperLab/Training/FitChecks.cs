using HyperLab.Data;
using HyperLab.Models;
using static TorchSharp.torch;

namespace HyperLab.Training;

/// <summary>
/// What <see cref="Trainer.Fit(nn.Module{Tensor, Tensor}, Hyperparameters, DataSplits, FitOptions?)"/> and the
/// learning-rate finder check before their first step: the data (<see cref="DataChecks"/>) against
/// the model's inputs and classes, and that the checkpoint file, if one is asked for, can be written. A
/// mistake costs an error message, not a wasted run.
/// </summary>
public static class FitChecks
{
    /// <summary>Checks a fit: data, model shape, and <see cref="EarlyStopping.CheckpointPath"/> (when set) and the file of every
    /// <see cref="CheckpointCallback"/> among the options' callbacks.</summary>
    public static void BeforeFit(nn.Module<Tensor, Tensor> model, Hyperparameters hp, DataSplits data, FitOptions? options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(hp);
        var (inputs, classes) = ShapeOf(model);
        DataChecks.ForTraining(data, inputs, classes);
        if ((options?.EarlyStopping?.CheckpointPath) is string path) Checkpoint.CheckWritable(path);
        foreach (var checkpoint in options?.Callbacks.OfType<CheckpointCallback>() ?? []) Checkpoint.CheckWritable(checkpoint.Path);
    }

    /// <summary>Checks a learning-rate range test: the training set against the model.</summary>
    public static void BeforeFinder(nn.Module<Tensor, Tensor> model, DataSplits data)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (inputs, classes) = ShapeOf(model);
        DataChecks.ForFinder(data, inputs, classes);
    }

    /// <summary>The model's inputs and classes: read from an <see cref="Mlp"/>, else from its first and last
    /// two-dimensional weight (a linear layer's [out, in]); null when neither tells.</summary>
    internal static (int? Inputs, int? Classes) ShapeOf(nn.Module<Tensor, Tensor> model)
    {
        if (model is Mlp mlp) return (mlp.Inputs, mlp.Classes);
        var weights = model.parameters().Where(p => p.dim() == 2).ToList();
        if (weights.Count == 0) return (null, null);
        return ((int)weights[0].shape[1], (int)weights[^1].shape[0]);
    }
}
