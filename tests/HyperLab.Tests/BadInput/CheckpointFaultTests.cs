using HyperLab.Models;
using HyperLab.Training;

namespace HyperLab.Tests.BadInput;

/// <summary>Checkpoints: atomic writes, verified loads, and a write failure that loses nothing.</summary>
public sealed class CheckpointFaultTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hyperlab-faults-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (File.Exists(folder)) File.Delete(folder);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private string SavedModel(int seed = 0)
    {
        using var model = Mlp.Create(2, 2, Broken.Small with { Seed = seed });
        return Checkpoint.Save(model, Path.Combine(folder, "model.ckpt"));
    }

    private static Mlp Fresh() => Mlp.Create(2, 2, Broken.Small);

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void A_truncated_checkpoint_names_its_path(int cut)
    {
        string path = SavedModel();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^cut]);
        using var model = Fresh();
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(model, path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains(path, e.Message);
        Assert.Contains("damaged", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Four_flipped_bytes_are_caught_by_the_checksum(int seed)
    {
        string path = SavedModel(seed);
        var bytes = File.ReadAllBytes(path);
        for (int i = 0; i < 4; i++) bytes[bytes.Length - 40 - 7 * i] ^= 0x5A;
        File.WriteAllBytes(path, bytes);
        using var model = Fresh();
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(model, path));
        Assert.Contains("SHA-256", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void A_text_file_is_not_a_checkpoint_rather_than_a_wrong_model()
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "notes.txt");
        File.WriteAllText(path, "these are my notes, not weights\n");
        using var model = Fresh();
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(model, path));
        Assert.Contains("is not a HyperLab checkpoint", e.Message);
    }

    [Fact]
    public void A_resave_replaces_the_file_instead_of_overwriting_it_in_place()
    {
        // A reader that opened the old file keeps reading the old, complete file: the new one was written
        // elsewhere and renamed over it. Overwriting in place would truncate what that reader sees (and a
        // crash mid-write would leave a 0-byte checkpoint).
        string path = SavedModel(seed: 1);
        var old = File.ReadAllBytes(path);
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        SavedModel(seed: 2);
        var seen = new byte[old.Length + 1];
        int n = reader.ReadAtLeast(seen, seen.Length, throwOnEndOfStream: false);
        Assert.Equal(old, seen[..n]);
        Assert.NotEqual(old, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(folder));   // no temporary file left behind
    }

    [Fact]
    public void A_saved_checkpoint_still_loads_bit_for_bit()
    {
        string path = SavedModel(seed: 4);
        using var a = Mlp.Create(2, 2, Broken.Small with { Seed = 4 });
        using var b = Checkpoint.Load(Fresh(), path);
        var pa = a.parameters().Select(p => p.data<float>().ToArray()).ToList();
        var pb = b.parameters().Select(p => p.data<float>().ToArray()).ToList();
        Assert.Equal(pa, pb);
    }

    [Fact]
    public void An_unwritable_checkpoint_path_is_reported_before_training()
    {
        File.WriteAllText(folder, "a file where the folder should be");
        string path = Path.Combine(folder, "best.ckpt");
        var seen = new Broken.Recorder();
        var options = new FitOptions { EarlyStopping = new EarlyStopping(2, CheckpointPath: path), Callbacks = [seen] };
        var e = Assert.Throws<CheckpointException>(() => Trainer.Fit(Broken.Small, Broken.Moons(), options));
        Assert.Contains(path, e.Message);
        Assert.Equal(0, seen.Started);
    }

    [Fact]
    public void A_checkpoint_that_fails_mid_run_keeps_the_history_and_best_weights()
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "best.ckpt");
        var seen = new Broken.Recorder
        {
            // After epoch 1's record, before its checkpoint: the folder turns into a file, as if the disk went away.
            OnEpoch = e => { if (e.Epoch == 1) { Directory.Delete(folder, true); File.WriteAllText(folder, "gone"); } },
        };
        var options = new FitOptions { EarlyStopping = new EarlyStopping(10, CheckpointPath: path), Callbacks = [seen] };
        var errors = new StringWriter();
        var before = Console.Error;
        Console.SetError(errors);
        try
        {
            using var run = Trainer.Fit(Broken.Small with { Epochs = 4 }, Broken.Moons(), options);
            Assert.Equal(4, run.History.Epochs.Count);
            Assert.Equal(StopReason.Completed, run.History.StopReason);
        }
        finally
        {
            Console.SetError(before);
        }
        Assert.Contains("Warning: Cannot write the checkpoint", errors.ToString());
        Assert.Contains(path, errors.ToString());
    }

    // A save killed between writing its temporary file and renaming it leaves ".model.ckpt.<pid>.<guid>.tmp".
    private string Temp(string checkpoint, int pid) =>
        Path.Combine(folder, $".{checkpoint}.{pid}.{Guid.NewGuid():N}.tmp");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Stale_temporaries_of_the_same_checkpoint_are_removed_on_the_next_save_or_load_and_nothing_else(bool save)
    {
        string path = SavedModel();
        string dead = Temp("model.ckpt", int.MaxValue);              // no process has this id
        string old = Temp("model.ckpt", Environment.ProcessId);      // a live id, but hours old: the id was reused
        string live = Temp("model.ckpt", Environment.ProcessId);     // a save in progress in this process
        string other = Temp("other.ckpt", int.MaxValue);             // another checkpoint's
        string[] foreign = [Path.Combine(folder, ".model.ckpt.notes.tmp"), Path.Combine(folder, "model.ckpt.tmp"),
            Path.Combine(folder, ".model.ckpt.123.tmp"), Path.Combine(folder, "model.ckpt.bak")];
        foreach (var f in foreign.Append(dead).Append(old).Append(live).Append(other)) File.WriteAllBytes(f, new byte[1000]);
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-2));

        if (save) SavedModel(1);
        else { using var m = Fresh(); Checkpoint.Load(m, path); }

        Assert.False(File.Exists(dead));
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
        Assert.All(foreign, f => Assert.True(File.Exists(f), f));
        Assert.True(File.Exists(path));
    }
}
