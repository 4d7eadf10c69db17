using HyperLab.Finder;
using HyperLab.Models;
using HyperLab.Training;
using TorchSharp;

namespace HyperLab.Tests.BadInput;

/// <summary>Concurrency: a second fit on another thread is refused, not silently mixed in.</summary>
public class ConcurrentFitTests
{
    private static Exception? WhileAFitRuns(Action second)
    {
        Exception? caught = null;
        using var secondDone = new ManualResetEventSlim();
        var first = new Broken.Recorder
        {
            OnStart = () =>
            {
                var other = new Thread(() =>
                {
                    try { second(); }
                    catch (Exception e) { caught = e; }
                    finally { secondDone.Set(); }
                });
                other.Start();
                Assert.True(secondDone.Wait(TimeSpan.FromMinutes(2)), "the second call never returned");
            },
        };
        using var run = Trainer.Fit(Broken.Small, Broken.Moons(), new FitOptions { Callbacks = [first] });
        Assert.Equal(Broken.Small.Epochs, run.History.Epochs.Count);
        return caught;
    }

    [Fact]
    public void A_second_fit_on_another_thread_is_refused()
    {
        var e = WhileAFitRuns(() => Trainer.Fit(Broken.Small with { Dropout = 0.2 }, Broken.Moons()).Dispose());
        var refused = Assert.IsType<InvalidOperationException>(e);
        Assert.Contains("still running on thread", refused.Message);
        Assert.Contains("one after another", refused.Message);
    }

    [Fact]
    public void A_finder_on_another_thread_is_refused_while_a_fit_runs()
    {
        var e = WhileAFitRuns(() => LearningRateFinder.Run(Broken.Small, Broken.Moons()));
        Assert.IsType<InvalidOperationException>(e);
    }

    [Fact]
    public void Fits_one_after_another_on_different_threads_are_allowed_and_repeatable()
    {
        var hp = Broken.Small with { Dropout = 0.2, Seed = 3 };
        double[] On(Thread? _ = null)
        {
            double[] losses = [];
            var t = new Thread(() => { using var r = Trainer.Fit(hp, Broken.Moons()); losses = r.History.Steps.Select(s => s.Loss).ToArray(); });
            t.Start();
            t.Join();
            return losses;
        }
        Assert.Equal(On(), On());
    }

    // Each fit draws its initial weights and dropout masks from generators of its own, so models built on
    // other threads meanwhile (drawing from TorchSharp's shared generator) leave its numbers as they were.
    private static double[] FitWithDropout(Action? onAnotherThreadEachEpoch)
    {
        var hp = Broken.Small with { Dropout = 0.2, Seed = 3 };
        var observer = new Broken.Recorder
        {
            OnEpoch = _ =>
            {
                if (onAnotherThreadEachEpoch is null) return;
                var other = new Thread(() => onAnotherThreadEachEpoch());
                other.Start();
                other.Join();
            },
        };
        using var run = Trainer.Fit(hp, Broken.Moons(), new FitOptions { Callbacks = [observer] });
        return run.History.Steps.Select(s => s.Loss).Concat(run.History.Epochs.Select(e => e.ValidationLoss)).ToArray();
    }

    [Fact]
    public void Models_built_on_another_thread_during_a_fit_leave_its_numbers_unchanged()
    {
        var alone = FitWithDropout(null);
        string checkpoint = Path.Combine(Path.GetTempPath(), $"hyperlab-concurrent-{Guid.NewGuid():N}.ckpt");
        using (var saved = Mlp.Create(2, 2, Broken.Small)) Checkpoint.Save(saved, checkpoint);
        try
        {
            Assert.Equal(alone, FitWithDropout(() => Mlp.Create(2, 2, Broken.Small with { Seed = 11 }).Dispose()));
            Assert.Equal(alone, FitWithDropout(() => new Mlp(2, 64, Broken.Small).Dispose()));
            Assert.Equal(alone, FitWithDropout(() => Checkpoint.LoadMlp(checkpoint, 2, 2, Broken.Small).Dispose()));
            // The control: the same interference does change a fit whose masks come from the shared generator, so
            // the comparisons above can see a change.
            ASharedGeneratorFitIsDisturbed();
        }
        finally { File.Delete(checkpoint); }
    }

    // A fit whose dropout masks come from the shared generator (a module other than Mlp) changes when another
    // thread draws from that generator: the effect the fit's own generator removes.
    private static void ASharedGeneratorFitIsDisturbed()
    {
        double[] Fit(bool interfere)
        {
            torch.manual_seed(3);
            using var model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Dropout(0.2), torch.nn.Linear(16, 2));
            var observer = new Broken.Recorder
            {
                OnEpoch = _ =>
                {
                    if (!interfere) return;
                    var other = new Thread(() => new Mlp(2, 64, Broken.Small).Dispose());
                    other.Start();
                    other.Join();
                },
            };
            var hp = Broken.Small with { Dropout = 0.2, Seed = 3 };
            return Trainer.Fit(model, hp, Broken.Moons(), new FitOptions { Callbacks = [observer] }).Steps.Select(s => s.Loss).ToArray();
        }
        Assert.Equal(Fit(false), Fit(false));
        Assert.NotEqual(Fit(false), Fit(true));
    }

    [Fact]
    public void The_fits_own_dropout_draws_the_masks_TorchSharps_dropout_draws_from_the_same_seed()
    {
        var hp = Broken.Small with { Dropout = 0.3, Width = 64 };
        using var model = Mlp.Create(2, 2, hp);
        model.train();
        using var x = torch.randn(50, 2);
        float[] ours, theirs;
        using (FitRandom.Begin(9))
        {
            torch.manual_seed(1234);   // the shared generator is not used inside the fit's scope
            ours = model.call(x).data<float>().ToArray();
        }
        torch.manual_seed(9);
        theirs = model.call(x).data<float>().ToArray();
        Assert.Equal(theirs, ours);
        Assert.Null(FitRandom.Current);
    }

    [Fact]
    public void An_Mlp_fit_has_the_numbers_of_the_same_network_trained_with_TorchSharps_dropout()
    {
        // The same initial weights (Mlp.Create's own generator vs the shared one seeded alike) and the same masks
        // (the fit's generator vs TorchSharp's Dropout on the shared one): the per-fit generators changed no number.
        var hp = Broken.Small with { Dropout = 0.2, Seed = 3 };
        using var ours = Trainer.Fit(hp, Broken.Moons());
        torch.manual_seed(3);
        using var theirs = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Dropout(0.2), torch.nn.Linear(16, 2));
        var history = Trainer.Fit(theirs, hp, Broken.Moons());
        Assert.Equal(history.Steps.Select(s => s.Loss), ours.History.Steps.Select(s => s.Loss));
        Assert.Equal(history.Epochs.Select(e => e.ValidationLoss), ours.History.Epochs.Select(e => e.ValidationLoss));
    }
}
