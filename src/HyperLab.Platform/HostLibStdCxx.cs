using System.Text;
using System.Text.RegularExpressions;

namespace HyperLab.Platform;

/// <summary>
/// The C++ standard library (libstdc++) that this process uses on Linux, and the symbol
/// versions (<c>GLIBCXX_3.4.N</c>) it provides. TorchSharp's native library is loaded into this
/// same process, so this is the libstdc++ it will be linked against.
/// </summary>
/// <param name="Path">The file, as found in <c>/proc/self/maps</c> (or a standard library folder).</param>
/// <param name="Versions">Every <c>GLIBCXX_3.4[.N]</c> version it defines, lowest first.</param>
public sealed record HostLibStdCxx(string Path, IReadOnlyList<Version> Versions)
{
    private static readonly string[] StandardFolders =
    [
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
        "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib",
    ];

    /// <summary>The highest version, such as <c>GLIBCXX_3.4.30</c>, or null if none was found.</summary>
    public string? Highest => Versions.Count == 0 ? null : Format(Versions[^1]);

    /// <summary>True if the library defines <paramref name="versionName"/> (for example <c>GLIBCXX_3.4.32</c>).</summary>
    public bool Has(string versionName) => Versions.Any(v => Format(v) == versionName);

    /// <summary>
    /// Finds the libstdc++ that this process has loaded (falling back to the standard library
    /// folders) and reads its versions. Returns null off Linux or if none can be found.
    /// </summary>
    public static HostLibStdCxx? Find()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        string? path = FromProcessMaps() ?? FromStandardFolders();
        return path is null ? null : new HostLibStdCxx(path, ReadVersions(File.ReadAllBytes(path)));
    }

    /// <summary>Every <c>GLIBCXX_3.4[.N]</c> string in a libstdc++ file's bytes, lowest first.</summary>
    public static IReadOnlyList<Version> ReadVersions(byte[] library)
    {
        string text = Encoding.Latin1.GetString(library);
        return Regex.Matches(text, @"GLIBCXX_(3\.4(?:\.\d+)?)\0")
            .Select(m => Version.Parse(m.Groups[1].Value.Count(c => c == '.') == 1 ? m.Groups[1].Value + ".0" : m.Groups[1].Value))
            .Distinct()
            .Order()
            .ToList();
    }

    private static string Format(Version v) => v.Build == 0 ? $"GLIBCXX_{v.Major}.{v.Minor}" : $"GLIBCXX_{v}";

    private static string? FromProcessMaps()
    {
        try
        {
            return File.ReadLines("/proc/self/maps")
                .Select(line => line.IndexOf('/') is var slash and >= 0 ? line[slash..] : null)
                .FirstOrDefault(p => p is not null && System.IO.Path.GetFileName(p).StartsWith("libstdc++.so", StringComparison.Ordinal) && File.Exists(p));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? FromStandardFolders() =>
        StandardFolders.Select(dir => System.IO.Path.Combine(dir, "libstdc++.so.6")).FirstOrDefault(File.Exists);
}
