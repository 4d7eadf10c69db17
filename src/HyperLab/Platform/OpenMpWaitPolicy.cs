using System.Runtime.InteropServices;

namespace HyperLab.Platform;

/// <summary>
/// Makes libtorch's OpenMP threads sleep instead of spin while they wait for work
/// (<c>OMP_WAIT_POLICY=PASSIVE</c>). On a 2-core machine that is also running an editor, a
/// notebook kernel or other jobs, spinning threads fight for the cores and small training steps
/// become 10-60× slower; passive waiting costs little when the machine is idle. Must run before
/// libtorch loads (OpenMP reads the variable once). A value the user set is kept.
/// </summary>
public static class OpenMpWaitPolicy
{
    /// <summary>The variable OpenMP reads.</summary>
    public const string Variable = "OMP_WAIT_POLICY";

    /// <summary>Sets <c>OMP_WAIT_POLICY=PASSIVE</c> in the native environment unless it is already
    /// set. Returns the value in force afterwards.</summary>
    public static string Apply()
    {
        var current = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(current)) return current;
        Environment.SetEnvironmentVariable(Variable, "PASSIVE");
        // On Linux and macOS .NET keeps its own copy of the environment; native code reads libc's.
        if (!OperatingSystem.IsWindows()) SetNative(Variable, "PASSIVE", 0);
        return "PASSIVE";
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetNative([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
