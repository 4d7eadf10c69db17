using HyperLab.Data;
using HyperLab.Models;
using static TorchSharp.torch;

namespace HyperLab.Training;

/// <summary>
/// A model's weights on disk (lesson 03): TorchSharp's own <c>Module.save</c> / <c>Module.load</c> format,
/// which stores every parameter and buffer by name, bit for bit, inside a small envelope that records its
/// length and SHA-256 (so a cut-short or altered file is refused, naming the path) and is written atomically. Early stopping writes the best epoch here
/// when <see cref="EarlyStopping.CheckpointPath"/> is set; reloading needs a model of the same shape (the
/// file holds weights, not the architecture), so keep the hyperparameters with the file.
/// </summary>
public static class Checkpoint
{
    /// <summary>Writes the model's state (weights, biases, buffers) to <paramref name="path"/>, creating its
    /// folder if needed and replacing an existing file. Returns the full path. The write is atomic (a temporary
    /// file, flushed, then renamed), so an interrupted save leaves the previous file as it was; the file carries
    /// the weights' length and SHA-256, which <see cref="Load{T}"/> checks.</summary>
    /// <exception cref="CheckpointException">The file or its folder cannot be written (the message names the path).</exception>
    public static string Save(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        string full = FullPath(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) model.save(writer);
            CheckpointFile.Write(full, buffer.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not CheckpointException)
        {
            throw new CheckpointException(full, $"Cannot write the checkpoint '{full}': {e.Message} Choose a folder you can write to " +
                "(e.g. Path.Combine(Path.GetTempPath(), \"best.ckpt\")) and check the disk is not full.", e);
        }
        return full;
    }

    /// <summary>Reads a saved state into <paramref name="model"/> (same shape as the saved one) and returns it.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="CheckpointException">The file is not a checkpoint, is cut short, or its checksum does not match.</exception>
    /// <exception cref="InvalidOperationException">The file's tensors don't match the model's names or shapes.</exception>
    public static T Load<T>(T model, string path) where T : nn.Module
    {
        ArgumentNullException.ThrowIfNull(model);
        string full = FullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"No checkpoint at '{full}'. Save one with Checkpoint.Save or EarlyStopping(CheckpointPath: ...).", full);
        var weights = CheckpointFile.Read(full);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(weights));
            model.load(reader, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArgumentOutOfRangeException or EndOfStreamException)
        {
            throw new InvalidOperationException(
                $"The checkpoint '{full}' does not fit this model ({model.GetType().Name}): build the model with the same " +
                $"depth, width, inputs and classes as the one that was saved. ({e.Message})", e);
        }
        return model;
    }

    /// <summary>Checks, before a run starts, that a checkpoint can be written at <paramref name="path"/>: creates
    /// its folder and a probe file there, then deletes the probe.</summary>
    /// <exception cref="CheckpointException">The path is invalid or the folder cannot be written.</exception>
    public static void CheckWritable(string path)
    {
        string full = FullPath(path);
        string probe = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.probe-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            if (Directory.Exists(full)) throw new IOException($"'{full}' is a folder.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException(full, $"The checkpoint path '{full}' cannot be written ({e.Message}), so nothing was trained. " +
                "Choose a file in a folder you can write to, e.g. Path.Combine(Path.GetTempPath(), \"best.ckpt\").", e);
        }
    }

    /// <summary>Saves during a run (early stopping's best epoch): a failure is reported on the error output and the
    /// run goes on, keeping its history and best weights in memory. Returns whether the file was written.</summary>
    public static bool SaveDuringFit(nn.Module model, string path)
    {
        try
        {
            Save(model, path);
            return true;
        }
        catch (CheckpointException e)
        {
            Console.Error.WriteLine($"Warning: {e.Message} Training goes on; the best weights are kept in memory.");
            return false;
        }
    }

    private static string FullPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Path.GetFullPath(path);
        }
        catch (ArgumentException e)
        {
            throw new CheckpointException(path, $"'{path}' is not a valid file path ({e.Message}). Give a plain file name such as \"best.ckpt\".", e);
        }
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
