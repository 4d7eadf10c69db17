using System.Text.Json;
using System.Text.RegularExpressions;
using HyperLab.Schedules;
using HyperLab.Tests.Tracking;
using HyperLab.Tracking;
using HyperLab.Tuning;

namespace HyperLab.Tests.Tuning;

/// <summary>The final run's settings come from the study's logged validation results, never from the test set.</summary>
public partial class FinalRecipeTests
{
    private static readonly Hyperparameters Base = new() { Epochs = 4, Seed = 3 };

    private static void Log(ExperimentLog log, string experiment, params (Hyperparameters Hp, double Loss)[] trials)
    {
        for (int i = 0; i < trials.Length; i++) log.Append(ChildProcess.Synthetic(experiment, i + 1, trials[i].Loss, trials[i].Hp));
    }

    /// <summary>A study as the notebook's steps write it, with known winners.</summary>
    private static ExperimentLog Study()
    {
        var log = new ExperimentLog(TrackingData.TempLog()).BeginStudy("07-seed3");
        Log(log, TuningWorkflow.Grid, (Base with { LearningRate = 5e-4, WeightDecay = 0.05, Dropout = 0.1 }, 0.56), (Base with { LearningRate = 2e-2, WeightDecay = 2, Dropout = 0.4 }, 0.9));
        Log(log, TuningWorkflow.QuasiRandomName(1), (Base with { LearningRate = 4e-3, WeightDecay = 0.12, Dropout = 0.13 }, 0.48), (Base with { LearningRate = 1e-3, WeightDecay = 0.3, Dropout = 0.3 }, 0.52));
        Log(log, TuningWorkflow.QuasiRandomName(2), (Base with { LearningRate = 5e-3, WeightDecay = 0.02, Dropout = 0.08 }, 0.49));
        var fromSearch = Base with { LearningRate = 4e-3, WeightDecay = 0.12, Dropout = 0.13 };
        Log(log, TuningWorkflow.BatchSize, (fromSearch, 0.48), (fromSearch with { BatchSize = 128, LearningRate = 4e-3 * Math.Sqrt(2) }, 0.50), (fromSearch with { BatchSize = 256, LearningRate = 8e-3 }, 0.52));
        var shortFull = fromSearch with { BatchSize = 128, LearningRate = 4e-3 * Math.Sqrt(2), Epochs = 3, Schedule = Schedule.WarmupCosine(0.05) };
        Log(log, TuningWorkflow.Width, (shortFull, 0.40), (shortFull with { Width = 512 }, 0.36));
        var wide = shortFull with { Width = 512 };
        Log(log, TuningWorkflow.Rate, (wide with { LearningRate = shortFull.LearningRate / 2 }, 0.35), (wide, 0.36), (wide with { LearningRate = shortFull.LearningRate * 2 }, 0.39));
        var chosen = wide with { LearningRate = shortFull.LearningRate / 2 };
        Log(log, TuningWorkflow.ScheduleStep, (chosen, 0.35), (chosen with { Schedule = Schedule.Constant }, 0.37));
        return log;
    }

