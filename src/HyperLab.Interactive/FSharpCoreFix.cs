using System.Reflection;
using System.Runtime.Loader;

namespace HyperLab.Interactive;

/// <summary>
/// Plotly.NET 6 asks for FSharp.Core 10.1.0.0; the notebook kernel ships 10.0.0.0, so the first
/// chart fails with "Could not load file or assembly 'FSharp.Core, Version=10.1.0.0'" (docs/platform.md#p8-plotlynet-wants-a-newer-fsharpcore-than-notebook-kernels-ship). This answers that request with the FSharp.Core the kernel already loaded. Harmless
/// where the right version is present (the request never comes).
/// </summary>
public static class FSharpCoreFix
{
    private static int installed;

    /// <summary>Installs the resolver once per process; later calls do nothing. Returns whether this call installed it.</summary>
    public static bool Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return false;
        AssemblyLoadContext.Default.Resolving += Resolve;
        return true;
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == "FSharp.Core"
            ? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core")
            : null;
}
