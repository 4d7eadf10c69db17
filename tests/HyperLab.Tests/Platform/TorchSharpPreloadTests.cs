using System.Diagnostics;
using HyperLab.Platform;

namespace HyperLab.Tests.Platform;

/// <summary>docs/platform.md#p3-a-system-libtorch-breaks-notebook-kernels: a notebook kernel loads TorchSharp's own libtorch even when a system libtorch
/// is on the loader's path.</summary>
public sealed class TorchSharpPreloadTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "hyperlab-preload-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private string Touch(params string[] parts)
    {
        string path = Path.Combine([root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
        return path;
    }

    private static readonly string[] Libtorch = ["libtorch-cpu-linux-x64", TorchSharpPreload.LibTorchVersion, "runtimes", "linux-x64", "native"];
    private static readonly string[] Natives = ["torchsharp", TorchSharpNativeFix.TorchSharpVersion, "runtimes", "linux-x64", "native"];
    private static readonly string[] Consolidated = ["torchsharp", TorchSharpNativeFix.TorchSharpVersion, "lib", "net8.0", "cpu"];

    private void Package(string[] folder, bool withTorchSharp = true)
    {
        foreach (var name in new[] { "libgomp-98b21ff3.so.1", "libc10.so", "libtorch_cpu.so", "libtorch.so" }) Touch([.. folder, name]);
        if (withTorchSharp) Touch([.. folder, TorchSharpNativeFix.LibraryFileName]);
    }

    [Fact]
    public void The_plan_loads_dependencies_first_from_the_packages()
    {
        Package(Libtorch, withTorchSharp: false);
        Touch([.. Natives, TorchSharpNativeFix.LibraryFileName]);
        var plan = TorchSharpPreload.Plan(root);
        Assert.Equal(new[] { "libgomp-98b21ff3.so.1", "libc10.so", "libtorch_cpu.so", "libtorch.so", "libLibTorchSharp.so" }, plan.Select(Path.GetFileName));
        Assert.All(plan.Take(4), p => Assert.Contains("libtorch-cpu-linux-x64", p));
        Assert.Contains(Path.Combine(Natives), plan[4]);
    }

    [Fact]
    public void A_complete_consolidated_folder_is_preferred_and_an_incomplete_one_ignored()
    {
        Package(Libtorch, withTorchSharp: false);
        Touch([.. Natives, TorchSharpNativeFix.LibraryFileName]);
        Touch([.. Consolidated, "libtorch_cpu.so"]);                  // half-copied: not used
        Assert.Contains("libtorch-cpu-linux-x64", TorchSharpPreload.Plan(root)[2]);
        Package(Consolidated);
        Assert.All(TorchSharpPreload.Plan(root), p => Assert.Contains(Path.Combine(Consolidated), p));
    }

    [Fact]
    public void Nothing_is_planned_when_a_file_is_missing()
    {
        Package(Libtorch, withTorchSharp: false);                     // libLibTorchSharp.so not restored
        Assert.Empty(TorchSharpPreload.Plan(root));
    }

    [Fact]
    public void A_built_app_that_carries_libtorch_is_left_alone()
    {
        // The test app has runtimes/linux-x64/native/libtorch_cpu.so beside it: preloading the NuGet copies too would
        // put two libtorch copies in one process.
        Assert.True(TorchSharpPreload.AppCarriesLibTorch());
        Assert.Contains("not needed", TorchSharpPreload.Apply());
    }

    [Fact]
    public void A_system_libtorch_on_the_library_path_is_found()
    {
        string fake = Touch("system", "libtorch_cpu.so");
        Touch("other", "libc10.so");
        var found = SystemLibTorch.Find($"{Path.Combine(root, "other")}:{Path.GetDirectoryName(fake)}", []);
        Assert.Equal(new[] { fake }, found);
        Assert.Empty(SystemLibTorch.Find(null, [Path.Combine(root, "other")]));
    }

    /// <summary>The real thing, isolated: F# Interactive loads TorchSharp from the NuGet cache as a notebook kernel does,
    /// in a child process whose LD_LIBRARY_PATH holds a fake libtorch_cpu.so (a renamed libdl). Without the preload the
    /// first torch call fails as docs/platform.md#p3-a-system-libtorch-breaks-notebook-kernels describes; with it, torch computes with TorchSharp's own libtorch.</summary>
    [TorchSharpLibraryFact(linuxOnly: true)]
    public void A_notebook_like_process_ignores_a_fake_system_libtorch_once_preloaded()
    {
        string? libdl = new[] { "/lib/x86_64-linux-gnu/libdl.so.2", "/usr/lib/x86_64-linux-gnu/libdl.so.2" }.FirstOrDefault(File.Exists);
        Assert.NotNull(libdl);
        Directory.CreateDirectory(root);
        File.Copy(libdl, Path.Combine(root, "libtorch_cpu.so"));
        string hyperLab = typeof(TorchSharpPreload).Assembly.Location;

        string Run(bool preload)
        {
            string script = Path.Combine(root, preload ? "with.fsx" : "without.fsx");
            File.WriteAllText(script, string.Join('\n',
                $"#r \"{hyperLab}\"",
                preload ? "printfn \"%s\" (HyperLab.Platform.NativeSetup.Prepare().ToString())" : "",
                "#r \"nuget: TorchSharp-cpu, 0.107.0\"",
                "try printfn \"RESULT %g\" (TorchSharp.torch.ones(3L).sum().item<float32>())",
                "with e -> printfn \"RESULT failed: %s\" (e.Message.Split('\\n').[0])",
                "for l in System.IO.File.ReadAllLines \"/proc/self/maps\" do if l.EndsWith \"libtorch_cpu.so\" then printfn \"MAPPED %s\" (l.Substring(l.IndexOf '/'))"));
            var start = new ProcessStartInfo("dotnet", ["fsi", "--quiet", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["LD_LIBRARY_PATH"] = root;
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(240_000), "dotnet fsi did not finish in 4 minutes");
            return output + error.Result;
        }

        string without = Run(preload: false);
        Assert.Contains("RESULT failed", without);                       // the fake was picked up: fact 11 reproduced
        Assert.Contains($"MAPPED {Path.Combine(root, "libtorch_cpu.so")}", without);
        string with = Run(preload: true);
        Assert.Contains("RESULT 3", with);
        Assert.DoesNotContain($"MAPPED {root}", with);
    }
}
