using System.Runtime.CompilerServices;

namespace HyperLab.Platform;

/// <summary>
/// Applies <see cref="TorchSharpNativeFix"/> as soon as any HyperLab code runs, so that plain C#
/// programs using the library get the fix before their first torch call, as the runner, the tests
/// and the notebooks do. The fix is cached per process and cheap after the first call.
/// </summary>
internal static class LibraryInitializer
{
#pragma warning disable CA2255 // A library module initializer is intended here: it must run before TorchSharp loads its native code.
    [ModuleInitializer]
    internal static void ApplyNativeFix() => TorchSharpNativeFix.Apply();
#pragma warning restore CA2255
}
