using System.Text.Json;
using System.Text.RegularExpressions;
using Course;
using Course.Runner;

namespace Notebooks.Tests;

/// <summary>
/// The ready-to-insert cells of lesson 07's "Tuning as a class" (docs/lessons/07-class-study-cells.md)
/// run through the notebook runner after lesson 07's own setup cells and the definitions they use,
/// against the local store (no HYPERLAB_STUDY), as they will in the lesson.
/// </summary>
public sealed partial class ClassStudyCellsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_class_study_cells_run_against_the_local_store_and_say_so()
    {
        string root = RepoRoot.Find();
        var cells = CodeCells(File.ReadAllText(Path.Combine(root, "docs", "lessons", "07-class-study-cells.md")));
        Assert.True(cells.Count >= 3, "the cells file has its code cells in ```csharp fences");
        using var lesson = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "notebooks", "07-tuning-workflow.ipynb")));
        var setup = lesson.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code").Take(2)
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString()))).ToList();
        const string definitions = """
            int seed = Notebook.Seed;
            var full = DataRecord.FashionMnist(validationFraction: 0.1, splitSeed: seed);
            var proxy = full.Proxy(examples: 6_000, seed: seed);
            var baseline = new Hyperparameters { Epochs = 4, Seed = seed };
            var space = new SearchSpace(
                SearchDimension.Log("lr", 1e-4, 1e-1, (hp, v) => hp with { LearningRate = v }),
                SearchDimension.Log("wd", 1e-6, 1e-2, (hp, v) => hp with { WeightDecay = v }),
                SearchDimension.Linear("dropout", 0, 0.5, (hp, v) => hp with { Dropout = v }));
            """;
        const int seed = 5;   // a seed the lesson tests do not use, so its local study is this test's alone
        string studyFile = Path.Combine(root, "artifacts", "studies", $"07-class-seed{seed}.study.json");
        if (File.Exists(studyFile)) File.Delete(studyFile);   // a fresh clone has no artifacts/studies/ until a study is made
        string? saved = Environment.GetEnvironmentVariable("HYPERLAB_STUDY");
        Environment.SetEnvironmentVariable("HYPERLAB_STUDY", null);
        using var notebook = new TempNotebook("class-study", [.. setup, definitions, .. cells]);
        var log = new TestLog(output);
        try
        {
            var result = await new NotebookRunner().RunAsync(notebook.Path,
                new RunOptions { Log = log, Seed = seed, WorkingDirectory = Path.Combine(root, "notebooks") });

            Assert.True(result.Succeeded, result.FailureText);
            string text = log.All.ToString();
            Assert.Contains("HYPERLAB_STUDY is not set: this is a study on this machine only", text);
            Assert.Contains("wrote 3 trial(s)", text);
            Assert.Contains("3 done, 0 running, 45 pending", text);
            Assert.True(File.Exists(studyFile));
        }
        finally
        {
            Environment.SetEnvironmentVariable("HYPERLAB_STUDY", saved);
            File.Delete(studyFile);
        }
    }

    private static List<string> CodeCells(string markdown) =>
        Fence().Matches(markdown).Select(m => m.Groups[1].Value.TrimEnd()).ToList();

    [GeneratedRegex(@"<!-- cell: code -->\s*```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
