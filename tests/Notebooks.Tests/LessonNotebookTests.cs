using Course.Runner;

namespace Notebooks.Tests;

/// <summary>Runs every lesson notebook headless, in process; any failing cell or claim fails the test.</summary>
public class LessonNotebookTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(LessonNotebooks.FileNames), MemberType = typeof(LessonNotebooks))]
    public async Task Every_cell_of_the_notebook_runs_without_error(string notebook)
    {
        if (notebook == LessonNotebooks.NoNotebooks)
        {
            return;
        }

        string path = Path.Combine(LessonNotebooks.Root, "notebooks", notebook);
        var options = new RunOptions
        {
            OutputDirectory = Path.Combine(LessonNotebooks.Root, "artifacts", "executed"),
            Log = new TestLog(output),
        };

        var result = await new NotebookRunner().RunAsync(path, options);

        Assert.True(result.Succeeded, result.FailureText);
        Assert.NotEmpty(result.Cells);
    }
}
