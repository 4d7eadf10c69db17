using System.Buffers.Binary;

namespace HyperLab.Platform;

/// <summary>What <see cref="ElfVersionPatcher.MarkWeak"/> found and did.</summary>
public enum ElfPatchOutcome
{
    /// <summary>The version entry was strong; its weak flag is now set.</summary>
    Patched,

    /// <summary>The version entry was already weak; nothing changed (a second run is a no-op).</summary>
    AlreadyWeak,

    /// <summary>The library does not ask for that version; nothing changed.</summary>
    VersionNotReferenced,
}

/// <summary>
/// The outcome of marking one required symbol version weak, with the file offset of the
/// two-byte <c>vna_flags</c> field that holds the flag (-1 when the version is not referenced).
/// </summary>
/// <param name="Outcome">What was found and done.</param>
/// <param name="FlagsOffset">Offset of the entry's <c>vna_flags</c> field in the file, or -1.</param>
public sealed record ElfVersionPatch(ElfPatchOutcome Outcome, int FlagsOffset);

/// <summary>
/// Marks a required symbol version of an ELF shared library weak (<c>VER_FLG_WEAK</c>), so the
/// dynamic loader warns instead of refusing to load when the host lacks that version. A pure
/// function over the file's bytes; used by <see cref="TorchSharpNativeFix"/> (docs/platform.md#p2-torchsharp-asks-for-a-newer-libstdc).
/// </summary>
public static class ElfVersionPatcher
{
    /// <summary>The <c>VER_FLG_WEAK</c> bit of <c>Elf64_Vernaux.vna_flags</c>.</summary>
    public const ushort VersionFlagWeak = 0x2;

    /// <summary>
    /// Sets <see cref="VersionFlagWeak"/> on every <c>.gnu.version_r</c> entry named
    /// <paramref name="versionName"/> (e.g. <c>GLIBCXX_3.4.32</c>), in place.
    /// </summary>
    /// <param name="image">The whole file; modified in place when the outcome is <see cref="ElfPatchOutcome.Patched"/>.</param>
    /// <param name="versionName">The exact version name, such as <c>GLIBCXX_3.4.32</c>.</param>
    /// <returns>What was found, and where the flags field is.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a 64-bit little-endian ELF file, or are corrupt.</exception>
    public static ElfVersionPatch MarkWeak(byte[] image, string versionName)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(versionName);

        var needs = ElfImage.Parse(image).ReadVersionNeeds().Where(n => n.Name == versionName).ToList();
        if (needs.Count == 0)
        {
            return new ElfVersionPatch(ElfPatchOutcome.VersionNotReferenced, -1);
        }

        bool changed = false;
        foreach (var need in needs)
        {
            if ((need.Flags & VersionFlagWeak) == 0)
            {
                var field = image.AsSpan(need.FlagsOffset, 2);
                BinaryPrimitives.WriteUInt16LittleEndian(field, (ushort)(need.Flags | VersionFlagWeak));
                changed = true;
            }
        }

        return new ElfVersionPatch(changed ? ElfPatchOutcome.Patched : ElfPatchOutcome.AlreadyWeak, needs[0].FlagsOffset);
    }

    /// <summary>The library's <c>DT_SONAME</c> (for example <c>libLibTorchSharp.so</c>), or null if it has none.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a 64-bit little-endian ELF file, or are corrupt.</exception>
    public static string? ReadSoname(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return ElfImage.Parse(image).ReadSoname();
    }
}
