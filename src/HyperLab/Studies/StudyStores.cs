using System.Reflection;

namespace HyperLab.Studies;

/// <summary>
/// Opens the store a class study uses: PostgreSQL when a connection string is given, otherwise a
/// folder on this machine. The PostgreSQL store lives in its own assembly (HyperLab.Studies.Postgres,
/// with Npgsql), which the core does not reference, so it is found at run time: a notebook loads it
/// with <c>#r "../artifacts/lib/HyperLab.Studies.Postgres.dll"</c> and <c>#r "nuget: Npgsql, 10.0.3"</c>,
/// a program references the project.
/// </summary>
public static class StudyStores
{
    private const string PostgresAssembly = "HyperLab.Studies.Postgres";
    private const string PostgresType = "HyperLab.Studies.Postgres.PostgresStudyStore";

    /// <summary>The PostgreSQL store for <paramref name="connectionString"/>, or, when it is null or
    /// empty, a <see cref="FileStudyStore"/> in <paramref name="localFolder"/>.</summary>
    /// <exception cref="StudyException">The PostgreSQL store is not loaded, or refuses the connection (the message names the fix, never the password).</exception>
    public static IStudyStore Open(string? connectionString, string localFolder, TextWriter? log = null)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return new FileStudyStore(localFolder);
        var type = FindPostgresStore() ?? throw new StudyException(
            "A study connection string is set, but the PostgreSQL store is not loaded. In a notebook, run " +
            "#r \"../artifacts/lib/HyperLab.Studies.Postgres.dll\" and #r \"nuget: Npgsql, 10.0.3\" first (after dotnet build); " +
            "in a program, reference src/HyperLab.Studies.Postgres. Or unset HYPERLAB_STUDY to use a study on this machine.");
        var connect = type.GetMethod("Connect", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(string), typeof(TextWriter)])
            ?? throw new StudyException($"{PostgresType} has no Connect(string, string?, TextWriter?): rebuild the course (dotnet build).");
        try
        {
            return (IStudyStore)connect.Invoke(null, [connectionString, null, log])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static Type? FindPostgresStore()
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == PostgresAssembly);
        if (loaded is null)
        {
            try { loaded = Assembly.Load(PostgresAssembly); }
            catch (IOException) { return null; }
        }
        return loaded.GetType(PostgresType);
    }
}
