using System.Diagnostics;

namespace HyperLab.Platform;

/// <summary>
/// Finds a <c>libtorch_cpu.so</c> that the system loader would return for TorchSharp's by-name request in a notebook
/// kernel (docs/platform.md#p3-a-system-libtorch-breaks-notebook-kernels): on <c>LD_LIBRARY_PATH</c>, in the loader cache (<c>ldconfig -p</c>) or in the default
/// library folders, e.g. from Debian's <c>libtorch-dev</c>. <c>doctor</c> reports it; <see cref="TorchSharpPreload"/>
/// keeps notebooks from loading it.
/// </summary>
public static class SystemLibTorch
{
    /// <summary>The folders the loader searches by default on 64-bit Linux.</summary>
    public static readonly IReadOnlyList<string> DefaultFolders =
        ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib"];

    /// <summary>Every <c>libtorch_cpu.so</c> the loader could find by name on this machine (empty off Linux).</summary>
    public static IReadOnlyList<string> Find() =>
        OperatingSystem.IsLinux()
            ? Find(Environment.GetEnvironmentVariable("LD_LIBRARY_PATH"), DefaultFolders.Concat(LoaderCache()))
            : [];

    /// <summary>Every <c>libtorch_cpu.so</c> in the folders of <paramref name="ldLibraryPath"/> (colon-separated) and in
    /// <paramref name="folders"/>, in search order, without duplicates.</summary>
    public static IReadOnlyList<string> Find(string? ldLibraryPath, IEnumerable<string> folders)
    {
        var search = (ldLibraryPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(folders);
        return search.Select(f => Path.Combine(f, "libtorch_cpu.so")).Where(File.Exists)
            .Select(p => Path.GetFullPath(p)).Distinct().ToList();
    }

    /// <summary>The folders of the <c>libtorch_cpu.so</c> entries of <c>ldconfig -p</c> (empty if it cannot run).</summary>
    private static IEnumerable<string> LoaderCache()
    {
        try
        {
            var start = new ProcessStartInfo("ldconfig", "-p") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is null) return [];
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(5000);
            return output.Split('\n').Where(l => l.TrimStart().StartsWith("libtorch_cpu.so ", StringComparison.Ordinal) && l.Contains("=>"))
                .Select(l => Path.GetDirectoryName(l[(l.IndexOf("=>", StringComparison.Ordinal) + 2)..].Trim())!).ToList();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return [];
        }
    }
}
