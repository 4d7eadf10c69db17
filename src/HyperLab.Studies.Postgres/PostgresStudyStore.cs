using System.Net.Sockets;
using HyperLab.Tracking;
using Npgsql;

namespace HyperLab.Studies.Postgres;

/// <summary>
/// A class study's store in PostgreSQL, for many machines: one row per trial, created with the
/// study. A claim is one statement (<c>UPDATE … WHERE (study, trial) = (SELECT … FOR UPDATE SKIP
/// LOCKED LIMIT 1)</c>), so two workers never get the same trial and none waits for another; a
/// completion is an <c>UPDATE</c> that holds only while the trial is still this claim's, so a result
/// is written once. Heartbeats use the server's clock, so learners' clocks need not agree. A
/// dropped connection or a restarting server is retried a few times with growing pauses; a
/// completion retried after its answer was lost finds its own result and reports success. Every
/// message shows the connection string with its password masked.
/// </summary>
public sealed class PostgresStudyStore : IStudyStore
{
    /// <summary>The version of the tables this build creates and reads.</summary>
    public const int DatabaseSchemaVersion = 1;

    private static readonly TimeSpan[] Pauses = [TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];
    private readonly NpgsqlDataSource source;
    private readonly string? password;
    private readonly NpgsqlConnectionStringBuilder settings;
    private readonly TextWriter? log;

    private PostgresStudyStore(NpgsqlDataSource source, NpgsqlConnectionStringBuilder settings, string? password, TextWriter? log)
    {
        this.source = source;
        this.settings = settings;
        this.password = password;
        this.log = log;
    }

    /// <inheritdoc/>
    public string Describe => $"PostgreSQL study database {ConnectionText.Mask(settings.ConnectionString)}";

    /// <summary>How many times an operation is tried before a transient failure is reported (default 6, over about 8 s).</summary>
    public static int Tries => Pauses.Length + 1;

