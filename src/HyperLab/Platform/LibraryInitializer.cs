using System.Runtime.CompilerServices;

namespace HyperLab.Platform;

/// <summary>
/// Applies <see cref="OpenMpWaitPolicy"/>, <see cref="MklReproducibility"/> and <see cref="TorchSharpNativeFix"/> as soon as any
/// HyperLab code runs, so that every program using the library (runner, tests, notebooks, plain
/// C#) gets them before its first torch call. Both are cheap after the first call.
/// </summary>
internal static class LibraryInitializer
{
#pragma warning disable CA2255 // A library module initializer is intended here: it must run before TorchSharp loads its native code.
    [ModuleInitializer]
    internal static void BeforeTorchLoads()
    {
        OpenMpWaitPolicy.Apply();
        MklReproducibility.Apply();
        TorchSharpNativeFix.Apply();
    }
#pragma warning restore CA2255
}
