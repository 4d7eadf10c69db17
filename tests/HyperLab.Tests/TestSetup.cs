using System.Runtime.CompilerServices;
using HyperLab.Platform;

// TorchSharp's random generator (torch.manual_seed: initial weights, dropout masks) is process-wide,
// so training tests running side by side would change each other's "same seed, same numbers".
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace HyperLab.Tests;

internal static class TestSetup
{
    /// <summary>Applies the TorchSharp native fix before any test touches torch (DESIGN.md fact 2).</summary>
    [ModuleInitializer]
    internal static void Init()
    {
        TorchSharpNativeFix.Apply();
        TorchSharp.torch.set_num_threads(Math.Min(2, Environment.ProcessorCount));
    }
}
