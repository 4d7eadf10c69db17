using HyperLab.Studies.Postgres;
using HyperLab.Tracking;
using HyperLab.Tuning;

namespace HyperLab.Studies.Tests;

/// <summary>What every study store must do, run against the file store and the PostgreSQL store
/// (a throwaway cluster, a fresh database per test; skipped visibly where PostgreSQL is missing).</summary>
[Collection(PostgresCollection.Name)]
public sealed class StoreContractTests(PostgresFixture fixture)
{
    /// <summary>The heartbeat timeout of the tests on dead workers: 2.5 s tolerates a stall of 2 s between two calls.</summary>
    private static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(2.5);

    /// <summary>A fresh, empty store of the kind.</summary>
    private IStudyStore NewStore(string kind) => kind == "postgres"
        ? PostgresStudyStore.Connect(fixture.Cluster.NewDatabase())
        : new FileStudyStore(TestStudies.TempFolder());

    [Theory, FileStore, PostgresStore]
    public void Claims_hand_out_every_trial_once_in_order_then_none(string kind)
    {
        using var store = NewStore(kind);
        var d = store.Create(TestStudies.Demo(TestStudies.NewId(), trials: 5));
        var claims = new List<TrialClaim>();
        for (int i = 0; i < 5; i++) claims.Add(store.ClaimNext(d.Id, $"w{i}")!);

        Assert.Equal([1, 2, 3, 4, 5], claims.Select(c => c.Trial));
        Assert.All(claims, c => Assert.Equal(1, c.Attempt));
        Assert.Null(store.ClaimNext(d.Id, "late"));
        Assert.Equal(new StudyProgress(0, 5, 0), store.Progress(d.Id));
    }

    [Theory, FileStore, PostgresStore]
    public void A_result_is_written_once_and_a_retried_completion_is_success_not_a_duplicate(string kind)
    {
        using var store = NewStore(kind);
        var d = store.Create(TestStudies.Demo(TestStudies.NewId(), trials: 2));
        var claim = store.ClaimNext(d.Id, "a")!;

        var first = store.Complete(claim, TestStudies.Record(d, claim.Trial, 0.25));
        var retry = store.Complete(claim, TestStudies.Record(d, claim.Trial, 0.75));   // the answer to the first was "lost"

        Assert.Equal(CompletionOutcome.Written, first.Outcome);
        Assert.Equal(CompletionOutcome.AlreadyWritten, retry.Outcome);
        Assert.True(retry.Stored);
        var trial = store.List(d.Id)[0];
        Assert.Equal(TrialState.Done, trial.State);
        Assert.Equal(0.25, trial.Record!.FinalValidationLoss);   // the first write stays
        Assert.Equal(new StudyProgress(1, 0, 1), store.Progress(d.Id));
    }

    [Theory, FileStore, PostgresStore]
    public void A_dead_workers_trial_is_handed_out_again_and_its_late_result_is_discarded(string kind)
    {
        using var store = NewStore(kind);
        // A timeout of a few seconds, not one: on a loaded CI machine a test thread can stall for a second between two calls.
        var d = store.Create(TestStudies.Demo(TestStudies.NewId(), trials: 1, heartbeat: HeartbeatTimeout.TotalSeconds));
        var dead = store.ClaimNext(d.Id, "dead")!;
        Assert.Null(store.ClaimNext(d.Id, "b"));   // its heartbeat is fresh

        Thread.Sleep(HeartbeatTimeout + TimeSpan.FromMilliseconds(600));
        var taken = store.ClaimNext(d.Id, "b")!;

        Assert.Equal((1, 2), (taken.Trial, taken.Attempt));
        Assert.False(store.Heartbeat(dead));
        var late = store.Complete(dead, TestStudies.Record(d, 1, 0.1));
        Assert.Equal(CompletionOutcome.Discarded, late.Outcome);
        Assert.Contains("discarded", late.Message);
        Assert.Equal(CompletionOutcome.Written, store.Complete(taken, TestStudies.Record(d, 1, 0.2)).Outcome);
        var trial = store.List(d.Id).Single();
        Assert.Equal((TrialState.Done, "b", 2, 0.2), (trial.State, trial.Worker, trial.Attempts, trial.Record!.FinalValidationLoss));
        // And the dead worker's result, arriving after the new one was written, is still refused.
        Assert.Equal(CompletionOutcome.Discarded, store.Complete(dead, TestStudies.Record(d, 1, 0.1)).Outcome);
    }

    [Theory, FileStore, PostgresStore]
    public void Heartbeats_keep_a_trial_from_being_handed_out(string kind)
    {
        using var store = NewStore(kind);
        var d = store.Create(TestStudies.Demo(TestStudies.NewId(), trials: 1, heartbeat: HeartbeatTimeout.TotalSeconds));
        var claim = store.ClaimNext(d.Id, "a")!;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Beat every 0.4 s for longer than the timeout: without the beats the trial would be handed out again.
        while (clock.Elapsed < HeartbeatTimeout * 1.5)
        {
            Thread.Sleep(400);
            Assert.True(store.Heartbeat(claim));
        }
        Assert.Null(store.ClaimNext(d.Id, "b"));
    }

