namespace HyperLab.Training;

/// <summary>
/// A checkpoint file that cannot be written, or that is not an intact checkpoint: not one at all,
/// cut short, or altered since it was saved. The message names the full path, what was found and what to do.
/// Thrown by <see cref="Checkpoint"/>.
/// </summary>
public sealed class CheckpointException : IOException
{
    /// <summary>Creates the exception for the file at <paramref name="path"/>.</summary>
    public CheckpointException(string path, string message, Exception? inner = null) : base(message, inner)
    {
        FilePath = path;
    }

    /// <summary>The full path of the checkpoint file.</summary>
    public string FilePath { get; }
}
