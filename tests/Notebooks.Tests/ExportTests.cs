using System.Diagnostics;
using Course.Export;
using Course.Runner;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Notebooks.Tests;

/// <summary>Every lesson also runs as a plain C# program (<c>course export</c>, <c>dotnet run lessons/NN.cs</c>).</summary>
public class ExportTests(ITestOutputHelper output)
{
    private static string Root => LessonNotebooks.Root;

    [Fact]
    public void The_committed_plain_CSharp_lessons_match_the_notebooks()
    {
        string lessons = Path.Combine(Root, "lessons");
        foreach (string notebook in LessonNotebooks.Paths)
        {
            string committed = Path.Combine(lessons, Path.ChangeExtension(Path.GetFileName(notebook), ".cs"));
            Assert.True(File.Exists(committed), $"{committed} is missing: run `dotnet run --project src/Course -- export` and commit lessons/.");
            string fresh = LessonExporter.Export(notebook, "../src/HyperLab.Lessons/HyperLab.Lessons.csproj");
            Assert.True(fresh == File.ReadAllText(committed),
                $"{Path.GetFileName(committed)} is older than its notebook: run `dotnet run --project src/Course -- export` and commit lessons/.");
            int prepare = fresh.IndexOf(LessonExporter.NativeSetupCall, StringComparison.Ordinal);
            Assert.True(prepare >= 0 && prepare < fresh.IndexOf("// ── cell", StringComparison.Ordinal),
                $"{Path.GetFileName(committed)} must apply the native fixes before its first cell");
        }
    }

    [Fact]
    public void A_final_value_is_shown_a_final_void_call_runs_and_notebook_directives_go()
    {
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        string code = LessonExporter.Code("#r \"nuget: Plotly.NET, 6.0.0\"\nusing HyperLab.Interactive;\nusing static TorchSharp.torch;\nvar x = 1;\nPlot.EpochCurves(h)", usings);
        Assert.Equal("var x = 1;\nShow.Value(() => Plot.EpochCurves(h));", code);
        Assert.Equal(["using HyperLab.Lessons.Scripting;", "using static TorchSharp.torch;"], usings);
        Assert.Equal("Show.Value(() => Notebook.Start(\"L\"));", LessonExporter.Code("HyperLab.Interactive.Notebook.Start(\"L\")", usings));
        Assert.Equal("Claim.Check(a, b, c);", LessonExporter.Code("Claim.Check(a, b, c);", usings));
    }

    /// <summary>A variable a notebook declares twice (allowed across cells) is a compile error in a program: every
    /// exported lesson must compile against the course's assemblies (in-process with Roslyn, with a file-based
    /// app's implicit usings; <c>#:</c> directives dropped). Lesson 00 also runs (above).</summary>
    [Fact]
    public void Every_exported_lesson_compiles_as_a_program()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p)).ToList();
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var implicitUsings = CSharpSyntaxTree.ParseText(string.Join("\n",
            new[] { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" }
                .Select(n => $"global using global::{n};")), parse);
        var programs = Directory.GetFiles(Path.Combine(Root, "lessons"), "*.cs").Order().ToArray();
        Assert.NotEmpty(programs);
        var failures = new List<string>();
        foreach (string program in programs)
        {
            string code = string.Join("\n", File.ReadAllLines(program).Where(l => !l.StartsWith("#:", StringComparison.Ordinal)));
            var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(program),
                [implicitUsings, CSharpSyntaxTree.ParseText(code, parse, path: program)], references,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            if (errors.Count > 0) failures.Add($"{Path.GetFileName(program)}:\n  " + string.Join("\n  ", errors));
        }
        Assert.True(failures.Count == 0, "Exported lessons that do not compile (edit the notebook, then `course export`):\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Lesson_00_as_a_program_makes_the_same_claims_as_the_notebook()
    {
        string program = Path.Combine(Root, "lessons", "00-parameters-and-hyperparameters.cs");
        var start = new ProcessStartInfo("dotnet", ["run", program]) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["COURSE_SEED"] = "0";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.WriteLine(stdout);
        Assert.True(process.ExitCode == 0, $"dotnet run {program} exited with {process.ExitCode}:\n{stdout}\n{await stderr}");
        int programClaims = stdout.Split('\n').Count(l => l.StartsWith('✓'));
        Assert.Contains("chart saved: artifacts/charts/", stdout);

        var log = new StringWriter();
        var result = await new NotebookRunner().RunAsync(Path.Combine(Root, "notebooks", "00-parameters-and-hyperparameters.ipynb"),
            new RunOptions { Seed = 0, Log = log, OutputDirectory = Path.Combine(Root, "artifacts", "executed") });
        Assert.True(result.Succeeded, result.FailureText);
        int notebookClaims = log.ToString().Split('\n').Count(l => l.TrimStart().StartsWith('✓'));
        Assert.True(programClaims > 0);
        Assert.Equal(notebookClaims, programClaims);
    }
}
