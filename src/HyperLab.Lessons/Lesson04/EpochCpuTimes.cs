using HyperLab.Platform;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson04;

/// <summary>
/// A callback that records the processor time of the training thread (<see cref="ThreadCpuClock"/>) each epoch of a run
/// used, from the epoch's start to its end (training and validation; progress display, which runs after it, is left out).
/// Unlike the wall-clock seconds of <see cref="EpochRecord.Seconds"/>, it does not run while the thread waits for a core
/// another program holds; unlike the process's processor time it does not count helper threads spinning while they wait,
/// which contention inflates unevenly
/// (docs/platform.md#p5-the-thread-count-can-follow-the-load). Used with one intra-op thread, so the thread does all the arithmetic.
/// </summary>
internal sealed class EpochCpuTimes : Callback
{
    private TimeSpan start;

    /// <summary>Processor seconds of each epoch, in order.</summary>
    public List<double> Seconds { get; } = [];

    /// <summary>Just before progress display, so that drawing it is not timed.</summary>
    public override int Order => CallbackOrder.Progress - 1;

    public override void BeforeEpoch(FitContext fit) => start = ThreadCpuClock.Now();

    public override void AfterEpoch(FitContext fit, EpochRecord epoch) => Seconds.Add((ThreadCpuClock.Now() - start).TotalSeconds);
}
