using System.Text.Json;
using Course.Runner;

namespace Notebooks.Tests;

/// <summary>The runner itself, on small notebooks made in a temp folder.</summary>
public class NotebookRunnerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_failing_cell_is_reported_with_its_number_first_line_and_message_and_stops_the_notebook()
    {
        using var notebook = new TempNotebook("smoke",
            "var answer = 6 * 7;\nConsole.WriteLine($\"answer {answer}\");\ndisplay(\"✓ claim: six times seven is 42\");",
            "// check the answer\nthrow new InvalidOperationException(\"✗ claim failed: expected 41\\nbecause of a second line\");",
            "Console.WriteLine(\"never runs\");");
        var log = new TestLog(output);
        string outDir = System.IO.Path.Combine(notebook.Folder, "executed");

        var result = await new NotebookRunner().RunAsync(notebook.Path, new RunOptions { Log = log, OutputDirectory = outDir });

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Cells.Count);
        var failed = Assert.IsType<CellResult>(result.FailedCell);
        Assert.Equal(2, failed.Number);
        Assert.Equal(3, failed.NotebookCellNumber);
        Assert.Contains("cell 2/3", result.FailureText);
        Assert.Contains("// check the answer", result.FailureText);
        Assert.Contains("✗ claim failed: expected 41", result.FailureText);
        Assert.Contains("because of a second line", result.FailureText);
        Assert.DoesNotContain("Microsoft.CodeAnalysis", result.FailureText);
        Assert.Contains("answer 42", log.All.ToString());
        Assert.Contains("✓ claim: six times seven is 42", log.All.ToString());
        Assert.DoesNotContain("never runs", log.All.ToString());

        string written = await File.ReadAllTextAsync(result.OutputPath!);
        using var doc = JsonDocument.Parse(written);
        var cells = doc.RootElement.GetProperty("cells").EnumerateArray().ToList();
        Assert.Contains("answer 42", cells[1].GetProperty("outputs").GetRawText());
        Assert.Contains("\"error\"", cells[2].GetProperty("outputs").GetRawText());
        Assert.Equal(0, cells[3].GetProperty("outputs").GetArrayLength());
    }

    [Fact]
    public async Task The_seed_and_the_notebook_folder_are_set_while_it_runs_and_restored_after()
    {
        using var notebook = new TempNotebook("environment",
            "Console.WriteLine(\"seed=\" + Environment.GetEnvironmentVariable(\"COURSE_SEED\"));\nConsole.WriteLine(\"cwd=\" + Environment.CurrentDirectory);");
        string cwdBefore = Environment.CurrentDirectory;
        string? seedBefore = Environment.GetEnvironmentVariable(NotebookRunner.SeedVariable);
        var log = new TestLog(output);

        var result = await new NotebookRunner().RunAsync(notebook.Path, new RunOptions { Log = log, Seed = 17 });

        Assert.True(result.Succeeded, result.FailureText);
        Assert.Contains("seed=17", log.All.ToString());
        Assert.Contains("cwd=" + notebook.Folder, log.All.ToString());
        Assert.Equal(cwdBefore, Environment.CurrentDirectory);
        Assert.Equal(seedBefore, Environment.GetEnvironmentVariable(NotebookRunner.SeedVariable));
        Assert.Null(result.OutputPath);
    }

    [Fact]
    public async Task A_compile_error_fails_the_cell_with_the_compiler_message()
    {
        using var notebook = new TempNotebook("compile", "int x = \"not a number\";");

        var result = await new NotebookRunner().RunAsync(notebook.Path, new RunOptions { Log = new TestLog(output) });

        Assert.False(result.Succeeded);
        Assert.Contains("CS0029", result.FailureText);
    }

    [Fact]
    public async Task An_unreadable_notebook_is_a_notebook_error_not_a_crash()
    {
        using var notebook = new TempNotebook("broken");
        await File.WriteAllTextAsync(notebook.Path, "{ this is not json");

        var result = await new NotebookRunner().RunAsync(notebook.Path, new RunOptions { Log = new TestLog(output) });

        Assert.False(result.Succeeded);
        Assert.Contains("could not read the notebook", result.FailureText);
    }
}
