namespace Course.Doctor;

/// <summary>How a doctor check came out.</summary>
public enum CheckStatus
{
    /// <summary>Works.</summary>
    Ok,

    /// <summary>Works, but something is worth knowing or fixing.</summary>
    Warning,

    /// <summary>Does not work; the course will not run until it is fixed.</summary>
    Failed,
}

/// <summary>One line of the doctor's report.</summary>
/// <param name="Name">What was checked, e.g. "libtorch".</param>
/// <param name="Status">How it came out.</param>
/// <param name="Detail">What was found, in plain words.</param>
/// <param name="Advice">What the user should do, when not <see cref="CheckStatus.Ok"/>.</param>
public sealed record CheckResult(string Name, CheckStatus Status, string Detail, string? Advice = null)
{
    /// <summary>A passing check.</summary>
    public static CheckResult Ok(string name, string detail) => new(name, CheckStatus.Ok, detail);

    /// <summary>A check that found something to fix but not blocking.</summary>
    public static CheckResult Warn(string name, string detail, string advice) => new(name, CheckStatus.Warning, detail, advice);

    /// <summary>A failed check.</summary>
    public static CheckResult Fail(string name, string detail, string advice) => new(name, CheckStatus.Failed, detail, advice);

    /// <summary>For example "ok    libtorch: computes (torch.ones(2,2).sum() = 4)".</summary>
    public override string ToString()
    {
        string tag = Status switch { CheckStatus.Ok => "ok  ", CheckStatus.Warning => "warn", _ => "FAIL" };
        return $"{tag}  {Name}: {Detail}";
    }
}
