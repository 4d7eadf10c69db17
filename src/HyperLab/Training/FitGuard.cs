namespace HyperLab.Training;

/// <summary>
/// Lets one training run at a time into TorchSharp's process-wide random generator. Two
/// <see cref="Trainer.Fit(Hyperparameters, HyperLab.Data.DataSplits, FitOptions?)"/> calls on two threads
/// would reseed and draw from the same generator (initial weights, dropout masks) and silently change each
/// other's results, so the second one throws <see cref="InvalidOperationException"/> instead. The same thread
/// may enter again (a fit inside a fit's observer); another thread may enter once the first run has ended.
/// Building models on other threads during a fit is allowed: an <see cref="Models.Mlp"/> fit draws its initial
/// weights and dropout masks from generators of its own (<see cref="Models.Mlp.Create"/>, <see cref="Models.FitRandom"/>),
/// which other threads do not touch.
/// </summary>
public static class FitGuard
{
    private static readonly object Gate = new();
    private static int owner;       // managed thread id of the running fit, 0 when none
    private static int depth;
    private static string? what;

    /// <summary>Marks a run as started until the returned handle is disposed.</summary>
    /// <param name="name">What is running, for the error message; default "Trainer.Fit".</param>
    /// <exception cref="InvalidOperationException">Another thread's run has not finished.</exception>
    public static IDisposable Enter(string name = "Trainer.Fit")
    {
        int me = Environment.CurrentManagedThreadId;
        lock (Gate)
        {
            if (owner != 0 && owner != me)
                throw new InvalidOperationException(
                    $"{name} was called on thread {me} while {what} is still running on thread {owner}. " +
                    "TorchSharp's random generator (initial weights, dropout masks) is shared by the whole process, " +
                    "so two runs at once would silently change each other's results. Run them one after another " +
                    "(wait for the first to finish), or in separate processes for true parallelism.");
            if (depth++ == 0) { owner = me; what = name; }
        }
        return new Exit();
    }

    private sealed class Exit : IDisposable
    {
        private bool done;

        public void Dispose()
        {
            lock (Gate)
            {
                if (done) return;
                done = true;
                if (--depth == 0) { owner = 0; what = null; }
            }
        }
    }
}
