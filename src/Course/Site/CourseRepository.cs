using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Course.Site;

/// <summary>
/// Where the course lives on GitHub, for the "Open in GitHub Codespaces" links: read from the repository's
/// <c>git remote</c> (origin, else the first) when it points at github.com; otherwise <see cref="CodespacesFallback"/>.
/// </summary>
public static partial class CourseRepository
{
    /// <summary>The Codespaces link used when no GitHub remote is configured: GitHub's "create a codespace" page,
    /// where the reader picks the repository (the README's badge uses it too, so it works from any fork).</summary>
    public const string CodespacesFallback = "https://github.com/codespaces/new";

    /// <summary>"owner/name" of the GitHub remote of the repository at <paramref name="root"/>, or null.</summary>
    public static string? GitHubName(string root)
    {
        foreach (string remote in new[] { "origin", "" })
        {
            string url = Git(root, remote.Length > 0 ? $"remote get-url {remote}" : "remote").Split('\n')[0].Trim();
            if (remote.Length == 0 && url.Length > 0) url = Git(root, $"remote get-url {url}").Trim();
            if (GitHubUrl().Match(url) is { Success: true } m) return m.Groups["name"].Value;
        }

        return null;
    }

    /// <summary>The link that opens the course in a new codespace.</summary>
    public static string CodespacesUrl(string root) =>
        GitHubName(root) is { } name ? $"https://codespaces.new/{name}" : CodespacesFallback;

    private static string Git(string root, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", $"-C \"{root}\" {arguments}")
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (git is null) return "";
            string output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : "";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return ""; // no git installed
        }
    }

    [GeneratedRegex(@"github\.com[:/](?<name>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(\.git)?/?$")]
    private static partial Regex GitHubUrl();
}
