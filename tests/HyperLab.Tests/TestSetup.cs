using System.Reflection;
using System.Runtime.CompilerServices;
using HyperLab.Platform;

// TorchSharp's random generator (torch.manual_seed: initial weights, dropout masks) is process-wide,
// so training tests running side by side would change each other's "same seed, same numbers".
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace HyperLab.Tests;

internal static class TestSetup
{
    /// <summary>Applies the native fixes (<see cref="NativeSetup.Prepare"/>) before any test touches torch, as the course's
    /// runner does. The library has no load-time side effects; a test assembly may have one. Skipped when this assembly
    /// runs as its own child process (<see cref="Tracking.ChildProcess"/>), whose <c>Main</c> decides for itself.</summary>
    [ModuleInitializer]
    internal static void Init()
    {
        if (Assembly.GetEntryAssembly() == typeof(TestSetup).Assembly) return;
        NativeSetup.Prepare();
        TorchSharp.torch.set_num_threads(Math.Min(2, Environment.ProcessorCount));
    }
}
