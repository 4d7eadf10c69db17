using Course.Runner;

namespace Notebooks.Tests;

/// <summary>Runs every lesson notebook headless, in process, once per seed of <c>COURSE_TEST_SEEDS</c> (default "0");
/// any failing cell or claim fails the test.</summary>
public class LessonNotebookTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(LessonNotebooks.FileNames), MemberType = typeof(LessonNotebooks))]
    public async Task Every_cell_of_the_notebook_runs_without_error(string notebook, int seed)
    {
        Assert.False(notebook == LessonNotebooks.NoNotebooks, $"No notebooks found in {Path.Combine(LessonNotebooks.Root, "notebooks")}.");

        string path = Path.Combine(LessonNotebooks.Root, "notebooks", notebook);
        var options = new RunOptions
        {
            OutputDirectory = Path.Combine(LessonNotebooks.Root, "artifacts", "executed", seed == 0 ? "" : $"seed-{seed}"),
            Log = new TestLog(output),
            Seed = seed,
        };

        // One run: a lesson that fails is a failure (the course's optimizers no longer race the GC, docs/platform.md#p7-torchsharps-optimizers-race-the-garbage-collector).
        var result = await new NotebookRunner().RunAsync(path, options);
        Assert.True(result.Succeeded, result.FailureText);
        Assert.NotEmpty(result.Cells);
    }
}
