using HyperLab.Studies.Postgres;

namespace HyperLab.Studies.Tests;

/// <summary>Each way a connection to the study database goes wrong gets an error that names the
/// fix, and no message ever shows the password.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConnectionErrorTests(PostgresFixture fixture)
{
    private const string Secret = "s3cret-Pa55";

    [Fact]
    public void A_connection_string_that_cannot_be_read_is_refused_without_echoing_it()
    {
        var e = Assert.Throws<StudyConnectionException>(() => PostgresStudyStore.Connect($"Hots=teacher;Port=abc;Password={Secret}"));
        Assert.Contains("not valid", e.Message);
        Assert.Contains("Host=HOST;Port=5432;Database=DB;Username=USER;Password=", e.Message);
        Assert.DoesNotContain(Secret, e.ToString());

        var empty = Assert.Throws<StudyConnectionException>(() => PostgresStudyStore.Connect(" "));
        Assert.Contains("HYPERLAB_STUDY", empty.Message);
    }

    [Fact]
    public void Masking_hides_the_password_and_never_shows_an_unreadable_string()
    {
        Assert.Equal("Host=h;Database=d;Username=u;Password=***", ConnectionText.Mask($"Host=h;Database=d;Username=u;Password={Secret}"));
        Assert.DoesNotContain(Secret, ConnectionText.Mask($"Host=h;Pass word={Secret};;=="));
        Assert.Equal("Host=h", ConnectionText.Mask("Host=h"));
    }

    [PostgresFact]
    public void A_wrong_password_is_named_and_not_shown()
    {
        var e = Assert.Throws<StudyConnectionException>(() => PostgresStudyStore.Connect(fixture.Cluster.ConnectionString(password: Secret)));
        Assert.Contains("refused the password", e.Message);
        Assert.Contains("Password=***", e.Message);
        Assert.DoesNotContain(Secret, e.ToString());
        Assert.DoesNotContain(fixture.Cluster.Password, e.ToString());
        Assert.False(e.Transient);
    }

    [PostgresFact]
    public void A_missing_database_says_how_to_create_it()
    {
        var e = Assert.Throws<StudyConnectionException>(() => PostgresStudyStore.Connect(fixture.Cluster.ConnectionString("no_such_db")));
        Assert.Contains("'no_such_db' does not exist", e.Message);
        Assert.Contains("CREATE DATABASE", e.Message);
        Assert.DoesNotContain(fixture.Cluster.Password, e.ToString());
    }

    [PostgresFact]
    public void A_server_that_does_not_answer_is_retried_then_reported_with_what_to_check()
    {
        int closed = fixture.Cluster.Port == 1 ? 2 : 1;   // nothing listens on port 1
        var e = Assert.Throws<StudyConnectionException>(() => PostgresStudyStore.Connect($"Host=127.0.0.1;Port={closed};Database=x;Username=u;Password={Secret}"));
        Assert.True(e.Transient);
        Assert.Contains($"Cannot reach the study database at 127.0.0.1:{closed}", e.Message);
        Assert.Contains($"tried {PostgresStudyStore.Tries} times", e.Message);
        Assert.Contains("Check that the server is running", e.Message);
        Assert.DoesNotContain(Secret, e.ToString());
    }

    [PostgresFact]
    public void Study_tables_or_a_study_of_another_schema_version_are_refused_naming_the_fix()
    {
        string cs = fixture.Cluster.NewDatabase();
        string db = new Npgsql.NpgsqlConnectionStringBuilder(cs).Database!;
        using (var store = PostgresStudyStore.Connect(cs))
        {
            store.Create(TestStudies.Demo("old-study", trials: 2));
            fixture.Cluster.Sql("UPDATE hyperlab_study SET schema_version = 0", db);
            var old = Assert.Throws<StudySchemaException>(() => store.Open("old-study"));
            Assert.Contains("create a new study under a new id", old.Message);
            Assert.Equal((0, 1), (old.Found, old.Expected));
        }
        fixture.Cluster.Sql("UPDATE hyperlab_schema SET version = 2", db);
        var newer = Assert.Throws<StudySchemaException>(() => PostgresStudyStore.Connect(cs));
        Assert.Contains("Update the course", newer.Message);
        Assert.Contains("Password=***", newer.Message);
        Assert.DoesNotContain(fixture.Cluster.Password, newer.ToString());
    }

    [PostgresFact]
    public void The_course_tool_reports_a_wrong_password_with_exit_code_1_and_never_prints_it()
    {
        var (exit, text) = TestStudies.Course(fixture.Cluster.ConnectionString(password: Secret), "show", "--id", "demo");
        Assert.Equal(1, exit);
        Assert.Contains("refused the password", text);
        Assert.DoesNotContain(Secret, text);
    }
}

/// <summary>The least-privilege setup docs/teaching.md gives the teacher: learners may read the study and update trials, nothing more.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LearnerRoleTests(PostgresFixture fixture)
{
    [PostgresFact]
    public void A_learner_role_with_only_the_guides_grants_runs_a_studys_trials()
    {
        string owner = fixture.Cluster.NewDatabase();
        string db = new Npgsql.NpgsqlConnectionStringBuilder(owner).Database!;
        string id = TestStudies.NewId();
        Assert.Equal(0, TestStudies.Course(owner, "create", "--id", id, "--trials", "3").Exit);
        string role = "learner_" + db;
        fixture.Cluster.Sql($"CREATE ROLE {role} LOGIN PASSWORD 'class-pw-1'");
        fixture.Cluster.Sql($"GRANT CONNECT ON DATABASE {db} TO {role}");
        fixture.Cluster.Sql($"GRANT SELECT ON hyperlab_schema, hyperlab_study TO {role}; GRANT SELECT, UPDATE ON hyperlab_trial TO {role}", db);

        var (exit, text) = TestStudies.Course(fixture.Cluster.ConnectionString(db, role, "class-pw-1"), "work", "--id", id, "--threads", "1");

        Assert.True(exit == 0, text);
        Assert.Contains("wrote 3 trial(s)", text);
        var (refused, why) = TestStudies.Course(fixture.Cluster.ConnectionString(db, role, "class-pw-1"), "create", "--id", "learners-own");
        Assert.Equal(1, refused);
        Assert.Contains("may not use the study tables", why);
    }
}
