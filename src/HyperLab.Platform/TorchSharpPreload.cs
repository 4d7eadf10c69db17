using System.Runtime.InteropServices;

namespace HyperLab.Platform;

/// <summary>
/// Makes a notebook kernel load TorchSharp's own native libraries, not a system libtorch (docs/platform.md#p3-a-system-libtorch-breaks-notebook-kernels).
/// In a kernel, TorchSharp first loads <c>torch_cpu</c> by bare name; on a machine with Debian's <c>libtorch-dev</c>
/// (or any <c>libtorch_cpu.so</c> on <c>LD_LIBRARY_PATH</c>) that finds the system's libtorch, and
/// <c>libLibTorchSharp.so</c> then fails with an undefined symbol, reported as the misleading "doesn't contain a
/// reference to libtorch-cpu-linux-x64". <see cref="Apply"/> loads TorchSharp's copies by full path first, each
/// dependency before the library that needs it (<c>libgomp</c>, <c>libc10</c>, <c>libtorch_cpu</c>, <c>libtorch</c>,
/// <c>libLibTorchSharp</c>); the system loader then answers TorchSharp's by-name requests with them (a loaded
/// library matches its own soname).
/// </summary>
/// <remarks>
/// Only for a process whose TorchSharp comes from the NuGet cache (a notebook kernel, F# Interactive): an app that
/// carries libtorch beside itself (the course runner, the tests, <c>dotnet run</c>) loads it by full path anyway, and
/// preloading another copy there would put two libtorch copies in one process, so <see cref="Apply"/> does nothing then.
/// The files come from the folder TorchSharp consolidates for notebooks (<c>torchsharp/0.107.0/lib/net8.0/cpu/</c>) when
/// it is complete, else from the packages themselves (<c>libtorch-cpu-linux-x64/&lt;version&gt;/runtimes/linux-x64/native/</c>
/// and <c>torchsharp/0.107.0/runtimes/linux-x64/native/</c>). <see cref="NativeSetup.Prepare"/> runs it after
/// <see cref="TorchSharpNativeFix.Apply"/> (which patches those copies) and after the OpenMP and MKL variables are set
/// (loading libgomp and libtorch reads them), before the first <c>torch.*</c> call.
/// </remarks>
public static class TorchSharpPreload
{
    /// <summary>The libtorch version TorchSharp 0.107.0 is built against (package <c>libtorch-cpu-linux-x64</c>).</summary>
    public const string LibTorchVersion = "2.10.0";

    /// <summary>The native files, in load order (dependencies first), by file name.</summary>
    public static readonly IReadOnlyList<string> LoadOrder = ["libgomp-*.so.1", "libc10.so", "libtorch_cpu.so", "libtorch.so", TorchSharpNativeFix.LibraryFileName];

    private static readonly Lazy<string> Cached = new(Run, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Preloads TorchSharp's native libraries by full path where a notebook kernel needs it, once per process.
    /// Never throws; returns one line saying what was done.</summary>
    internal static string Apply() => Cached.Value;

    /// <summary>True when this app carries libtorch beside itself (a built app: runner, tests), so nothing is preloaded.</summary>
    public static bool AppCarriesLibTorch() =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, "libtorch_cpu.so"))
        || File.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libtorch_cpu.so"));

    /// <summary>The full paths a notebook kernel should load, in <see cref="LoadOrder"/>; empty when a file is missing
    /// (TorchSharp-cpu 0.107.0 not restored yet). Linux only.</summary>
    /// <param name="packages">The NuGet global packages folder; default <see cref="TorchSharpNativeFix.NuGetPackagesFolder"/>.</param>
    public static IReadOnlyList<string> Plan(string? packages = null)
    {
        packages ??= TorchSharpNativeFix.NuGetPackagesFolder();
        string torchsharp = Path.Combine(packages, "torchsharp", TorchSharpNativeFix.TorchSharpVersion);
        string consolidated = Path.Combine(torchsharp, "lib", "net8.0", "cpu");
        string libtorch = Path.Combine(packages, "libtorch-cpu-linux-x64", LibTorchVersion, "runtimes", "linux-x64", "native");
        string natives = Path.Combine(torchsharp, "runtimes", "linux-x64", "native");
        return Find([consolidated]) ?? Find([libtorch, natives]) ?? [];
    }

    private static List<string>? Find(string[] folders)
    {
        var found = new List<string>();
        foreach (string name in LoadOrder)
        {
            string? path = folders.Where(Directory.Exists).SelectMany(f => Directory.EnumerateFiles(f, name)).Order().FirstOrDefault();
            if (path is null) return null;
            found.Add(path);
        }
        return found;
    }

    private static string Run()
    {
        if (!OperatingSystem.IsLinux()) return "native preload: not needed (not Linux)";
        if (AppCarriesLibTorch()) return "native preload: not needed (this app carries its own libtorch)";
        var plan = Plan();
        if (plan.Count == 0)
            return $"native preload: skipped, TorchSharp {TorchSharpNativeFix.TorchSharpVersion} or libtorch {LibTorchVersion} is not in {TorchSharpNativeFix.NuGetPackagesFolder()} yet";
        foreach (string path in plan)
        {
            if (!NativeLibrary.TryLoad(path, out _))
                return $"native preload: could not load {path}; TorchSharp will look for libtorch by name (a system libtorch may be picked up)";
        }
        return $"native preload: TorchSharp's own libtorch from {Path.GetDirectoryName(plan[2])}";
    }
}
