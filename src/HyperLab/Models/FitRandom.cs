using static TorchSharp.torch;

namespace HyperLab.Models;

/// <summary>
/// Each fit's own random generator for dropout masks. TorchSharp's default generator is shared by
/// the whole process, so a model built on another thread during a fit (<c>new Mlp</c>, <c>Mlp.Create</c>,
/// <c>Checkpoint.LoadMlp</c>: their initial weights are drawn from it) used to change the fit's dropout masks
/// and so its results. <see cref="Training.Trainer"/> opens a scope for the run; inside it, on the fit's thread,
/// <see cref="Models.Mlp"/>'s dropout draws from the scope's generator, seeded with
/// <see cref="Hyperparameters.Seed"/>, which no other thread touches. Outside a fit, and for other modules,
/// dropout draws from TorchSharp's default generator as before, which the scope also seeds.
/// </summary>
public static class FitRandom
{
    [ThreadStatic] private static Generator? current;

    /// <summary>The generator of the fit running on this thread, or null outside a fit.</summary>
    public static Generator? Current => current;

    /// <summary>Starts a fit's random stream: seeds TorchSharp's default generator with <paramref name="seed"/>
    /// (for other modules' dropout) and makes a generator of the same seed this thread's
    /// <see cref="Current"/> until the returned handle is disposed (scopes nest).</summary>
    public static IDisposable Begin(int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        manual_seed(seed);
        var scope = new Scope(current, new Generator((ulong)seed));
        current = scope.Generator;
        return scope;
    }

    private sealed class Scope(Generator? previous, Generator generator) : IDisposable
    {
        private bool done;

        public Generator Generator { get; } = generator;

        public void Dispose()
        {
            if (done) return;
            done = true;
            current = previous;
            Generator.Dispose();
        }
    }
}
