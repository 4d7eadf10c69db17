using HyperLab.Platform;

namespace HyperLab.Tests.Platform;

public class TorchSharpNativeFixTests
{
    [TorchSharpLibraryFact(linuxOnly: true)]
    public void Patching_a_real_copy_sets_the_flag_once_and_keeps_the_file_mode()
    {
        byte[] original = RealLibrary.Bytes()!;

        string path = RealLibrary.CopyToTemp(original);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead);
        try
        {
            Assert.Equal(ElfPatchOutcome.Patched, TorchSharpNativeFix.PatchFile(path));
            byte[] once = File.ReadAllBytes(path);
            Assert.Equal(ElfPatchOutcome.AlreadyWeak, TorchSharpNativeFix.PatchFile(path));

            Assert.Equal(once, File.ReadAllBytes(path));
            Assert.InRange(Enumerable.Range(0, original.Length).Count(i => original[i] != once[i]), 1, 2);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temp file left behind
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void A_non_ELF_file_named_like_the_library_is_rejected_and_left_unchanged()
    {
        byte[] text = "not a library"u8.ToArray();
        string path = RealLibrary.CopyToTemp(text);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => TorchSharpNativeFix.PatchFile(path));

            Assert.Contains("not an ELF file", error.Message);
            Assert.Contains(path, error.Message);
            Assert.Equal(text, File.ReadAllBytes(path));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void A_file_with_another_name_is_never_patched()
    {
        var error = Assert.Throws<ArgumentException>(() => TorchSharpNativeFix.PatchFile("/tmp/libtorch_cpu.so"));

        Assert.Contains("only files named libLibTorchSharp.so", error.Message);
    }

    [LinuxFact]
    public void Another_ELF_library_renamed_to_libLibTorchSharp_is_rejected_by_its_soname()
    {
        var host = HostLibStdCxx.Find();
        Assert.NotNull(host);

        byte[] other = File.ReadAllBytes(host.Path);
        string path = RealLibrary.CopyToTemp(other);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => TorchSharpNativeFix.PatchFile(path));

            Assert.Contains("DT_SONAME", error.Message);
            Assert.Equal(other, File.ReadAllBytes(path));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Apply_is_cached_and_its_report_is_one_line()
    {
        var first = TorchSharpNativeFix.Apply();
        var second = TorchSharpNativeFix.Apply();

        Assert.Same(first, second);
        Assert.StartsWith("TorchSharp native fix: ", first.ToString());
        Assert.DoesNotContain('\n', first.ToString());
        Assert.True(first.Succeeded, first.ToString());
    }

    [Fact]
    public void After_Apply_libtorch_computes()
    {
        TorchSharpNativeFix.Apply();

        using var ones = TorchSharp.torch.ones(2, 2);
        using var sum = ones.sum();

        Assert.Equal(4f, sum.item<float>());
    }

    [Fact]
    public void The_report_says_what_was_done_in_plain_words()
    {
        var patched = new TorchSharpNativeFixReport(true, "/lib/libstdc++.so.6", "GLIBCXX_3.4.30", ["/a/libLibTorchSharp.so", "/b/libLibTorchSharp.so"], [], []);
        var notNeeded = new TorchSharpNativeFixReport(false, "/lib/libstdc++.so.6", "GLIBCXX_3.4.33", [], [], []);

        Assert.Equal("TorchSharp native fix: marked GLIBCXX_3.4.32 weak in 2 copies of libLibTorchSharp.so (host libstdc++ has up to GLIBCXX_3.4.30)", patched.ToString());
        Assert.Equal("TorchSharp native fix: not needed: host libstdc++ has GLIBCXX_3.4.32", notNeeded.ToString());
    }
}
