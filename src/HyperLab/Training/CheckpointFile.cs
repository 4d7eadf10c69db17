using System.Security.Cryptography;
using System.Text;

namespace HyperLab.Training;

/// <summary>
/// The checkpoint file's envelope (issue 9): a header line, the length of the weights in bytes and their
/// SHA-256, then the weights in TorchSharp's own format. Written atomically (a temporary file in the same
/// folder, flushed to disk, then renamed over the old one), so a crash mid-save leaves the previous
/// checkpoint intact; read back only when the length and checksum match.
/// </summary>
internal static class CheckpointFile
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("HyperLab checkpoint v1\n");
    private const int HeaderLength = 23 + 8 + 32;

    /// <summary>Writes <paramref name="weights"/> to <paramref name="full"/> atomically.</summary>
    public static void Write(string full, byte[] weights)
    {
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(Magic);
                file.Write(BitConverter.GetBytes((long)weights.Length));
                file.Write(SHA256.HashData(weights));
                file.Write(weights);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The weights stored in <paramref name="full"/>, after checking header, length and checksum.</summary>
    public static byte[] Read(string full)
    {
        byte[] bytes = File.ReadAllBytes(full);
        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new CheckpointException(full,
                $"'{full}' is not a HyperLab checkpoint: it does not start with the header \"HyperLab checkpoint v1\" " +
                $"({bytes.Length:N0} bytes). Load files written by Checkpoint.Save or EarlyStopping(CheckpointPath: ...); " +
                "a file written by TorchSharp's model.save can be read with model.load(path).");
        if (bytes.Length < HeaderLength)
            throw Damaged(full, $"it ends inside its header ({bytes.Length:N0} bytes)");
        long expected = BitConverter.ToInt64(bytes, Magic.Length);
        long actual = bytes.Length - HeaderLength;
        if (actual != expected)
            throw Damaged(full, $"it holds {actual:N0} bytes of weights but was saved with {expected:N0}, so it was cut short or appended to");
        var weights = bytes.AsSpan(HeaderLength).ToArray();
        if (!SHA256.HashData(weights).AsSpan().SequenceEqual(bytes.AsSpan(Magic.Length + 8, 32)))
            throw Damaged(full, "its weights do not match the SHA-256 checksum saved with them, so bytes changed after it was written");
        return weights;
    }

    private static CheckpointException Damaged(string full, string why) =>
        new(full, $"The checkpoint '{full}' is damaged: {why}. Save it again (rerun the training with the checkpoint path), " +
                  "or restore the file from a backup; its weights cannot be trusted.");
}