    [Theory, FileStore, PostgresStore]
    public void A_worker_that_lost_the_answer_to_its_claim_gets_the_same_trial_back(string kind)
    {
        using var store = NewStore(kind);
        var d = store.Create(TestStudies.Demo(TestStudies.NewId(), trials: 3));
        var first = store.ClaimNext(d.Id, "a")!;
        var again = store.ClaimNext(d.Id, "a")!;
        Assert.Equal(first, again);
        Assert.Equal(2, store.ClaimNext(d.Id, "b")!.Trial);
    }

    [Theory, FileStore, PostgresStore]
    public void Creating_twice_joins_and_another_search_under_the_same_id_is_refused_naming_the_difference(string kind)
    {
        using var store = NewStore(kind);
        string id = TestStudies.NewId();
        var d = store.Create(TestStudies.Demo(id, trials: 4));
        Assert.Equal(d.Fingerprint, store.Create(TestStudies.Demo(id, trials: 4)).Fingerprint);

        var moreTrials = Assert.Throws<StudyMismatchException>(() => store.Create(TestStudies.Demo(id, trials: 5)));
        Assert.Contains("number of trials", moreTrials.Message);
        var otherSeed = Assert.Throws<StudyMismatchException>(() => store.Create(TestStudies.Demo(id, trials: 4, seed: 3)));
        Assert.Contains("seed", otherSeed.Message);

        // A worker whose "lr" dimension sets the weight decay: same names and ranges, other hyperparameters.
        var swapped = new SearchSpace(DemoStudy.Space.Dimensions.Select(x => x.Name == "lr" ? x with { Apply = (hp, v) => hp with { WeightDecay = v } } : x).ToArray());
        var wrong = StudyDefinition.Create(id, swapped, DemoStudy.Baseline, d.Data, 4, 0);
        var worker = new StudyWorker(store, wrong, swapped, DemoStudy.Baseline);
        var e = Assert.Throws<StudyMismatchException>(() => worker.Run());
        Assert.Contains("Apply", e.Message);
        Assert.Equal(new StudyProgress(4, 0, 0), store.Progress(id));
    }

    [Theory, FileStore, PostgresStore]
    public void An_unknown_study_is_reported_with_how_to_create_it(string kind)
    {
        using var store = NewStore(kind);
        var e = Assert.Throws<StudyNotFoundException>(() => store.Open("nothing-here"));
        Assert.Contains("course study create --id nothing-here", e.Message);
    }

    [Theory, FileStore, PostgresStore]
    public void Four_threads_claim_and_complete_every_trial_exactly_once(string kind)
    {
        using var store = NewStore(kind);
        var d = store.Create(TestStudies.Demo(TestStudies.NewId(), trials: 40));
        var written = new System.Collections.Concurrent.ConcurrentBag<int>();
        var threads = Enumerable.Range(0, 4).Select(w => new Thread(() =>
        {
            while (store.ClaimNext(d.Id, $"w{w}") is { } c)
                if (store.Complete(c, TestStudies.Record(d, c.Trial, c.Trial / 100.0)).Outcome == CompletionOutcome.Written) written.Add(c.Trial);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(Enumerable.Range(1, 40), written.Order());
        Assert.All(store.List(d.Id), t => Assert.Equal((TrialState.Done, 1), (t.State, t.Attempts)));
    }

    [Theory, FileStore, PostgresStore]
    public void An_export_is_an_experiment_log_with_the_records_in_trial_order(string kind)
    {
        using var store = NewStore(kind);
        var d = store.Create(TestStudies.Demo(TestStudies.NewId(), trials: 3));
        foreach (double loss in new[] { 0.3, double.NaN })   // a diverged trial's NaN survives the round trip
        {
            var c = store.ClaimNext(d.Id, "a")!;
            store.Complete(c, TestStudies.Record(d, c.Trial, loss));
        }
        string path = Path.Combine(TestStudies.TempFolder(), "study.jsonl");

        var results = StudyResults.Read(store, d.Id);
        int n = results.ExportJsonl(path);
        var log = new ExperimentLog(path).Load();

        Assert.Equal(2, n);
        Assert.Empty(log.Skipped);
        Assert.Equal([1, 2], log.Records.Select(r => r.Trial));
        Assert.Equal(0.3, log.Records[0].FinalValidationLoss);
        Assert.True(double.IsNaN(log.Records[1].FinalValidationLoss));
        Assert.Equal(1, results.Best!.Trial);
        Assert.Contains("best so far: trial 1", results.Format());
    }
}

/// <summary>Runs a store theory on the file store.</summary>
public sealed class FileStoreAttribute : Xunit.Sdk.DataAttribute
{
    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [["file"]];
}

/// <summary>Runs a store theory on PostgreSQL; skipped, visibly, where it is not installed (unless COURSE_REQUIRE_POSTGRES=1).</summary>
public sealed class PostgresStoreAttribute : Xunit.Sdk.DataAttribute
{
    public PostgresStoreAttribute()
    {
        if (PostgresCluster.FindBin() is null && Environment.GetEnvironmentVariable(PostgresCluster.RequireVariable) != "1")
            Skip = PostgresCluster.Missing;
    }

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [["postgres"]];
}
