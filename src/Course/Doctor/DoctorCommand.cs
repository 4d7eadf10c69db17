namespace Course.Doctor;

/// <summary><c>course doctor</c>: checks the environment and says, in plain words, what to fix.</summary>
public static class DoctorCommand
{
    /// <summary>Runs every check and prints the report.</summary>
    /// <returns>0 if every essential check passed, 1 otherwise.</returns>
    public static async Task<int> RunAsync(TextWriter log)
    {
        string? root = RepoRoot.TryFind();
        var checks = new List<Func<Task<CheckResult>>>
        {
            () => Task.FromResult(EnvironmentChecks.DotNet(root)),
            () => Task.FromResult(EnvironmentChecks.LibStdCxx()),
            () => Task.FromResult(EnvironmentChecks.NativeFix()),
            () => Task.FromResult(WorkloadChecks.Torch()),
            () => Task.FromResult(EnvironmentChecks.NuGetCache()),
            () => Task.FromResult(EnvironmentChecks.NotebookKernelLibTorch()),
            () => Task.FromResult(WorkloadChecks.Chart()),
            WorkloadChecks.NotebookEngine,
            () => Task.FromResult(RepositoryCheck(root)),
        };

        var results = new List<CheckResult>();
        foreach (var check in checks)
        {
            var result = await check();
            results.Add(result);
            log.WriteLine(result);
        }

        var toFix = results.Where(r => r.Advice is not null).ToList();
        if (toFix.Count == 0)
        {
            log.WriteLine("All good: you can run the lessons (dotnet run --project src/Course -- run).");
            return 0;
        }

        log.WriteLine();
        log.WriteLine("What to do:");
        foreach (var r in toFix)
        {
            log.WriteLine($"- {r.Name}: {r.Advice}");
        }

        return results.Any(r => r.Status == CheckStatus.Failed) ? 1 : 0;
    }

    private static CheckResult RepositoryCheck(string? root)
    {
        if (root is null)
        {
            return CheckResult.Warn("repository", $"no {RepoRoot.MarkerFile} above this app or the current folder",
                "Run doctor from inside the course repository to check the notebooks and the built helper library.");
        }

        int notebooks = Cli.NotebookSelection.All(Path.Combine(root, "notebooks")).Count;
        string lib = Path.Combine(root, "artifacts", "lib", "HyperLab.Interactive.dll");
        return File.Exists(lib)
            ? CheckResult.Ok("repository", $"{root}: {notebooks} notebook(s); helper library built ({Path.GetRelativePath(root, lib)})")
            : CheckResult.Warn("repository", $"{root}: {notebooks} notebook(s); helper library not built yet ({Path.GetRelativePath(root, lib)} missing)",
                "Run `dotnet build` in the repository: the notebooks load the helper library from artifacts/lib.");
    }
}
