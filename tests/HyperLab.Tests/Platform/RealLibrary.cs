using System.IO.Compression;
using HyperLab.Platform;

namespace HyperLab.Tests.Platform;

/// <summary>Pristine bytes of TorchSharp 0.107.0's libLibTorchSharp.so, taken from the NuGet cache.</summary>
internal static class RealLibrary
{
    private const string Entry = "runtimes/linux-x64/native/libLibTorchSharp.so";

    private static readonly Lazy<byte[]> Pristine = new(Load);

    /// <summary>A fresh copy of the library as shipped (never patched), or null if TorchSharp is not in the NuGet cache.</summary>
    public static byte[]? Bytes() => Pristine.Value is { Length: > 0 } b ? (byte[])b.Clone() : null;

    /// <summary>Writes a pristine copy as <c>libLibTorchSharp.so</c> in a new temp folder; returns its path.</summary>
    public static string CopyToTemp(byte[] bytes, string fileName = TorchSharpNativeFix.LibraryFileName)
    {
        string folder = Path.Combine(Path.GetTempPath(), "hyperlab-elf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Load()
    {
        string package = Path.Combine(TorchSharpNativeFix.NuGetPackagesFolder(), "torchsharp", TorchSharpNativeFix.TorchSharpVersion);
        string nupkg = Path.Combine(package, $"torchsharp.{TorchSharpNativeFix.TorchSharpVersion}.nupkg");
        if (File.Exists(nupkg))
        {
            using var zip = ZipFile.OpenRead(nupkg);
            if (zip.GetEntry(Entry) is { } entry)
            {
                using var stream = entry.Open();
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                return memory.ToArray();
            }
        }

        // No .nupkg kept: use the extracted copy, undoing an earlier patch so the tests start pristine.
        string extracted = Path.Combine(package, Entry);
        if (!File.Exists(extracted))
        {
            return [];
        }

        byte[] bytes = File.ReadAllBytes(extracted);
        var patch = ElfVersionPatcher.MarkWeak((byte[])bytes.Clone(), TorchSharpNativeFix.RequiredVersion);
        if (patch.FlagsOffset >= 0)
        {
            bytes[patch.FlagsOffset] &= unchecked((byte)~ElfVersionPatcher.VersionFlagWeak);
        }

        return bytes;
    }
}
