using System.Xml.Linq;

namespace HyperLab.Tests.Architecture;

/// <summary>
/// The layers of docs/architecture.md as data: the projects in order, lowest first, and what the core must never
/// reference. A project may reference only projects listed before it.
/// </summary>
public static class LayerRules
{
    /// <summary>The src/ projects, lowest layer first (HyperLab.Studies.Postgres sits beside the charts: core only).</summary>
    public static IReadOnlyList<string> Layers { get; } =
        ["HyperLab.Platform", "HyperLab", "HyperLab.Charts", "HyperLab.Lessons", "HyperLab.Interactive", "Course"];

    /// <summary>What the projects that are not in the chain may reference.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Beside { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["HyperLab.Studies.Postgres"] = ["HyperLab.Platform", "HyperLab"],
    };

    /// <summary>Assembly and package names the core (HyperLab) must not reference; a name ending in '*' is a prefix.</summary>
    public static IReadOnlyList<string> ForbiddenInCore { get; } =
    [
        "Plotly.NET*", "FSharp.Core", "Microsoft.DotNet.Interactive*", "HyperLab.Charts", "HyperLab.Lessons", "HyperLab.Interactive",
        "HyperLab.Studies.Postgres", "Npgsql*", "course",
    ];

    /// <summary>The references of <paramref name="names"/> that the <paramref name="forbidden"/> patterns match.</summary>
    public static IReadOnlyList<string> Forbidden(IEnumerable<string> names, IEnumerable<string> forbidden)
    {
        var patterns = forbidden.ToList();
        return names.Where(n => patterns.Any(p => p.EndsWith('*') ? n.StartsWith(p[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(n, p, StringComparison.OrdinalIgnoreCase))).Distinct().ToList();
    }

    /// <summary>The names a project file references: every PackageReference's Include and every ProjectReference's
    /// project name (the file name without .csproj).</summary>
    public static IReadOnlyList<string> ProjectFileReferences(string csprojText)
    {
        var doc = XDocument.Parse(csprojText);
        return doc.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference")
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .Where(i => i.Length > 0)
            .Select(i => i.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? Path.GetFileNameWithoutExtension(i.Replace('\\', '/')) : i)
            .ToList();
    }

    /// <summary>The project references that point at a layer above <paramref name="project"/> (or, for a project
    /// beside the chain, at anything it may not use). Package references are not judged here.</summary>
    public static IReadOnlyList<string> UpwardReferences(string project, IEnumerable<string> projectReferences)
    {
        var allowed = Beside.TryGetValue(project, out var beside) ? beside
            : project == Layers[^1] ? [.. Layers.SkipLast(1), .. Beside.Keys]   // the course tool may use everything
            : Layers.Contains(project) ? Layers.Take(Layers.ToList().IndexOf(project)).ToList()
            : throw new ArgumentException($"{project} is not in the layer list of docs/architecture.md; add it to LayerRules.");
        return projectReferences.Where(r => !allowed.Contains(r)).ToList();
    }
}