    [Fact]
    public void The_recipe_follows_the_logged_validation_results_and_names_its_sources()
    {
        var log = Study();
        var recipe = FinalRecipe.FromLog(log.Load().InStudy(log.Study!));
        var hp = recipe.Hyperparameters;
        Assert.Equal((0.12, 0.13), (hp.WeightDecay, hp.Dropout));               // the best search trial (quasi-random 1 #1), not the grid's
        Assert.Equal(128, hp.BatchSize);                                         // the largest within 0.03 of 0.48 (256 is 0.04 worse)
        Assert.Equal(512, hp.Width);
        Assert.Equal(4e-3 * Math.Sqrt(2) / 2, hp.LearningRate);
        Assert.Equal(Schedule.WarmupCosine(0.05), hp.Schedule);
        Assert.Contains(recipe.Sources, s => s.Setting == "learning rate" && s.Source.StartsWith(TuningWorkflow.Rate + " #1", StringComparison.Ordinal));
        Assert.Contains(recipe.Sources, s => s.Setting == "weight decay" && s.Source.StartsWith(TuningWorkflow.QuasiRandomName(1) + " #1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_final_trial_with_the_recipe_verifies_and_one_with_typed_in_settings_does_not()
    {
        var log = Study();
        var recipe = FinalRecipe.FromLog(log.Load().InStudy(log.Study!));
        var other = new ExperimentLog(log.Path).OpenStudy(log.Study!);
        Assert.Contains("expected exactly 1", Assert.Single(FinalRecipe.Verify(log.Load().InStudy(log.Study!))));

        // The honest final: the recipe with its own epoch budget and stopping rule.
        var honest = Study();
        honest.Append(ChildProcess.Synthetic(TuningWorkflow.Final, 1, 0.3, FinalRecipe.FromLog(honest.Load().InStudy(honest.Study!)).Hyperparameters with { Epochs = 20, Patience = null }));
        Assert.Empty(FinalRecipe.Verify(honest.Load().InStudy(honest.Study!)));

        // The old lesson's final: η 1e-3 at batch 128, "measured before the lesson was written".
        other.Append(ChildProcess.Synthetic(TuningWorkflow.Final, 1, 0.3, recipe.Hyperparameters with { LearningRate = 1e-3, BatchSize = 256, Epochs = 30 }));
        var differences = FinalRecipe.Verify(log.Load().InStudy(log.Study!));
        Assert.Equal(2, differences.Count);
        Assert.Contains(differences, d => d.StartsWith("learning rate", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("batch size", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_step_is_named()
    {
        var log = new ExperimentLog(TrackingData.TempLog()).BeginStudy("incomplete");
        Log(log, TuningWorkflow.Grid, (Base, 0.5));
        var e = Assert.Throws<InvalidOperationException>(() => FinalRecipe.FromLog(log.Load().InStudy(log.Study!)));
        Assert.Contains(TuningWorkflow.BatchSize, e.Message);
    }

    /// <summary>After a run of lesson 07 (the notebook tests, or `course run 07`), every study in its log must verify:
    /// the final trial's settings are the ones the study's logged validation choices give.</summary>
    [Fact]
    public void Every_final_trial_in_the_lesson_log_matches_its_study_s_logged_choices()
    {
        string path = Path.Combine(HyperLab.Data.CourseData.DataFolder, "..", "artifacts", "experiments", "07-tuning.jsonl");
        if (!File.Exists(path)) return;   // lesson 07 has not run on this checkout yet; the notebook checks the same (07.14)
        var all = new ExperimentLog(path).Load();
        var studies = all.Records.Where(r => r.Experiment == TuningWorkflow.Final && r.Study is not null).Select(r => r.Study!).Distinct().ToList();
        foreach (var study in studies)
        {
            var contents = all.InStudy(study);
            if (contents.Records.Any(r => r.Schema < LogSchema.Version)) continue;
            Assert.True(FinalRecipe.Verify(contents).Count == 0, $"{study}: " + string.Join("; ", FinalRecipe.Verify(contents)));
        }
    }

    [GeneratedRegex(@"(LearningRate|BatchSize|Width|WeightDecay|Dropout)\s*=\s*[0-9]")]
    private static partial Regex LiteralSetting();

    [Fact]
    public void The_notebook_s_final_run_cell_types_in_no_setting()
    {
        string notebook = Path.Combine(HyperLab.Data.CourseData.DataFolder, "..", "notebooks", "07-tuning-workflow.ipynb");
        using var doc = JsonDocument.Parse(File.ReadAllText(notebook));
        var cells = doc.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString()))).ToList();
        var finalCell = Assert.Single(cells, c => c.Contains("TuningWorkflow.Final", StringComparison.Ordinal) && c.Contains("Trainer.Fit", StringComparison.Ordinal));
        Assert.Contains("FinalRecipe.FromLog", finalCell);
        Assert.DoesNotMatch(LiteralSetting(), finalCell);
    }
}
