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

        var result = await new NotebookRunner().RunAsync(path, options);
        if (!result.Succeeded && TorchSharpScalarRace.Explains(result.FailureText))
        {
            // Not a claim: a known TorchSharp 0.107 race (docs/lessons/06.md). Run the lesson once more.
            output.WriteLine($"{notebook}, seed {seed}: TorchSharp's optimizer hit its Scalar race; running the lesson again.");
            result = await new NotebookRunner().RunAsync(path, options);
        }

        Assert.True(result.Succeeded, result.FailureText);
        Assert.NotEmpty(result.Cells);
    }
}

/// <summary>
/// A failure that is not the lesson's: TorchSharp 0.107's optimizers pass temporary <c>Scalar</c>s to libtorch by raw
/// handle, and a garbage collection started by another thread during the call can finalize one while libtorch reads
/// it ("Exception raised from toFloat at c10/core/Scalar.h"). Seen once in about ten runs of lesson 06. The notebook
/// test reruns a lesson once when this, and only this, is the failure.
/// </summary>
public static class TorchSharpScalarRace
{
    /// <summary>True when <paramref name="failure"/> is the Scalar race's signature.</summary>
    public static bool Explains(string? failure) =>
        failure is not null && failure.Contains("Exception raised from toFloat", StringComparison.Ordinal) && failure.Contains("Scalar.h", StringComparison.Ordinal);
}
