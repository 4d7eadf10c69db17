using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace HyperLab.Tracking;

/// <summary>
/// Where and with what code a trial ran (lesson 07): library version, git commit when the code
/// sits in a git checkout (null otherwise), processor cores, operating system and .NET version.
/// </summary>
public sealed record RunEnvironment(string LibraryVersion, string? GitCommit, int Cores, string OperatingSystem, string Framework)
{
    private static readonly Lazy<RunEnvironment> Here = new(Detect);

    /// <summary>This process's environment (read once).</summary>
    public static RunEnvironment Current => Here.Value;

    private static RunEnvironment Detect()
    {
        var assembly = typeof(RunEnvironment).Assembly;
        string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        return new RunEnvironment(version, ReadGitCommit(), Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);
    }

    /// <summary>The commit checked out in the current folder's repository, or null (no git, not a repository).</summary>
    internal static string? ReadGitCommit()
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse HEAD") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var git = Process.Start(start);
            if (git is null) return null;
            string output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit(5000);
            return git.ExitCode == 0 && output.Length == 40 ? output : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"HyperLab {LibraryVersion}, commit {GitCommit?[..10] ?? "unknown"}, {Cores} cores, {OperatingSystem}, {Framework}";
}
