using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace HyperLab.Training;

/// <summary>
/// The checkpoint file's envelope, so that a damaged or foreign file is recognized before TorchSharp reads it: a header line, the length of the weights in bytes and their
/// SHA-256, then the weights in TorchSharp's own format. Written atomically (a temporary file in the same
/// folder, flushed to disk, then renamed over the old one), so a crash mid-save leaves the previous
/// checkpoint intact; read back only when the length and checksum match.
/// </summary>
internal static class CheckpointFile
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("HyperLab checkpoint v1\n");
    private const int HeaderLength = 23 + 8 + 32;

    /// <summary>A temporary file older than this is stale even if a process with its id runs (the id was reused):
    /// a save takes seconds.</summary>
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>Writes <paramref name="weights"/> to <paramref name="full"/> atomically; first removes the stale
    /// temporaries an interrupted save of the same checkpoint left (<see cref="RemoveStaleTemporaries"/>).</summary>
    public static void Write(string full, byte[] weights)
    {
        RemoveStaleTemporaries(full);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, TempName(full, Environment.ProcessId, Guid.NewGuid()));
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

    /// <summary>The temporary file a save of <paramref name="full"/> by process <paramref name="pid"/> writes:
    /// ".name.pid.guid.tmp", hidden, next to the checkpoint.</summary>
    internal static string TempName(string full, int pid, Guid id) => $".{Path.GetFileName(full)}.{pid}.{id:N}.tmp";

    /// <summary>
    /// Deletes the temporaries of <paramref name="full"/> that a killed save left behind (up to 21 MB each, which would otherwise pile up).
    /// Only files named exactly as <see cref="TempName"/> names this checkpoint's temporaries are touched, and only
    /// when the process that wrote one no longer runs or the file is older than <see cref="StaleAfter"/>; a save in
    /// progress (this or another live process) keeps its file. Failures are ignored: cleaning is a courtesy.
    /// Returns the paths deleted.
    /// </summary>
    internal static IReadOnlyList<string> RemoveStaleTemporaries(string full)
    {
        var removed = new List<string>();
        string? folder = Path.GetDirectoryName(full);
        string name = Path.GetFileName(full);
        if (folder is null || !Directory.Exists(folder) || name.Length == 0) return removed;
        var pattern = new Regex($"^\\.{Regex.Escape(name)}\\.(?<pid>[0-9]{{1,10}})\\.[0-9a-f]{{32}}\\.tmp$", RegexOptions.CultureInvariant);
        try
        {
            foreach (var path in Directory.EnumerateFiles(folder, $".{name}.*.tmp"))
            {
                var match = pattern.Match(Path.GetFileName(path));
                if (!match.Success || !int.TryParse(match.Groups["pid"].Value, out int pid)) continue;
                bool old = DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > StaleAfter;
                if (!old && IsRunning(pid)) continue;
                try { File.Delete(path); removed.Add(path); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return removed;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return false; }
    }

    /// <summary>The weights stored in <paramref name="full"/>, after checking header, length and checksum; first
    /// removes the stale temporaries an interrupted save of it left (<see cref="RemoveStaleTemporaries"/>).</summary>
    public static byte[] Read(string full)
    {
        RemoveStaleTemporaries(full);
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
