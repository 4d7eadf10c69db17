using System.Reflection;

namespace HyperLab.Tests.Architecture;

/// <summary>
/// The layers hold (docs/architecture.md): the core references no chart, notebook or lesson assembly, every project
/// references only the layers below it, and no two HyperLab namespaces use each other, directly or through others.
/// Each rule also runs on a deliberate violation, so a rule that cannot fail would show here.
/// </summary>
public class LayerTests
{
    private static readonly string Root = FindRoot();

    private static string SrcProject(string name) => Path.Combine(Root, "src", name, name + ".csproj");

    [Fact]
    public void The_core_assembly_references_no_chart_notebook_or_lesson_assembly()
    {
        var references = typeof(Hyperparameters).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.Contains("TorchSharp", references);   // the reading works: the core does use TorchSharp
        Assert.Empty(LayerRules.Forbidden(references, LayerRules.ForbiddenInCore));
    }

    [Fact]
    public void The_core_project_file_references_no_chart_notebook_or_lesson_package_or_project()
    {
        var references = LayerRules.ProjectFileReferences(File.ReadAllText(SrcProject("HyperLab")));
        Assert.Contains("TorchSharp-cpu", references);
        Assert.Empty(LayerRules.Forbidden(references, LayerRules.ForbiddenInCore));
    }

    [Fact]
    public void Every_project_references_only_the_layers_below_it()
    {
        var projects = Directory.GetDirectories(Path.Combine(Root, "src")).Select(Path.GetFileName).Where(n => File.Exists(SrcProject(n!))).ToList();
        Assert.Contains("HyperLab.Lessons", projects);
        var violations = projects.SelectMany(p => LayerRules.UpwardReferences(p!, ProjectReferences(p!)).Select(r => $"{p} → {r}")).ToList();
        Assert.True(violations.Count == 0, "references against the layers: " + string.Join("; ", violations));
    }

