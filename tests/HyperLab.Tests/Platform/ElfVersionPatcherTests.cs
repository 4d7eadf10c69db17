using System.Buffers.Binary;
using HyperLab.Platform;

namespace HyperLab.Tests.Platform;

public class ElfVersionPatcherTests
{
    private const string Version = TorchSharpNativeFix.RequiredVersion;

    [TorchSharpLibraryFact]
    public void Marking_GLIBCXX_3_4_32_weak_changes_only_its_two_byte_flags_field()
    {
        byte[] original = RealLibrary.Bytes()!;

        byte[] patched = (byte[])original.Clone();
        var patch = ElfVersionPatcher.MarkWeak(patched, Version);

        Assert.Equal(ElfPatchOutcome.Patched, patch.Outcome);
        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(patched.AsSpan(patch.FlagsOffset, 2));
        Assert.Equal(ElfVersionPatcher.VersionFlagWeak, flags & ElfVersionPatcher.VersionFlagWeak);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.InRange(differing.Count, 1, 2);
        Assert.All(differing, i => Assert.InRange(i, patch.FlagsOffset, patch.FlagsOffset + 1));
        Assert.Equal(original.Length, patched.Length);
    }

    [TorchSharpLibraryFact]
    public void A_second_run_changes_nothing()
    {
        byte[] bytes = RealLibrary.Bytes()!;

        ElfVersionPatcher.MarkWeak(bytes, Version);
        byte[] once = (byte[])bytes.Clone();

        var second = ElfVersionPatcher.MarkWeak(bytes, Version);

        Assert.Equal(ElfPatchOutcome.AlreadyWeak, second.Outcome);
        Assert.Equal(once, bytes);
    }

    [TorchSharpLibraryFact]
    public void A_version_the_library_does_not_ask_for_is_left_alone()
    {
        byte[] bytes = RealLibrary.Bytes()!;

        byte[] before = (byte[])bytes.Clone();
        var patch = ElfVersionPatcher.MarkWeak(bytes, "GLIBCXX_9.9.99");

        Assert.Equal(ElfPatchOutcome.VersionNotReferenced, patch.Outcome);
        Assert.Equal(before, bytes);
    }

    [TorchSharpLibraryFact]
    public void The_soname_of_the_real_library_is_read()
    {
        byte[] bytes = RealLibrary.Bytes()!;

        Assert.Equal("libLibTorchSharp.so", ElfVersionPatcher.ReadSoname(bytes));
    }

    [Fact]
    public void Bytes_that_are_not_ELF_are_rejected_with_a_clear_error()
    {
        byte[] text = "#!/bin/sh\necho this is not a shared library\n"u8.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.MarkWeak(text, Version));

        Assert.Contains("not an ELF file", error.Message);
    }

    [TorchSharpLibraryFact]
    public void A_truncated_ELF_file_is_rejected_not_misread()
    {
        byte[] bytes = RealLibrary.Bytes()!;

        byte[] header = bytes[..64];

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.MarkWeak(header, Version));

        Assert.Contains("corrupt ELF", error.Message);
    }
}
