using Course;
using Course.Cli;
using Course.Runner;

namespace Notebooks.Tests;

/// <summary>The command line's small pure parts: lesson selection, error cleanup, the timing table, the repo root.</summary>
public class CliTests
{
    [Fact]
    public void Lessons_are_chosen_by_name_prefix_or_substring_in_name_order()
    {
        string folder = Directory.CreateTempSubdirectory("course-select-").FullName;
        try
        {
            foreach (string name in new[] { "01-learning-rate", "00-parameters", "02-batch-size", "10-tuning" })
            {
                File.WriteAllText(Path.Combine(folder, name + ".ipynb"), "{}");
            }

            Assert.Equal(["00-parameters", "01-learning-rate", "02-batch-size", "10-tuning"], Names(NotebookSelection.Select(folder, [], out _)));
            Assert.Equal(["00-parameters"], Names(NotebookSelection.Select(folder, ["00"], out _)));
            Assert.Equal(["01-learning-rate"], Names(NotebookSelection.Select(folder, ["1"], out _)));
            Assert.Equal(["10-tuning"], Names(NotebookSelection.Select(folder, ["10"], out _)));
            Assert.Equal(["01-learning-rate"], Names(NotebookSelection.Select(folder, ["01-learn"], out _)));
            Assert.Equal(["00-parameters", "02-batch-size"], Names(NotebookSelection.Select(folder, ["batch", "00"], out _)));
            Assert.Empty(NotebookSelection.Select(folder, ["99"], out var unmatched));
            Assert.Equal(["99"], unmatched);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static string[] Names(IEnumerable<string> paths) => paths.Select(Path.GetFileNameWithoutExtension).ToArray()!;
    }

    [Fact]
    public void Engine_stack_frames_are_removed_from_errors_but_the_message_and_course_frames_stay()
    {
        string error = string.Join('\n',
            "HyperLab.Lessons.Claims.ClaimFailedException: ✗ the loss fell: 2.3 → 2.4",
            "   at HyperLab.Lessons.Claims.Claim.That(Boolean holds, String text)",
            "   at Submission#7.<<Initialize>>d__0.MoveNext()",
            "--- End of stack trace from previous location ---",
            "   at Microsoft.CodeAnalysis.Scripting.ScriptExecutionState.RunSubmissionsAsync[TResult]()");

        string cleaned = ErrorText.WithoutEngineFrames(error);

        Assert.Equal(string.Join(Environment.NewLine,
            "HyperLab.Lessons.Claims.ClaimFailedException: ✗ the loss fell: 2.3 → 2.4",
            "   at HyperLab.Lessons.Claims.Claim.That(Boolean holds, String text)"), cleaned);
    }

    [Fact]
    public void The_timing_table_lists_each_notebook_and_the_slowest_cells()
    {
        var ok = new NotebookResult("/n/00-parameters.ipynb",
            [new CellResult(1, 2, 2, "#r \"nuget: TorchSharp-cpu, 0.107.0\"", TimeSpan.FromSeconds(1.5), null),
             new CellResult(2, 2, 3, "var history = Trainer.Fit(model, hp, data);", TimeSpan.FromSeconds(12.25), null)],
            TimeSpan.FromSeconds(14), null);
        var failed = new NotebookResult("/n/01-learning-rate.ipynb",
            [new CellResult(1, 5, 1, "Claim.That(false)", TimeSpan.FromSeconds(0.5), "boom")], TimeSpan.FromSeconds(3), null);

        string table = TimingTable.Format([ok, failed]);

        Assert.Contains("00-parameters", table);
        Assert.Contains("14.0", table);
        Assert.Contains("FAILED at cell 1/5", table);
        Assert.Contains("12.25 s  00-parameters cell 2/2  var history = Trainer.Fit(model, hp, data);", table);
        Assert.True(table.IndexOf("12.25", StringComparison.Ordinal) < table.IndexOf("1.50", StringComparison.Ordinal), "slowest first");
    }

    [Fact]
    public void The_repository_root_is_found_from_the_test_folder()
    {
        string root = RepoRoot.Find();

        Assert.True(File.Exists(Path.Combine(root, "Course.sln")));
        Assert.Equal(root, RepoRoot.WalkUp(Path.Combine(root, "notebooks")));
    }
}
