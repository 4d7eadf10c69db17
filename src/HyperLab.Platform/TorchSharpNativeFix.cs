using System.Reflection;

namespace HyperLab.Platform;

/// <summary>
/// Makes TorchSharp 0.107.0 load on Linux systems whose libstdc++ is older than GCC 13
/// (Debian 12, Ubuntu 22.04): docs/platform.md#p2-torchsharp-asks-for-a-newer-libstdc. Its <c>libLibTorchSharp.so</c> asks for
/// <c>GLIBCXX_3.4.32</c> only for a marker symbol that is never called; without that version
/// the first <c>torch.*</c> call throws a misleading <c>NotSupportedException</c>. The fix marks
/// that version requirement weak in the copies TorchSharp loads from, and only where the host
/// lacks the version.
/// </summary>
/// <remarks>
/// <see cref="NativeSetup.Prepare"/> applies it before the first <c>torch.*</c> call in a process (TorchSharp loads
/// its native library lazily, at that call). The copies it patches: in the NuGet global
/// packages folder (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>),
/// <c>torchsharp/0.107.0/runtimes/linux-x64/native/</c> and <c>torchsharp/0.107.0/lib/net8.0/cpu/</c>
/// (where TorchSharp consolidates natives when loaded from a notebook); and beside any
/// TorchSharp 0.107.0 <c>TorchSharp.dll</c> of the running app (<c>AppContext.BaseDirectory</c>
/// or wherever the assembly was loaded from): the folder itself, <c>cpu/</c> and
/// <c>runtimes/linux-x64/native/</c>.
/// </remarks>
public static class TorchSharpNativeFix
{
    /// <summary>The symbol version TorchSharp 0.107.0 asks for and older hosts lack.</summary>
    public const string RequiredVersion = "GLIBCXX_3.4.32";

    /// <summary>The only TorchSharp release this fix touches.</summary>
    public const string TorchSharpVersion = "0.107.0";

    /// <summary>The file name (and <c>DT_SONAME</c>) of TorchSharp's native library on Linux.</summary>
    public const string LibraryFileName = "libLibTorchSharp.so";

    private static readonly Version AssemblyVersion = new(0, 107, 0, 0);
    private static readonly Lazy<TorchSharpNativeFixReport> Cached = new(Run, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Checks the host and patches what is needed, once per process; later calls return the
    /// first call's report at no cost. Never throws: problems are listed in the report.
    /// </summary>
    /// <returns>What was needed and done; its <c>ToString()</c> is one line.</returns>
    internal static TorchSharpNativeFixReport Apply() => Cached.Value;

    /// <summary>
    /// The NuGet global packages folder: <c>NUGET_PACKAGES</c> if set, else <c>~/.nuget/packages</c>.
    /// </summary>
    public static string NuGetPackagesFolder()
    {
        string? configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return !string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(configured)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    /// <summary>
    /// Every existing copy of TorchSharp 0.107.0's <c>libLibTorchSharp.so</c> this fix looks after,
    /// the NuGet package's own copy first (TorchSharp copies from it).
    /// </summary>
    public static IReadOnlyList<string> FindCopies()
    {
        string package = Path.Combine(NuGetPackagesFolder(), "torchsharp", TorchSharpVersion);
        var candidates = new List<string>
        {
            Path.Combine(package, "runtimes", "linux-x64", "native", LibraryFileName),
            Path.Combine(package, "lib", "net8.0", "cpu", LibraryFileName),
        };

        foreach (string folder in AppFoldersWithTorchSharp())
        {
            candidates.Add(Path.Combine(folder, "runtimes", "linux-x64", "native", LibraryFileName));
            candidates.Add(Path.Combine(folder, LibraryFileName));
            candidates.Add(Path.Combine(folder, "cpu", LibraryFileName));
        }

        return candidates.Select(Path.GetFullPath).Distinct().Where(File.Exists).ToList();
    }

    /// <summary>
    /// Marks <see cref="RequiredVersion"/> weak in one file, after checking that it is TorchSharp's
    /// native library (file name and <c>DT_SONAME</c> both <c>libLibTorchSharp.so</c>). Idempotent;
    /// the file is replaced atomically and keeps its permissions.
    /// </summary>
    /// <param name="path">A copy of <c>libLibTorchSharp.so</c>.</param>
    /// <returns>Whether it was patched now, already weak, or does not ask for the version.</returns>
    /// <exception cref="ArgumentException">The file is not named <c>libLibTorchSharp.so</c>.</exception>
    /// <exception cref="InvalidDataException">The file is not an ELF file, or its <c>DT_SONAME</c> is not <c>libLibTorchSharp.so</c>.</exception>
    public static ElfPatchOutcome PatchFile(string path)
    {
        if (Path.GetFileName(path) != LibraryFileName)
        {
            throw new ArgumentException($"refusing to patch {path}: only files named {LibraryFileName} are patched", nameof(path));
        }

        byte[] image = File.ReadAllBytes(path);
        string? soname;
        try
        {
            soname = ElfVersionPatcher.ReadSoname(image);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"refusing to patch {path}: {e.Message}", e);
        }

        if (soname != LibraryFileName)
        {
            throw new InvalidDataException($"refusing to patch {path}: its DT_SONAME is '{soname ?? "(none)"}', not {LibraryFileName}");
        }

        var patch = ElfVersionPatcher.MarkWeak(image, RequiredVersion);
        if (patch.Outcome == ElfPatchOutcome.Patched)
        {
            ReplaceAtomically(path, image);
        }

        return patch.Outcome;
    }

    private static TorchSharpNativeFixReport Run()
    {
        if (!OperatingSystem.IsLinux())
        {
            return new TorchSharpNativeFixReport(false, null, null, [], [], [], "not needed: not Linux");
        }

        HostLibStdCxx? host;
        try
        {
            host = HostLibStdCxx.Find();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new TorchSharpNativeFixReport(false, null, null, [], [], [], $"could not read the host libstdc++ ({e.Message}); nothing patched");
        }

        if (host is null)
        {
            return new TorchSharpNativeFixReport(false, null, null, [], [], [], "could not find the host libstdc++; nothing patched");
        }

        if (host.Has(RequiredVersion))
        {
            return new TorchSharpNativeFixReport(false, host.Path, host.Highest, [], [], []);
        }

        var patched = new List<string>();
        var already = new List<string>();
        var failed = new List<string>();
        foreach (string copy in FindCopies())
        {
            try
            {
                (PatchFile(copy) == ElfPatchOutcome.Patched ? patched : already).Add(copy);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
            {
                failed.Add($"{copy}: {e.Message}");
            }
        }

        return new TorchSharpNativeFixReport(true, host.Path, host.Highest, patched, already, failed);
    }

    private static IEnumerable<string> AppFoldersWithTorchSharp()
    {
        var folders = new List<string> { AppContext.BaseDirectory };
        folders.AddRange(AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.GetName().Name == "TorchSharp" && !string.IsNullOrEmpty(a.Location))
            .Select(a => Path.GetDirectoryName(a.Location)!));

        return folders.Distinct().Where(HasTorchSharp0107);
    }

    private static bool HasTorchSharp0107(string folder)
    {
        string assembly = Path.Combine(folder, "TorchSharp.dll");
        try
        {
            return File.Exists(assembly) && AssemblyName.GetAssemblyName(assembly).Version == AssemblyVersion;
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void ReplaceAtomically(string path, byte[] image)
    {
        string temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temp, image);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
