using HyperLab.Platform;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson04;

/// <summary>
/// Records the processor time of the training thread (<see cref="ThreadCpuClock"/>) each epoch of a run used, and passes
/// every event on to the observer it wraps (live progress in a notebook). Unlike the wall-clock seconds of
/// <see cref="EpochRecord.Seconds"/>, it does not run while the thread waits for a core another program holds; unlike the
/// process's processor time (issue 9's first fix) it does not count helper threads spinning while they wait, which
/// contention inflates unevenly (issue 27). Used with one intra-op thread, so the thread does all the arithmetic.
/// </summary>
internal sealed class EpochCpuTimes(ITrainingObserver? inner) : ITrainingObserver
{
    private TimeSpan last;

    /// <summary>Processor seconds of each epoch, in order.</summary>
    public List<double> Seconds { get; } = [];

    public void RunStarted(RunInfo run)
    {
        inner?.RunStarted(run);
        last = ThreadCpuClock.Now();
    }

    public void EpochEnded(RunInfo run, EpochRecord epoch)
    {
        var now = ThreadCpuClock.Now();
        Seconds.Add((now - last).TotalSeconds);
        inner?.EpochEnded(run, epoch);
        last = ThreadCpuClock.Now();
    }

    public void RunEnded(RunInfo run, History history) => inner?.RunEnded(run, history);
}
