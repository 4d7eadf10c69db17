using HyperLab.Finder;
using HyperLab.Training;

namespace HyperLab.Tests.BadInput;

/// <summary>Issue 9, concurrency: a second fit on another thread is refused, not silently mixed in.</summary>
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
        using var run = Trainer.Fit(Broken.Small, Broken.Moons(), new FitOptions { Observer = first });
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
}
