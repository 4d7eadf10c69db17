using System.Text.RegularExpressions;
using HyperLab.Platform;
using HyperLab.Studies.Postgres;
using HyperLab.Training;

namespace HyperLab.Studies.Tests;

/// <summary>
/// Real worker processes (the built <c>course study work</c>, one compute thread each) sharing a
/// study in each store: none duplicated, none lost, the same results as one process; a worker
/// killed mid-trial; a dropped connection.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class WorkerProcessTests(PostgresFixture fixture, ITestOutputHelper output)
{
    private static readonly Lazy<double[]> Reference = new(TrainInProcess);

    /// <summary>The study's store for the workers: the connection string (PostgreSQL) or a --store folder.</summary>
    private (IStudyStore Store, string? Connection, string[] Args) NewStore(string kind)
    {
        if (kind == "postgres")
        {
            string cs = fixture.Cluster.NewDatabase();
            return (PostgresStudyStore.Connect(cs), cs, []);
        }
        string folder = TestStudies.TempFolder();
        return (new FileStudyStore(folder), null, ["--store", folder]);
    }

    [Theory, FileStore, PostgresStore]
    public void Four_worker_processes_run_100_trials_each_exactly_once_with_the_numbers_one_process_gets(string kind)
    {
        var (store, cs, storeArgs) = NewStore(kind);
        using var _ = store;
        string id = TestStudies.NewId();
        var created = TestStudies.Course(cs, ["create", "--id", id, "--trials", "100", .. storeArgs]);
        Assert.True(created.Exit == 0, created.Output);

        var workers = Enumerable.Range(1, 4).Select(i => TestStudies.Start(cs, ["work", "--id", id, "--threads", "1", "--name", $"w{i}", .. storeArgs])).ToList();
        try
        {
            foreach (var w in workers) Assert.True(w.Wait(TimeSpan.FromMinutes(4)) == 0, w.Output);
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }

        var written = workers.SelectMany(w => WrittenTrials(w.Output)).ToList();
        var trials = store.List(id);
        output.WriteLine(string.Join("; ", workers.Select((w, i) => $"w{i + 1}: {WrittenTrials(w.Output).Count} trials")));
        Assert.Equal(Enumerable.Range(1, 100), written.Order());                     // each written once, none lost
        Assert.All(trials, t => Assert.Equal((TrialState.Done, 1), (t.State, t.Attempts)));
        Assert.True(workers.Count(w => WrittenTrials(w.Output).Count > 0) >= 2, "the trials were shared between workers");
        Assert.Equal(Reference.Value, trials.Select(t => t.Record!.FinalValidationLoss));   // bit for bit, trial by trial
        var best = StudyResults.Read(store, id).Best!;
        Assert.Equal(Array.IndexOf(Reference.Value, Reference.Value.Where(double.IsFinite).Min()) + 1, best.Trial);
    }

    [Theory, FileStore, PostgresStore]
    public void A_worker_killed_mid_trial_has_its_trial_finished_by_another(string kind)
    {
        var (store, cs, storeArgs) = NewStore(kind);
        using var _ = store;
        string id = TestStudies.NewId();
        Assert.Equal(0, TestStudies.Course(cs, ["create", "--id", id, "--trials", "6", "--heartbeat", "2", .. storeArgs]).Exit);

        string doomedName;
        using (var doomed = TestStudies.Start(cs, ["work", "--id", id, "--threads", "1", "--name", "doomed", "--hold", "60", .. storeArgs]))
        {
            Assert.True(doomed.WaitFor("claimed trial 1", TimeSpan.FromSeconds(60)), doomed.Output);
            doomed.Process.Kill();   // SIGKILL: no cleanup, no last words
            doomed.Process.WaitForExit();
            doomedName = store.List(id)[0].Worker!;
        }
        Assert.Equal((TrialState.Running, 1), (store.List(id)[0].State, store.List(id)[0].Attempts));

        using var rescuer = TestStudies.Start(cs, ["work", "--id", id, "--threads", "1", "--name", "rescuer", .. storeArgs]);
        Assert.True(rescuer.Wait(TimeSpan.FromMinutes(2)) == 0, rescuer.Output);

        var first = store.List(id)[0];
        Assert.StartsWith("doomed@", doomedName);
        Assert.StartsWith("rescuer@", first.Worker);
        Assert.Equal((TrialState.Done, 2), (first.State, first.Attempts));
        Assert.All(store.List(id), t => Assert.Equal(TrialState.Done, t.State));
        Assert.Equal(Enumerable.Range(1, 6), WrittenTrials(rescuer.Output).Order());
    }

    [PostgresFact]
    public void A_dropped_connection_is_retried_and_nothing_is_written_twice()
    {
        var (store, cs, _) = NewStore("postgres");
        using var __ = store;
        string id = TestStudies.NewId();
        Assert.Equal(0, TestStudies.Course(cs, ["create", "--id", id, "--trials", "12"]).Exit);

        using var worker = TestStudies.Start(cs, ["work", "--id", id, "--threads", "1", "--name", "dropper", "--hold", "0.3"]);
        long terminated = 0;
        foreach (string when in new[] { "claimed trial 3", "claimed trial 7" })
        {
            Assert.True(worker.WaitFor(when, TimeSpan.FromSeconds(60)), worker.Output);
            terminated += fixture.Cluster.Scalar<long>("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'hyperlab-dropper') AS t");
        }
        Assert.True(worker.Wait(TimeSpan.FromMinutes(2)) == 0, worker.Output);
        output.WriteLine($"terminated {terminated} backend(s)\n{worker.Output}");

        Assert.True(terminated >= 2, $"only {terminated} backend(s) of the worker were found to terminate");
        Assert.Contains("reconnected", worker.Output);
        Assert.Equal(Enumerable.Range(1, 12), WrittenTrials(worker.Output).Order());
        Assert.All(store.List(id), t => Assert.Equal((TrialState.Done, 1), (t.State, t.Attempts)));
    }

    private static List<int> WrittenTrials(string log) =>
        Written().Matches(log).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex(@"trial (\d+) written by ")]
    private static partial Regex Written();

    /// <summary>The 100 trials' final validation losses, trained one after another in this process (one thread).</summary>
    private static double[] TrainInProcess()
    {
        NativeSetup.Prepare();
        TorchSharp.torch.set_num_threads(1);
        var d = TestStudies.Demo("reference", trials: 100);
        var splits = DemoStudy.Standardize(d.Data.Load());
        return Enumerable.Range(1, 100).Select(i =>
        {
            using var run = Trainer.Fit(d.HyperparametersOf(i, DemoStudy.Space, DemoStudy.Baseline), splits, new FitOptions());
            return run.History.FinalValidationLoss;
        }).ToArray();
    }
}
