using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace HyperLab.Data;

/// <summary>
/// One file of the course's <c>data/</c> folder as the course expects it: its path inside that
/// folder, its size and its SHA-256. The loaders in <see cref="CourseData"/> refuse a file whose
/// hash differs, so every learner trains on exactly the same bytes. Sources and licences: data/README.md.
/// </summary>
/// <param name="RelativePath">Path inside the data folder, with forward slashes, e.g. "uci/iris.csv".</param>
/// <param name="Bytes">The file's size in bytes.</param>
/// <param name="Sha256">The file's SHA-256, lower-case hex.</param>
public sealed record DataFile(string RelativePath, long Bytes, string Sha256)
{
    // Verified files, by full path, with the size and time stamp they had when their hash matched.
    private static readonly ConcurrentDictionary<string, (long Length, DateTime WrittenUtc)> Verified = new();

    /// <summary>The full path of this file inside <paramref name="dataFolder"/>.</summary>
    public string PathIn(string dataFolder) =>
        Path.GetFullPath(Path.Combine(dataFolder, RelativePath.Replace('/', Path.DirectorySeparatorChar)));

    /// <summary>
    /// Reads the file from <paramref name="dataFolder"/> and checks its SHA-256; a file already verified
    /// in this process (same path, size and time stamp) is not hashed again.
    /// </summary>
    /// <exception cref="DataFileException">The file is missing or its SHA-256 differs.</exception>
    public byte[] ReadVerified(string dataFolder)
    {
        var path = PathIn(dataFolder);
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new DataFileException(this, path, actualSha256: null);
        var bytes = System.IO.File.ReadAllBytes(path);
        var stamp = (bytes.LongLength, info.LastWriteTimeUtc);
        if (Verified.TryGetValue(path, out var known) && known == stamp)
            return bytes;
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != Sha256)
            throw new DataFileException(this, path, actual, bytes.LongLength);
        Verified[path] = stamp;
        return bytes;
    }
}
