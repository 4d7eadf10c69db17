using System.Diagnostics;
using System.Runtime.InteropServices;
using HyperLab.Platform;

namespace Course.Doctor;

/// <summary>The doctor's checks of the machine: .NET, libstdc++, the TorchSharp fix, the NuGet cache.</summary>
public static class EnvironmentChecks
{
    /// <summary>The .NET runtime this runs on and the SDK <c>dotnet --version</c> picks in the repository.</summary>
    public static CheckResult DotNet(string? repoRoot)
    {
        string runtime = $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture})";
        string? sdk = DotNetSdkVersion(repoRoot ?? Environment.CurrentDirectory, out string? error);
        if (sdk is null)
        {
            return CheckResult.Warn(".NET", $"runtime {runtime}; no SDK found ({error})",
                "Install the .NET 10 SDK (https://dot.net), or open the repository in its dev container.");
        }

        return Environment.Version.Major >= 10
            ? CheckResult.Ok(".NET", $"SDK {sdk}, runtime {runtime}")
            : CheckResult.Fail(".NET", $"SDK {sdk}, runtime {runtime}", "The course needs .NET 10: install the .NET 10 SDK.");
    }

    /// <summary>The host's libstdc++ and the highest GLIBCXX version it provides.</summary>
    public static CheckResult LibStdCxx()
    {
        if (!OperatingSystem.IsLinux())
        {
            return CheckResult.Ok("libstdc++", "not Linux: not relevant");
        }

        var host = HostLibStdCxx.Find();
        if (host is null)
        {
            return CheckResult.Warn("libstdc++", "could not find the libstdc++ this process uses",
                "Install the C++ runtime (Debian/Ubuntu: apt-get install libstdc++6).");
        }

        string level = host.Has(TorchSharpNativeFix.RequiredVersion) ? "new enough for TorchSharp as is" : $"older than TorchSharp 0.107.0 wants ({TorchSharpNativeFix.RequiredVersion}): the native fix handles it";
        return CheckResult.Ok("libstdc++", $"{host.Path} has up to {host.Highest}; {level}");
    }

    /// <summary>What the GLIBCXX step of <see cref="NativeSetup.Prepare"/> found and did.</summary>
    public static CheckResult NativeFix()
    {
        var report = NativeSetup.Prepare().NativeFix;
        string detail = report.Detail;
        return report.Succeeded
            ? CheckResult.Ok("native fix", detail)
            : CheckResult.Fail("native fix", detail,
                "Make the listed files writable by this user (they are in the NuGet cache or this app's folder) and run doctor again; " +
                $"or use a system whose libstdc++ has {TorchSharpNativeFix.RequiredVersion} (GCC 13+, e.g. Ubuntu 24.04, the course's dev container).");
    }

    /// <summary>What a notebook kernel would load (docs/platform.md#p3-a-system-libtorch-breaks-notebook-kernels): this app loads libtorch from its own folder, but a
    /// kernel asks for <c>torch_cpu</c> by name, so a system libtorch on the loader's path would be picked up unless
    /// <c>Notebook.Prepare()</c> preloads TorchSharp's own copies (<see cref="TorchSharpPreload"/>).</summary>
    public static CheckResult NotebookKernelLibTorch()
    {
        if (!OperatingSystem.IsLinux()) return CheckResult.Ok("notebook libtorch", "not Linux: not relevant");
        var system = SystemLibTorch.Find();
        var plan = TorchSharpPreload.Plan();
        string own = plan.Count > 0 ? $"Notebook.Prepare() preloads TorchSharp's own from {Path.GetDirectoryName(plan[2])}" : "TorchSharp's own files are not in the NuGet cache yet";
        if (system.Count == 0)
            return CheckResult.Ok("notebook libtorch", $"no system libtorch_cpu.so on the loader's path; {own}");
        string found = $"a system libtorch a notebook kernel would find by name: {string.Join(", ", system)}";
        return plan.Count > 0
            ? CheckResult.Ok("notebook libtorch", $"{found}; {own}, so it is not used")
            : CheckResult.Warn("notebook libtorch", $"{found}; {own}",
                "Run `dotnet restore` in the repository so that Notebook.Prepare() can preload TorchSharp's own libtorch; " +
                "otherwise the first torch call in a notebook fails with \"doesn't contain a reference to libtorch-cpu-linux-x64\" " +
                "(or remove the system libtorch from LD_LIBRARY_PATH / uninstall libtorch-dev).");
    }

    /// <summary>The NuGet global packages folder and whether TorchSharp 0.107.0 and its libtorch are in it.</summary>
    public static CheckResult NuGetCache()
    {
        string folder = TorchSharpNativeFix.NuGetPackagesFolder();
        string torchSharp = Path.Combine(folder, "torchsharp", TorchSharpNativeFix.TorchSharpVersion);
        string libtorch = Path.Combine(folder, "libtorch-cpu-linux-x64");
        bool hasTorchSharp = Directory.Exists(torchSharp);
        string libtorchVersions = Directory.Exists(libtorch) ? string.Join(", ", Directory.GetDirectories(libtorch).Select(Path.GetFileName)) : "none";
        string detail = $"{folder}: TorchSharp {TorchSharpNativeFix.TorchSharpVersion} {(hasTorchSharp ? "present" : "MISSING")}" +
                        (OperatingSystem.IsLinux() ? $", libtorch-cpu-linux-x64 {libtorchVersions}" : "");
        return hasTorchSharp
            ? CheckResult.Ok("NuGet cache", detail)
            : CheckResult.Warn("NuGet cache", detail,
                "Run `dotnet restore` in the repository (downloads ~280 MB once); notebooks' `#r \"nuget: TorchSharp-cpu, 0.107.0\"` also fetches it.");
    }

    private static string? DotNetSdkVersion(string workingDirectory, out string? error)
    {
        try
        {
            var start = new ProcessStartInfo("dotnet", "--version")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd().Trim();
            string stderr = process.StandardError.ReadToEnd().Trim();
            if (!process.WaitForExit(60_000) || process.ExitCode != 0)
            {
                error = stderr.Length > 0 ? stderr.Split('\n')[0] : $"`dotnet --version` exited with {process.ExitCode}";
                return null;
            }

            error = null;
            return output;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            error = $"`dotnet` could not be started: {e.Message}";
            return null;
        }
    }
}