    [Fact]
    public void No_HyperLab_namespace_uses_another_that_uses_it_back()
    {
        var assemblies = new[] { "HyperLab.Platform", "HyperLab", "HyperLab.Charts", "HyperLab.Lessons" }
            .Select(n => Path.Combine(AppContext.BaseDirectory, n + ".dll")).Where(File.Exists).ToList();
        Assert.True(assemblies.Count >= 3, "the core, charts and lessons assemblies are next to the tests");
        var graph = NamespaceGraph.Read(assemblies, IsHyperLab);
        Assert.Contains("HyperLab.Training", graph.Edges["HyperLab.Lessons.Lesson02"].Keys);   // the reading finds real uses
        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void A_forbidden_reference_is_caught_in_the_assembly_list_and_in_the_project_file()
    {
        Assert.Equal(["Plotly.NET.CSharp", "FSharp.Core", "HyperLab.Lessons"],
            LayerRules.Forbidden(["TorchSharp", "Plotly.NET.CSharp", "FSharp.Core", "HyperLab.Lessons", "HyperLab.Platform"], LayerRules.ForbiddenInCore));
        const string csproj = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="TorchSharp-cpu" />
                <PackageReference Include="Microsoft.DotNet.Interactive.Formatting" />
                <ProjectReference Include="..\HyperLab.Charts\HyperLab.Charts.csproj" />
              </ItemGroup>
            </Project>
            """;
        Assert.Equal(["Microsoft.DotNet.Interactive.Formatting", "HyperLab.Charts"],
            LayerRules.Forbidden(LayerRules.ProjectFileReferences(csproj), LayerRules.ForbiddenInCore));
    }

    [Fact]
    public void A_reference_up_the_layers_is_caught()
    {
        Assert.Equal(["HyperLab.Lessons"], LayerRules.UpwardReferences("HyperLab.Charts", ["HyperLab", "HyperLab.Lessons"]));
        Assert.Equal(["HyperLab.Charts"], LayerRules.UpwardReferences("HyperLab", ["HyperLab.Platform", "HyperLab.Charts"]));
        Assert.Equal(["HyperLab.Lessons"], LayerRules.UpwardReferences("HyperLab.Studies.Postgres", ["HyperLab", "HyperLab.Lessons"]));
        Assert.Empty(LayerRules.UpwardReferences("Course", ["HyperLab.Interactive", "HyperLab.Studies.Postgres"]));
        Assert.Throws<ArgumentException>(() => LayerRules.UpwardReferences("HyperLab.Unknown", []));
    }

    [Fact]
    public void A_cycle_is_caught_between_siblings_between_parent_and_child_and_through_a_third_namespace()
    {
        var acyclic = new NamespaceGraph();
        acyclic.Add("HyperLab.Lessons.Lesson05", "HyperLab.Training", "a");
        acyclic.Add("HyperLab.Training", "HyperLab", "b");
        acyclic.Add("HyperLab.Lessons.Lesson05", "HyperLab", "c");
        Assert.Empty(acyclic.Cycles());

        var siblings = new NamespaceGraph();
        siblings.Add("HyperLab.Models", "HyperLab.Training", "Mlp → FitRandom");
        siblings.Add("HyperLab.Training", "HyperLab.Models", "Trainer → Mlp");
        Assert.Contains("HyperLab.Models ⇄ HyperLab.Training", Assert.Single(siblings.Cycles()));

        var parentChild = new NamespaceGraph();
        parentChild.Add("HyperLab", "HyperLab.Schedules", "Hyperparameters → Schedule");
        parentChild.Add("HyperLab.Schedules", "HyperLab", "CosineSchedule → HyperparameterException");
        Assert.Contains("HyperLab ⇄ HyperLab.Schedules", Assert.Single(parentChild.Cycles()));

        var throughThird = new NamespaceGraph();
        throughThird.Add("HyperLab.A", "HyperLab.B", "x");
        throughThird.Add("HyperLab.B", "HyperLab.C", "y");
        throughThird.Add("HyperLab.C", "HyperLab.A", "z");
        throughThird.Add("HyperLab.C", "HyperLab.D", "w");
        Assert.StartsWith("HyperLab.A ⇄ HyperLab.B ⇄ HyperLab.C\n", Assert.Single(throughThird.Cycles()));
    }

    [Fact]
    public void The_assembly_reading_finds_a_cycle_written_in_code()
    {
        // CycleSample.Left and CycleSample.Right (below, in this test assembly) use each other on purpose.
        var graph = NamespaceGraph.Read([typeof(LayerTests).Assembly.Location], ns => ns.StartsWith(typeof(CycleSample.Left.UsesRight).Namespace![..^5], StringComparison.Ordinal));
        string cycle = Assert.Single(graph.Cycles());
        Assert.StartsWith("HyperLab.Tests.Architecture.CycleSample.Left ⇄ HyperLab.Tests.Architecture.CycleSample.Right", cycle);
    }

    [Fact]
    public void Every_type_name_in_src_means_one_type()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        Assert.True(sources.Count > 100, $"only {sources.Count} source files found");
        var duplicates = TypeNames.Duplicates(sources);
        Assert.True(duplicates.Count == 0, "type names used twice: " + string.Join("; ", duplicates));
    }

    [Fact]
    public void A_type_name_used_in_two_namespaces_is_caught_and_partial_declarations_are_not()
    {
        string[] sources =
        [
            "namespace HyperLab.Lessons.Lesson05;\npublic sealed record DropoutCheck(double A);\npublic static partial class Lesson05Charts { }",
            "namespace HyperLab.Lessons.Lesson08;\npublic static class DropoutCheck { }",
            "namespace HyperLab.Lessons.Lesson05;\n\n/// <summary>x</summary>\npublic static partial class Lesson05Charts { }",
        ];
        Assert.Equal(["DropoutCheck: HyperLab.Lessons.Lesson05, HyperLab.Lessons.Lesson08"], TypeNames.Duplicates(sources));
    }

    private static bool IsHyperLab(string ns) => ns == "HyperLab" || ns.StartsWith("HyperLab.", StringComparison.Ordinal);

    private static IEnumerable<string> ProjectReferences(string project)
    {
        string text = File.ReadAllText(SrcProject(project));
        var projects = System.Xml.Linq.XDocument.Parse(text).Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? "").Replace('\\', '/')));
        return projects.ToList();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Course.sln not found above " + AppContext.BaseDirectory);
    }
}
