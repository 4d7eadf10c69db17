namespace HyperLab.Tests.Platform;

/// <summary>A fact that needs TorchSharp 0.107.0's pristine libLibTorchSharp.so from the NuGet cache: reported as
/// skipped, with the reason, when it is not there (it used to return early and pass without a word).</summary>
public sealed class TorchSharpLibraryFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the library cannot be found (or, with
    /// <paramref name="linuxOnly"/>, off Linux).</summary>
    public TorchSharpLibraryFactAttribute(bool linuxOnly = false)
    {
        if (linuxOnly && !OperatingSystem.IsLinux())
            Skip = "Linux only";
        else if (RealLibrary.Bytes() is null)
            Skip = "TorchSharp 0.107.0's libLibTorchSharp.so is not in the NuGet cache (nothing real to test against)";
    }
}

/// <summary>A fact that only means something on Linux (ELF files, libstdc++): skipped elsewhere, visibly.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> off Linux.</summary>
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Linux only";
    }
}

/// <summary>A fact about platforms other than Linux: skipped on Linux, visibly.</summary>
public sealed class NotLinuxFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> on Linux.</summary>
    public NotLinuxFactAttribute()
    {
        if (OperatingSystem.IsLinux()) Skip = "not for Linux";
    }
}
