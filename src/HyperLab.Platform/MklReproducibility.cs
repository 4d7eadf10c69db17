using System.Runtime.InteropServices;

namespace HyperLab.Platform;

/// <summary>
/// Makes libtorch's matrix products (Intel MKL on x86) give the same bits for the same inputs,
/// wherever the inputs happen to sit in memory: <c>MKL_CBWR=AUTO,STRICT</c> (MKL's "conditional
/// numerical reproducibility"). Without it MKL picks code paths by the memory alignment of each
/// buffer, so computing the same gradient twice in one process differed in the 9th digit, and
/// "same seed, same numbers" (lessons 00, 03, 07) would hold only by luck. Must run before
/// libtorch loads; <see cref="NativeSetup.Prepare"/> does it. A value the user set is kept.
/// See docs/platform.md#p6-mkl-picks-code-paths-by-memory-alignment.
/// </summary>
public static class MklReproducibility
{
    /// <summary>The variable MKL reads.</summary>
    public const string Variable = "MKL_CBWR";

    /// <summary>The value the course uses: the best code path for this CPU, strictly reproducible.</summary>
    public const string Value = "AUTO,STRICT";

    /// <summary>Sets <c>MKL_CBWR=AUTO,STRICT</c> unless already set; returns what is in force, e.g.
    /// "MKL_CBWR=AUTO,STRICT (bit-for-bit reproducible matrix products)".</summary>
    internal static string Apply()
    {
        var current = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(current)) return $"{Variable}={current} (set by you)";
        Environment.SetEnvironmentVariable(Variable, Value);
        // On Linux and macOS .NET keeps its own copy of the environment; native code reads libc's.
        if (!OperatingSystem.IsWindows()) NativeEnvironment.Set(Variable, Value);
        return $"{Variable}={Value} (bit-for-bit reproducible matrix products)";
    }
}

/// <summary>Sets a variable in the C library's environment, which native code (libtorch, OpenMP, MKL) reads.</summary>
internal static class NativeEnvironment
{
    public static void Set(string name, string value) => SetEnv(name, value, 0);

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
