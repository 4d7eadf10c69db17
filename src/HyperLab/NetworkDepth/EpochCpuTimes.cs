using System.Diagnostics;
using HyperLab.Training;

namespace HyperLab.NetworkDepth;

/// <summary>
/// Records the processor time (user + system, all threads of this process) each epoch of a run used, and passes every
/// event on to the observer it wraps (live progress in a notebook). Unlike the wall-clock seconds of
/// <see cref="EpochRecord.Seconds"/>, processor time barely moves when other programs compete for the cores, so
/// lesson 04's cost-of-depth claim holds on a busy machine (issue 9).
/// </summary>
internal sealed class EpochCpuTimes(ITrainingObserver? inner) : ITrainingObserver
{
    private TimeSpan last;

    /// <summary>Processor seconds of each epoch, in order.</summary>
    public List<double> Seconds { get; } = [];

    public void RunStarted(RunInfo run)
    {
        inner?.RunStarted(run);
        last = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public void EpochEnded(RunInfo run, EpochRecord epoch)
    {
        var now = Process.GetCurrentProcess().TotalProcessorTime;
        Seconds.Add((now - last).TotalSeconds);
        inner?.EpochEnded(run, epoch);
        last = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public void RunEnded(RunInfo run, History history) => inner?.RunEnded(run, history);
}