    /// <summary>Connects, creates the tables on first use, and checks their schema version.</summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=teacher.example;Database=class;Username=learner;Password=…</c>.</param>
    /// <param name="applicationName">Shown in the server's <c>pg_stat_activity</c>; default "hyperlab-study".</param>
    /// <param name="log">Where retries are reported (one line each); null for silence.</param>
    /// <exception cref="StudyConnectionException">The string is not valid, the server cannot be reached, or it refuses the user, password or database.</exception>
    /// <exception cref="StudySchemaException">The database's study tables are of another version.</exception>
    public static PostgresStudyStore Connect(string connectionString, string? applicationName = null, TextWriter? log = null)
    {
        string? password = ConnectionText.PasswordOf(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            if (string.IsNullOrWhiteSpace(connectionString)) throw new ArgumentException("it is empty");
            builder = new NpgsqlConnectionStringBuilder(connectionString);
            _ = builder.ConnectionString;   // reading it back validates every value
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new StudyConnectionException(
                $"The study connection string is not valid ({ConnectionText.Scrub(e.Message, password)}). Write it as " +
                $"Host=HOST;Port=5432;Database=DB;Username=USER;Password=… (in {ConnectionText.EnvironmentVariable} or --connection); " +
                "your teacher gives the class one.");
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new StudyConnectionException($"The study connection string {ConnectionText.Mask(connectionString)} has no Host: add Host=… (the teacher's server, or 127.0.0.1).");
        builder.ApplicationName ??= applicationName ?? "hyperlab-study";
        if (builder.Timeout == 15) builder.Timeout = 10;
        var store = new PostgresStudyStore(new NpgsqlDataSourceBuilder(builder.ConnectionString).Build(), builder, password, log);
        try
        {
            store.EnsureSchema();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Connects with the connection string in <see cref="ConnectionText.EnvironmentVariable"/>; null when it is not set.</summary>
    public static PostgresStudyStore? FromEnvironment(string? applicationName = null, TextWriter? log = null) =>
        Environment.GetEnvironmentVariable(ConnectionText.EnvironmentVariable) is { Length: > 0 } cs ? Connect(cs, applicationName, log) : null;

    /// <inheritdoc/>
    public StudyDefinition Create(StudyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        bool created = Run("create study", c =>
        {
            using var tx = c.BeginTransaction();
            int inserted = Execute(c, tx, """
                INSERT INTO hyperlab_study (id, schema_version, fingerprint, definition, heartbeat_seconds, trials)
                VALUES (@id, @v, @f, @d, @h, @n) ON CONFLICT (id) DO NOTHING
                """, ("id", definition.Id), ("v", definition.SchemaVersion), ("f", definition.Fingerprint), ("d", StudyJson.Serialize(definition)),
                ("h", definition.HeartbeatSeconds), ("n", definition.Trials));
            if (inserted == 1)
                Execute(c, tx, "INSERT INTO hyperlab_trial (study, trial) SELECT @id, g FROM generate_series(1, @n) AS g", ("id", definition.Id), ("n", definition.Trials));
            tx.Commit();
            return inserted == 1;
        });
        if (created) return definition;
        var stored = Open(definition.Id);
        stored.EnsureSameAs(definition);
        return stored;
    }

    /// <inheritdoc/>
    public StudyDefinition Open(string studyId)
    {
        StudyDefinition.CheckId(studyId);
        var (version, json) = Run("open study", c =>
        {
            using var cmd = Command(c, null, "SELECT schema_version, definition FROM hyperlab_study WHERE id = @id", ("id", studyId));
            using var r = cmd.ExecuteReader();
            return r.Read() ? (r.GetInt32(0), r.GetString(1)) : (-1, "");
        });
        if (version < 0) throw new StudyNotFoundException(studyId, Describe);
        if (version != StudyDefinition.CurrentSchemaVersion)
            throw new StudySchemaException($"Study '{studyId}' in {Describe}", version, StudyDefinition.CurrentSchemaVersion);
        return StudyJson.DeserializeDefinition(json);
    }

    /// <inheritdoc/>
    public TrialClaim? ClaimNext(string studyId, string worker)
    {
        StudyDefinition.CheckId(studyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        return Run("claim a trial", c =>
        {
            // A trial this worker already holds: a claim whose answer was lost. Workers' names are unique per process.
            using (var mine = Command(c, null, "SELECT trial, attempts FROM hyperlab_trial WHERE study = @s AND state = 'running' AND worker = @w ORDER BY trial LIMIT 1",
                ("s", studyId), ("w", worker)))
            using (var r = mine.ExecuteReader())
                if (r.Read()) return new TrialClaim(studyId, r.GetInt32(0), worker, r.GetInt32(1));
            using var claim = Command(c, null, """
                UPDATE hyperlab_trial AS t SET state = 'running', worker = @w, attempts = t.attempts + 1, heartbeat = now()
                WHERE (t.study, t.trial) = (
                    SELECT q.study, q.trial FROM hyperlab_trial AS q
                    WHERE q.study = @s AND (q.state = 'pending' OR (q.state = 'running' AND q.heartbeat <
                        now() - make_interval(secs => (SELECT heartbeat_seconds FROM hyperlab_study WHERE id = @s))))
                    ORDER BY q.trial LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING t.trial, t.attempts
                """, ("s", studyId), ("w", worker));
            using var claimed = claim.ExecuteReader();
            return claimed.Read() ? new TrialClaim(studyId, claimed.GetInt32(0), worker, claimed.GetInt32(1)) : null;
        });
    }

    /// <inheritdoc/>
    public bool Heartbeat(TrialClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return Run("heartbeat", c => Execute(c, null,
            "UPDATE hyperlab_trial SET heartbeat = now() WHERE study = @s AND trial = @t AND state = 'running' AND worker = @w AND attempts = @a",
            ("s", claim.StudyId), ("t", claim.Trial), ("w", claim.Worker), ("a", claim.Attempt)) == 1);
    }

    /// <inheritdoc/>
    public Completion Complete(TrialClaim claim, TrialRecord record)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(record);
        string json = StudyJson.Serialize(record);
        return Run("write a result", c =>
        {
            int written = Execute(c, null, """
                UPDATE hyperlab_trial SET state = 'done', record = @r, completed = now(), heartbeat = now()
                WHERE study = @s AND trial = @t AND state = 'running' AND worker = @w AND attempts = @a
                """, ("r", json), ("s", claim.StudyId), ("t", claim.Trial), ("w", claim.Worker), ("a", claim.Attempt));
            if (written == 1) return new Completion(CompletionOutcome.Written, $"trial {claim.Trial} written by {claim.Worker}");
            using var cmd = Command(c, null, "SELECT state, worker, attempts FROM hyperlab_trial WHERE study = @s AND trial = @t", ("s", claim.StudyId), ("t", claim.Trial));
            using var r = cmd.ExecuteReader();
            if (!r.Read()) throw new StudyNotFoundException(claim.StudyId, Describe);
            return StudyOutcomes.NotHeld(claim, State(r.GetString(0)), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2));
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<StudyTrial> List(string studyId)
    {
        Open(studyId);
        return Run("list trials", c =>
        {
            using var cmd = Command(c, null, "SELECT trial, state, worker, attempts, heartbeat, record FROM hyperlab_trial WHERE study = @s ORDER BY trial", ("s", studyId));
            using var r = cmd.ExecuteReader();
            var trials = new List<StudyTrial>();
            while (r.Read())
                trials.Add(new StudyTrial(r.GetInt32(0), State(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3),
                    r.IsDBNull(4) ? null : r.GetFieldValue<DateTime>(4), r.IsDBNull(5) ? null : StudyJson.DeserializeRecord(r.GetString(5))));
            return trials;
        });
    }

    /// <inheritdoc/>
    public StudyProgress Progress(string studyId)
    {
        StudyDefinition.CheckId(studyId);
        return Run("count trials", c =>
        {
            using var cmd = Command(c, null, "SELECT state, count(*)::int FROM hyperlab_trial WHERE study = @s GROUP BY state", ("s", studyId));
            using var r = cmd.ExecuteReader();
            int pending = 0, running = 0, done = 0;
            while (r.Read())
            {
                switch (r.GetString(0))
                {
                    case "pending": pending = r.GetInt32(1); break;
                    case "running": running = r.GetInt32(1); break;
                    default: done = r.GetInt32(1); break;
                }
            }
            return new StudyProgress(pending, running, done);
        });
    }

    /// <summary>Closes the pool.</summary>
    public void Dispose() => source.Dispose();

    /// <inheritdoc/>
    public override string ToString() => Describe;

    private void EnsureSchema() => Run("prepare the study tables", c =>
    {
        using var tx = c.BeginTransaction();
        Execute(c, tx, "SELECT pg_advisory_xact_lock(7265736)");   // one creator at a time
        // Look before creating: a learner's role may read and update the tables but not create any.
        using (var exists = Command(c, tx, "SELECT to_regclass('hyperlab_schema') IS NOT NULL"))
        {
            if (exists.ExecuteScalar() is true)
            {
                using var cmd = Command(c, tx, "SELECT version FROM hyperlab_schema LIMIT 1");
                if (cmd.ExecuteScalar() is int found && found != DatabaseSchemaVersion)
                    throw new StudySchemaException($"The study tables of {Describe}", found, DatabaseSchemaVersion);
                tx.Commit();
                return 0;
            }
        }
        Execute(c, tx, """
            CREATE TABLE hyperlab_schema (version int NOT NULL);
            CREATE TABLE hyperlab_study (
                id text PRIMARY KEY,
                schema_version int NOT NULL,
                fingerprint text NOT NULL,
                definition text NOT NULL,
                heartbeat_seconds double precision NOT NULL,
                trials int NOT NULL,
                created timestamptz NOT NULL DEFAULT now());
            CREATE TABLE hyperlab_trial (
                study text NOT NULL REFERENCES hyperlab_study (id) ON DELETE CASCADE,
                trial int NOT NULL,
                state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done')),
                worker text,
                attempts int NOT NULL DEFAULT 0,
                heartbeat timestamptz,
                record text,
                completed timestamptz,
                PRIMARY KEY (study, trial));
            CREATE INDEX hyperlab_trial_open ON hyperlab_trial (study, trial) WHERE state <> 'done';
            """);
        Execute(c, tx, "INSERT INTO hyperlab_schema (version) VALUES (@v)", ("v", DatabaseSchemaVersion));
        tx.Commit();
        return 0;
    });

    private static TrialState State(string s) => s switch
    {
        "pending" => TrialState.Pending,
        "running" => TrialState.Running,
        _ => TrialState.Done,
    };

    /// <summary>Runs <paramref name="operation"/> on a fresh connection, retrying transient failures with growing pauses.</summary>
    private T Run<T>(string what, Func<NpgsqlConnection, T> operation)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = source.OpenConnection();
                var result = operation(connection);
                if (attempt > 1) log?.WriteLine($"{what}: reconnected to the study database after {attempt - 1} failed attempt(s)");
                return result;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or SocketException or IOException)
            {
                bool transient = IsTransient(e);
                if (!transient || attempt >= Tries) throw Explain(e, transient, attempt);
                var pause = Pauses[attempt - 1];
                log?.WriteLine($"{what}: {Short(e)}; trying again in {pause.TotalSeconds:0.#} s ({attempt + 1} of {Tries})");
                source.Clear();   // drop pooled connections that died with the server's end
                Thread.Sleep(pause);
            }
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "40001" or "40P01",
        NpgsqlException n => n.IsTransient,
        _ => true,
    };

    private string Short(Exception e) => ConnectionText.Scrub(e is PostgresException p ? $"{p.SqlState} {p.MessageText}" : e.Message, password);

    private StudyConnectionException Explain(Exception e, bool transient, int attempts)
    {
        string where = ConnectionText.Mask(settings.ConnectionString);
        string server = settings.Host!.StartsWith('/') ? $"the socket folder {settings.Host} (port {settings.Port})" : $"{settings.Host}:{settings.Port}";
        string message = e switch
        {
            PostgresException { SqlState: "28P01" } =>
                $"The study database refused the password for user '{settings.Username}' ({where}). Check Password= in {ConnectionText.EnvironmentVariable} " +
                "(copy the class's connection string again from your teacher).",
            PostgresException { SqlState: "28000" } p =>
                $"The study database refused user '{settings.Username}' ({where}): {p.MessageText}. Check Username= in {ConnectionText.EnvironmentVariable}, " +
                "or ask the teacher to allow this user and machine (pg_hba.conf).",
            PostgresException { SqlState: "3D000" } =>
                $"The database '{settings.Database}' does not exist on {server} ({where}). Create it (CREATE DATABASE \"{settings.Database}\"; or createdb {settings.Database}) " +
                $"or fix Database= in {ConnectionText.EnvironmentVariable}.",
            PostgresException { SqlState: "42501" } p =>
                $"User '{settings.Username}' may not use the study tables ({where}): {p.MessageText}. The teacher can grant it: " +
                $"GRANT ALL ON hyperlab_schema, hyperlab_study, hyperlab_trial TO \"{settings.Username}\";",
            PostgresException p =>
                $"The study database answered with error {p.SqlState}: {p.MessageText} ({where}).",
            NpgsqlException when !transient && e.Message.Contains("password", StringComparison.OrdinalIgnoreCase) =>
                $"The study database asks for a password and the connection string has none ({where}): add Password=… to {ConnectionText.EnvironmentVariable}.",
            _ when transient =>
                $"Cannot reach the study database at {server} ({Short(e)}; tried {attempts} times over about {Pauses.Take(attempts - 1).Sum(p => p.TotalSeconds):0} s). " +
                $"Check that the server is running and that Host= and Port= in {ConnectionText.EnvironmentVariable} are right ({where}); " +
                "the trials finished so far are safe in the database, and running the worker again continues the study.",
            _ => $"The study database failed: {Short(e)} ({where}).",
        };
        return new StudyConnectionException(ConnectionText.Scrub(message, password), e) { Transient = transient };
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    private static int Execute(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(c, tx, sql, parameters);
        return cmd.ExecuteNonQuery();
    }
}
