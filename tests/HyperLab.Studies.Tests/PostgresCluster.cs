using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace HyperLab.Studies.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: Debian's <c>initdb</c> and <c>pg_ctl</c> (package
/// <c>postgresql</c>, under /usr/lib/postgresql/VERSION/bin), run as the <c>postgres</c> user when
/// the tests run as root. Data folder and socket in a temporary folder, TCP on 127.0.0.1 at a free
/// port, password authentication (SCRAM) for every connection, durability off (a test cluster).
/// Stopped and deleted on dispose.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    /// <summary>The variable that turns a missing PostgreSQL from a skip into a failure (CI sets it).</summary>
    public const string RequireVariable = "COURSE_REQUIRE_POSTGRES";

    private readonly string folder;
    private readonly string bin;
    private readonly bool asPostgres;

    /// <summary>Starts a cluster; throws, saying what to install, when PostgreSQL is missing.</summary>
    public PostgresCluster()
    {
        bin = FindBin() ?? throw new InvalidOperationException(Missing);
        asPostgres = Environment.UserName == "root";
        folder = Directory.CreateTempSubdirectory("hyperlab-pg-").FullName;
        Password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        File.WriteAllText(Path.Combine(folder, "pw"), Password + "\n");
        if (asPostgres) Shell("chown", "-R", "postgres:postgres", folder);
        Port = FreePort();
        PgTool("initdb", "-D", DataFolder, "-U", AdminUser, "--auth=scram-sha-256", $"--pwfile={Path.Combine(folder, "pw")}", "-E", "UTF8", "--locale=C");
        PgTool("pg_ctl", "-D", DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60",
            "start");
    }

    /// <summary>The superuser's name.</summary>
    public const string AdminUser = "hyperlab_admin";

    /// <summary>The superuser's password (random per cluster).</summary>
    public string Password { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The data folder.</summary>
    public string DataFolder => Path.Combine(folder, "data");

    /// <summary>Why the cluster cannot start here.</summary>
    public static string Missing => $"PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin): apt-get install postgresql " +
        $"(set {RequireVariable}=1 to fail instead of skipping)";

    /// <summary>The newest installed server's bin folder, or null.</summary>
    public static string? FindBin() =>
        !Directory.Exists("/usr/lib/postgresql") ? null :
        Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out int v) ? v : 0))
            .OrderByDescending(x => x.Version)
            .Select(x => Path.Combine(x.Dir, "bin"))
            .FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")));

    /// <summary>A connection string for <paramref name="database"/> as <paramref name="user"/> (default: the superuser and its password).</summary>
    public string ConnectionString(string database = "postgres", string user = AdminUser, string? password = null) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = user, Password = password ?? Password, Pooling = true }.ConnectionString;

    /// <summary>Creates a fresh database and returns its connection string.</summary>
    public string NewDatabase()
    {
        string name = "t" + Guid.NewGuid().ToString("N")[..12];
        Sql($"CREATE DATABASE {name}");
        return ConnectionString(name);
    }

    /// <summary>Runs <paramref name="sql"/> as the superuser in <paramref name="database"/>.</summary>
    public void Sql(string sql, string database = "postgres")
    {
        using var c = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Runs a scalar query as the superuser in <paramref name="database"/>.</summary>
    public T Scalar<T>(string sql, string database = "postgres")
    {
        using var c = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        return (T)cmd.ExecuteScalar()!;
    }

    /// <summary>Stops the server and deletes its files.</summary>
    public void Dispose()
    {
        try { PgTool("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop"); }
        catch (InvalidOperationException) { }
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }

    private void PgTool(string tool, params string[] args)
    {
        string path = Path.Combine(bin, tool);
        if (asPostgres) Shell("runuser", ["-u", "postgres", "--", path, .. args]);
        else Shell(path, args);
    }

    private static void Shell(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new InvalidOperationException($"{file} {string.Join(' ', args)} hung"); }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {stdout.Result}{stderr.Result}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>A test that needs PostgreSQL: skipped, visibly, where it is not installed, unless <c>COURSE_REQUIRE_POSTGRES=1</c>.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresCluster.FindBin() is null && Environment.GetEnvironmentVariable(PostgresCluster.RequireVariable) != "1")
            Skip = PostgresCluster.Missing;
    }
}

/// <summary>One cluster for every PostgreSQL test (started on first use).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}

/// <summary>Starts the cluster lazily, so skipped tests never start one.</summary>
public sealed class PostgresFixture : IDisposable
{
    private readonly Lazy<PostgresCluster> cluster = new(() => new PostgresCluster());

    /// <summary>The running cluster.</summary>
    public PostgresCluster Cluster => cluster.Value;

    public void Dispose()
    {
        if (cluster.IsValueCreated) cluster.Value.Dispose();
    }
}
