using System.Runtime.CompilerServices;
using HyperLab.Platform;

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
