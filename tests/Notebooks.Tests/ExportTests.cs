using System.Diagnostics;
using Course.Export;
using Course.Runner;

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
