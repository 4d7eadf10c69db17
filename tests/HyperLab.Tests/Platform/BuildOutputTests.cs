namespace HyperLab.Tests.Platform;

/// <summary>Directory.Build.targets: a build copies only this platform's libtorch into bin/ (each copy of all three
/// platforms' libtorch is ~1 GB per project, and a CI disk filled up with them).</summary>
public sealed class BuildOutputTests
{
    private static readonly string[] Platforms = ["linux-x64", "win-x64", "osx-arm64"];

    private static string? ThisPlatform() =>
        OperatingSystem.IsLinux() ? "linux-x64" : OperatingSystem.IsWindows() ? "win-x64" : OperatingSystem.IsMacOS() ? "osx-arm64" : null;

    private static bool HasLibTorch(string rid) =>
        Directory.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native"))
        && Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native"))
            .Any(f => Path.GetFileName(f) is "libtorch_cpu.so" or "torch_cpu.dll" or "libtorch_cpu.dylib");

    [Fact]
    public void The_test_output_holds_this_platforms_libtorch_and_no_other()
    {
        string? self = ThisPlatform();
        if (self is null) return; // no libtorch-cpu package for this platform
        Assert.True(HasLibTorch(self), $"runtimes/{self}/native has no libtorch beside {AppContext.BaseDirectory}");
        var foreign = Platforms.Where(rid => rid != self && HasLibTorch(rid)).ToList();
        Assert.True(foreign.Count == 0, $"bin/ holds libtorch for {string.Join(", ", foreign)} too (Directory.Build.targets, target KeepOnlyThisPlatformsLibTorch)");
    }
}
