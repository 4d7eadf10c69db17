using HyperLab.Data;
using HyperLab.Models;
using static TorchSharp.torch;

namespace HyperLab.Training;

/// <summary>
/// A model's weights on disk (lesson 03): TorchSharp's own <c>Module.save</c> / <c>Module.load</c> format,
/// which stores every parameter and buffer by name, bit for bit. Early stopping writes the best epoch here
/// when <see cref="EarlyStopping.CheckpointPath"/> is set; reloading needs a model of the same shape (the
/// file holds weights, not the architecture), so keep the hyperparameters with the file.
/// </summary>
public static class Checkpoint
{
    /// <summary>Writes the model's state (weights, biases, buffers) to <paramref name="path"/>, creating its
    /// folder if needed and replacing an existing file. Returns the full path.</summary>
    public static string Save(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        model.save(full);
        return full;
    }

    /// <summary>Reads a saved state into <paramref name="model"/> (same shape as the saved one) and returns it.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidOperationException">The file's tensors don't match the model's names or shapes.</exception>
    public static T Load<T>(T model, string path) where T : nn.Module
    {
        ArgumentNullException.ThrowIfNull(model);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"No checkpoint at '{full}'. Save one with Checkpoint.Save or EarlyStopping(CheckpointPath: ...).", full);
        try
        {
            model.load(full, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            throw new InvalidOperationException(
                $"The checkpoint '{full}' does not fit this model ({model.GetType().Name}): build the model with the same " +
                $"depth, width, inputs and classes as the one that was saved. ({e.Message})", e);
        }
        return model;
    }

    /// <summary>Builds an <see cref="Mlp"/> shaped by <paramref name="hp"/> and loads the checkpoint into it:
    /// the one-line way to get a saved model back.</summary>
    /// <param name="path">The checkpoint file.</param>
    /// <param name="inputs">Features per example.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="hp">The hyperparameters the saved model was trained with (depth, width, activation, …).</param>
    public static Mlp LoadMlp(string path, int inputs, int classes, Hyperparameters hp) =>
        Load(Mlp.Create(inputs, classes, hp), path);

    /// <summary>What <paramref name="model"/> outputs on <paramref name="data"/>, as managed numbers: every
    /// logit, the predicted classes, and the mean loss and accuracy (measured exactly as the training loop
    /// measures validation, so a restored model's loss can be compared with the history's).</summary>
    public static ModelOutputs Outputs(nn.Module<Tensor, Tensor> model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        using var scope = NewDisposeScope();
        var (x, y) = data.ToTensors();
        var (loss, accuracy) = Evaluation.Measure(model, x, y);
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            var logits = model.call(x);
            return new ModelOutputs(logits.data<float>().ToArray(), logits.argmax(1).data<long>().ToArray(), (int)logits.shape[1], loss, accuracy);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}

/// <summary>A model's outputs on a data set (lesson 03), made by <see cref="Checkpoint.Outputs"/>.</summary>
/// <param name="Logits">The scores, row-major: example i's class c at <c>i × Classes + c</c>.</param>
/// <param name="Predicted">The predicted class of each example (the largest logit).</param>
/// <param name="Classes">Number of classes.</param>
/// <param name="Loss">Mean cross-entropy loss (nats).</param>
/// <param name="Accuracy">Share of examples predicted correctly.</param>
public sealed record ModelOutputs(float[] Logits, long[] Predicted, int Classes, double Loss, double Accuracy)
{
    /// <summary>Number of examples.</summary>
    public int Count => Predicted.Length;

    /// <summary>The largest absolute difference between this and <paramref name="other"/>'s logits (0 when identical).</summary>
    public double LargestDifference(ModelOutputs other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Logits.Length != Logits.Length) throw new ArgumentException("The outputs are for different data.", nameof(other));
        double largest = 0;
        for (int i = 0; i < Logits.Length; i++) largest = Math.Max(largest, Math.Abs((double)Logits[i] - other.Logits[i]));
        return largest;
    }

    /// <summary>How many examples get the same predicted class in both.</summary>
    public int SamePredictions(ModelOutputs other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count != Count) throw new ArgumentException("The outputs are for different data.", nameof(other));
        return Predicted.Where((p, i) => p == other.Predicted[i]).Count();
    }

    /// <summary>"1,200 examples: loss 0.5163, accuracy 0.861".</summary>
    public override string ToString() => $"{Count:N0} examples: loss {Loss:0.####}, accuracy {Accuracy:0.###}";
}
