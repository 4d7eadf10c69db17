// The tests share one PostgreSQL cluster and spawn worker processes on a 2-core machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace HyperLab.Studies.Tests;

internal static class NativeSetupForTests
{
    /// <summary>Applies the native fixes before any test touches torch, as the course's runner does (the library
    /// itself has no load-time side effects; docs/platform.md).</summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Init() => HyperLab.Platform.NativeSetup.Prepare();
}
