// A notebook run changes process-wide state (the working directory, COURSE_SEED, torch's random
// generator): tests that run notebooks, or read that state, must not run side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Notebooks.Tests;

internal static class NativeSetupForTests
{
    /// <summary>Applies the native fixes before any test touches torch, as the course's runner does (the library
    /// itself has no load-time side effects; docs/platform.md).</summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Init() => HyperLab.Platform.NativeSetup.Prepare();
}
