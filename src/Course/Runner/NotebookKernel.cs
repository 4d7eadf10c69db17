using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Course.Runner;

/// <summary>
/// Builds the kernel a notebook runs in: a <see cref="CompositeKernel"/> around a fresh C#
/// kernel with <c>#r "nuget: ..."</c>, the <c>display(...)</c> helpers, and the kernel
/// extensions that .NET Interactive would load in VS Code (docs/platform.md#p10-a-headless-kernel-does-not-load-kernel-extensions): Plotly.NET's
/// chart formatter up front, and the extension of any package added with <c>#r "nuget:"</c>
/// that ships one in <c>interactive-extensions/dotnet</c>.
/// </summary>
public static class NotebookKernel
{
    /// <summary>The name of the C# kernel (and the notebooks' cell language).</summary>
    public const string CSharp = "csharp";

    /// <summary>Creates the kernel and loads Plotly.NET's chart formatter into it.</summary>
    public static async Task<CompositeKernel> CreateAsync()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();

        var composite = new CompositeKernel { DefaultKernelName = CSharp };
        composite.Add(csharp, ["c#", "C#"]);
        composite.UseImportMagicCommand();

        await LoadExtensionsAsync(typeof(Plotly.NET.Interactive.FormatterKernelExtension).Assembly, composite);
        return composite;
    }

    /// <summary>
    /// Loads the kernel extensions shipped in <c>interactive-extensions/dotnet</c> by the packages
    /// that <c>#r "nuget:"</c> added, once per package folder (<paramref name="packagesSeen"/>).
    /// </summary>
    /// <returns>The assemblies whose extensions were loaded.</returns>
    public static async Task<IReadOnlyList<string>> LoadPackageExtensionsAsync(
        IEnumerable<PackageAdded> added, Kernel kernel, ISet<string> packagesSeen)
    {
        var loaded = new List<string>();
        foreach (var root in added.Select(e => e.PackageReference.PackageRoot).OfType<string>())
        {
            var folder = Path.Combine(root, "interactive-extensions", "dotnet");
            if (!packagesSeen.Add(root) || !Directory.Exists(folder))
            {
                continue;
            }

            foreach (var dll in Directory.GetFiles(folder, "*.dll"))
            {
                var assembly = LoadOnce(dll);
                if (await LoadExtensionsAsync(assembly, kernel) > 0)
                {
                    loaded.Add(dll);
                }
            }
        }

        return loaded;
    }

    /// <summary>Instantiates every public <see cref="IKernelExtension"/> in the assembly and loads it into the kernel.</summary>
    /// <returns>How many extensions were loaded.</returns>
    public static async Task<int> LoadExtensionsAsync(Assembly assembly, Kernel kernel)
    {
        var types = assembly.GetExportedTypes()
            .Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            .ToList();
        foreach (var type in types)
        {
            var extension = (IKernelExtension)Activator.CreateInstance(type)!;
            await extension.OnLoadAsync(kernel);
        }

        return types.Count;
    }

    private static Assembly LoadOnce(string path)
    {
        var name = AssemblyName.GetAssemblyName(path);
        return AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name) && a.GetName().Version == name.Version)
               ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
