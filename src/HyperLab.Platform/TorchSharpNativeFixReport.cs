namespace HyperLab.Platform;

/// <summary>
/// What <see cref="TorchSharpNativeFix.Apply"/> found and did (the first line of <see cref="NativeSetupReport"/>). <see cref="ToString"/> is one
/// plain line for a log or a notebook cell.
/// </summary>
/// <param name="Needed">True if the host's libstdc++ lacks the version TorchSharp asks for.</param>
/// <param name="HostLibStdCxx">The libstdc++ file this process uses, or null (not Linux, or not found).</param>
/// <param name="HostHighestVersion">The highest <c>GLIBCXX_*</c> version the host provides, or null.</param>
/// <param name="Patched">Copies of <c>libLibTorchSharp.so</c> patched by this call.</param>
/// <param name="AlreadyPatched">Copies found already patched (by an earlier run).</param>
/// <param name="Failed">Copies that could not be patched, each as "path: reason".</param>
/// <param name="Note">Why nothing was checked (for example "not Linux"), or null.</param>
public sealed record TorchSharpNativeFixReport(
    bool Needed,
    string? HostLibStdCxx,
    string? HostHighestVersion,
    IReadOnlyList<string> Patched,
    IReadOnlyList<string> AlreadyPatched,
    IReadOnlyList<string> Failed,
    string? Note = null)
{
    /// <summary>True unless some copy that needed the fix could not be patched.</summary>
    public bool Succeeded => !Needed || (Failed.Count == 0 && Patched.Count + AlreadyPatched.Count > 0);

    /// <summary>One plain line, for example "TorchSharp native fix: not needed: host libstdc++ has GLIBCXX_3.4.32".</summary>
    public override string ToString() => "TorchSharp native fix: " + Detail;

    /// <summary>What was done, without the "TorchSharp native fix: " prefix.</summary>
    public string Detail => Describe();

    private string Describe()
    {
        string version = TorchSharpNativeFix.RequiredVersion;
        if (Note is not null)
        {
            return Note;
        }

        if (!Needed)
        {
            return $"not needed: host libstdc++ has {version}";
        }

        string host = $"(host libstdc++ has up to {HostHighestVersion ?? "an unknown version"})";
        var parts = new List<string>();
        if (Patched.Count > 0)
        {
            parts.Add($"marked {version} weak in {Copies(Patched.Count)} of libLibTorchSharp.so");
        }

        if (AlreadyPatched.Count > 0)
        {
            parts.Add(Patched.Count > 0
                ? $"{AlreadyPatched.Count} already patched"
                : $"already applied to {Copies(AlreadyPatched.Count)} of libLibTorchSharp.so");
        }

        if (Failed.Count > 0)
        {
            parts.Add($"FAILED for {Copies(Failed.Count)}: {string.Join("; ", Failed)}");
        }

        if (parts.Count == 0)
        {
            parts.Add($"needed, but no copy of TorchSharp {TorchSharpNativeFix.TorchSharpVersion}'s libLibTorchSharp.so was found");
        }

        return $"{string.Join(", ", parts)} {host}";
    }

    private static string Copies(int n) => n == 1 ? "1 copy" : $"{n} copies";
}
