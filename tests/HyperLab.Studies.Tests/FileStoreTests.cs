namespace HyperLab.Studies.Tests;

/// <summary>What only the file store has: its schema check and its lock.</summary>
public sealed class FileStoreTests
{
    [Fact]
    public void A_study_file_of_another_schema_version_is_refused_naming_the_fix()
    {
        using var store = new FileStudyStore(TestStudies.TempFolder());
        var d = store.Create(TestStudies.Demo(TestStudies.NewId(), trials: 2));
        string file = store.FileOf(d.Id);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"SchemaVersion\":1,", "\"SchemaVersion\":2,", StringComparison.Ordinal));

        var e = Assert.Throws<StudySchemaException>(() => store.Open(d.Id));
        Assert.Equal((2, 1), (e.Found, e.Expected));
        Assert.Contains("Update the course", e.Message);
    }

    [Fact]
    public void The_lock_is_an_flock_that_another_process_respects()
    {
        // .NET's FileShare.None takes flock(LOCK_EX) on Linux: while the flock tool holds the lock, the store waits.
        var flock = "/usr/bin/flock";
        if (!File.Exists(flock)) return;
        string folder = TestStudies.TempFolder();
        using var store = new FileStudyStore(folder);
        var d = store.Create(TestStudies.Demo(TestStudies.NewId(), trials: 1));
        var start = new System.Diagnostics.ProcessStartInfo(flock, ["-x", Path.Combine(folder, d.Id + ".lock"), "-c", "echo locked; sleep 1"]) { RedirectStandardOutput = true };
        using var holder = System.Diagnostics.Process.Start(start)!;
        Assert.Equal("locked", holder.StandardOutput.ReadLine());

        store.ClaimNext(d.Id, "a");

        Assert.True(holder.HasExited, "the claim went through while another process held the lock");
    }
}
