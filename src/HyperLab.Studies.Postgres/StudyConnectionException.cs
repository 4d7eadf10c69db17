namespace HyperLab.Studies.Postgres;

/// <summary>The study database cannot be reached or refuses this connection; the message names the
/// fix and shows the connection string only with its password masked.</summary>
public sealed class StudyConnectionException(string message, Exception? inner = null) : StudyException(message, inner)
{
    /// <summary>True for a failure that may pass (the server restarting, a dropped connection), after the retries ran out.</summary>
    public bool Transient { get; init; }
}
