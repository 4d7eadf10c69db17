using System.Diagnostics;

namespace Course.Cli;

/// <summary>
/// One CPU-bound child process that keeps <see cref="Cores"/> cores busy until disposed (a shell running that many endless
/// loops): the "other program" of <c>course run --with-load</c> and of the wait-policy benchmark, so a lesson's time and
/// claims can be measured on a busy machine on purpose. Linux and macOS (needs <c>/bin/sh</c>).
/// </summary>
public sealed class BackgroundLoad : IDisposable
{
    private Process? process;

    private BackgroundLoad(Process process, int cores)
    {
        this.process = process;
        Cores = cores;
    }

    /// <summary>Cores kept busy.</summary>
    public int Cores { get; }

    /// <summary>The shell's process id (its children run the loops).</summary>
    public int ProcessId => process?.Id ?? throw new ObjectDisposedException(nameof(BackgroundLoad));

    /// <summary>Whether the load is running.</summary>
    public bool Running => process is { HasExited: false };

    /// <summary>Starts the load on <paramref name="cores"/> cores (default: all of them).</summary>
    /// <exception cref="PlatformNotSupportedException">No <c>/bin/sh</c> (Windows).</exception>
    public static BackgroundLoad Start(int? cores = null)
    {
        int n = cores ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (!File.Exists("/bin/sh"))
            throw new PlatformNotSupportedException("--with-load needs /bin/sh (Linux or macOS); on Windows start another CPU-heavy program by hand.");
        string loops = string.Concat(Enumerable.Repeat("(while :; do :; done) & ", n));
        var start = new ProcessStartInfo("/bin/sh", ["-c", loops + "wait"]) { UseShellExecute = false };
        return new BackgroundLoad(Process.Start(start) ?? throw new InvalidOperationException("Could not start /bin/sh."), n);
    }

    /// <summary>Stops the loops (the shell and its children).</summary>
    public void Dispose()
    {
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.Dispose();
        process = null;
    }
}
