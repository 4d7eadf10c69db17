using Npgsql;

namespace HyperLab.Studies.Postgres;

/// <summary>
/// A connection string as it may be shown: the password replaced by <c>***</c>. A string that
/// cannot be read is never echoed. Every message of the PostgreSQL store goes through <see cref="Scrub"/>.
/// </summary>
public static class ConnectionText
{
    /// <summary>The environment variable that holds the class study's connection string.</summary>
    public const string EnvironmentVariable = "HYPERLAB_STUDY";

    /// <summary><paramref name="connectionString"/> with its password masked; for a string that cannot be read, a placeholder.</summary>
    public static string Mask(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return "(an empty connection string)";
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            bool had = !string.IsNullOrEmpty(builder.Password);
            builder.Password = null;
            string shown = builder.ConnectionString;
            return had ? shown + ";Password=***" : shown;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return "(a connection string that could not be read)";
        }
    }

    /// <summary>The password of <paramref name="connectionString"/>, or null (used only to scrub messages).</summary>
    internal static string? PasswordOf(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString)) return null;
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Password is { Length: > 0 } p ? p : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // Unreadable: find "password=" by hand, so that even then the value never reaches a message.
            int i = connectionString.IndexOf("password", StringComparison.OrdinalIgnoreCase);
            if (i < 0) return null;
            int eq = connectionString.IndexOf('=', i);
            if (eq < 0) return null;
            int end = connectionString.IndexOf(';', eq);
            string value = (end < 0 ? connectionString[(eq + 1)..] : connectionString[(eq + 1)..end]).Trim();
            return value.Length > 0 ? value : null;
        }
    }

    /// <summary><paramref name="message"/> with every occurrence of <paramref name="password"/> replaced by <c>***</c>.</summary>
    public static string Scrub(string message, string? password) =>
        string.IsNullOrEmpty(password) || string.IsNullOrEmpty(message) ? message : message.Replace(password, "***", StringComparison.Ordinal);
}
