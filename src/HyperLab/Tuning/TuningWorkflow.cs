using HyperLab.Schedules;
using HyperLab.Tracking;

namespace HyperLab.Tuning;

/// <summary>
/// Lesson 07's workflow as rules over the experiment log: the names of the logged steps, and how the final run's
/// settings follow from their validation results. <see cref="FinalRecipe.FromLog"/> applies the rules to one study's
/// records, so every setting of the final run can be traced to a logged validation measurement, and
/// <see cref="FinalRecipe.Verify"/> checks afterwards that the logged final trial used exactly those settings.
/// </summary>
public static class TuningWorkflow
{
    /// <summary>Experiment name of the grid search (proxy).</summary>
    public const string Grid = "search: grid";

    /// <summary>Prefix of the quasi-random searches' names (proxy), one per Cranley-Patterson shift: "search: quasi-random 1", ….</summary>
    public const string QuasiRandom = "search: quasi-random";

    /// <summary>Experiment name of the batch-size sweep (proxy).</summary>
    public const string BatchSize = "3 batch size";

    /// <summary>Experiment name of the width comparison (full data, short runs).</summary>
    public const string Width = "5 width (full data)";

    /// <summary>Experiment name of the learning-rate confirmation (full data, short runs).</summary>
    public const string Rate = "5 rate (full data)";

    /// <summary>Experiment name of the schedule comparison (full data, short runs).</summary>
    public const string ScheduleStep = "5 schedule (full data)";

    /// <summary>Experiment name of the final run.</summary>
    public const string Final = "final";

    /// <summary>The batch-size rule: the largest batch whose validation loss is within this many nats of the sweep's best. 0.03.</summary>
    public const double BatchTolerance = 0.03;

    /// <summary>Experiment name of the quasi-random search with shift <paramref name="shift"/> (from 1).</summary>
    public static string QuasiRandomName(int shift) => $"{QuasiRandom} {shift}";
}

/// <summary>One setting of the final run and the logged measurement it comes from (lesson 07).</summary>
/// <param name="Setting">"learning rate", "batch size", …</param>
/// <param name="Value">The value, formatted.</param>
/// <param name="Source">The experiment and trial it comes from, with the validation figure that decided it.</param>
public sealed record RecipeSource(string Setting, string Value, string Source)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Setting} = {Value}: {Source}";
}

/// <summary>The final run's settings derived from one study's log (lesson 07), each with its source.</summary>
/// <param name="Hyperparameters">The settings of the final run, before its epoch budget is set.</param>
/// <param name="Sources">Where each setting comes from.</param>
public sealed record FinalRecipe(Hyperparameters Hyperparameters, IReadOnlyList<RecipeSource> Sources)
{
    /// <summary>Applies the workflow's rules to <paramref name="study"/> (one study's records, e.g.
    /// <c>log.Load().InStudy(log.Study)</c>): weight decay and dropout from the best search trial (grid and
    /// quasi-random, proxy); the batch size from the batch sweep (the largest within
    /// <see cref="TuningWorkflow.BatchTolerance"/> of its best); the width from the full-data width comparison; the
    /// learning rate from the full-data rate confirmation; the schedule from the full-data schedule comparison.
    /// Everything else (depth, optimizer, seed, …) is the rate confirmation's best trial's. Ties go to the earlier trial.</summary>
    /// <exception cref="InvalidOperationException">A step is missing from the study, or all its trials diverged.</exception>
    public static FinalRecipe FromLog(LogContents study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var search = Best(study.Records.Where(r => r.Experiment == TuningWorkflow.Grid || r.Experiment.StartsWith(TuningWorkflow.QuasiRandom, StringComparison.Ordinal)), "the searches (grid and quasi-random)");
        var batchTrials = Finite(study.Of(TuningWorkflow.BatchSize), TuningWorkflow.BatchSize);
        double bestBatchLoss = batchTrials.Min(r => r.FinalValidationLoss);
        var batch = batchTrials.Where(r => r.FinalValidationLoss <= bestBatchLoss + TuningWorkflow.BatchTolerance).MaxBy(r => r.Hyperparameters.BatchSize)!;
        var width = Best(study.Of(TuningWorkflow.Width), TuningWorkflow.Width);
        var rate = Best(study.Of(TuningWorkflow.Rate), TuningWorkflow.Rate);
        var schedule = Best(study.Of(TuningWorkflow.ScheduleStep), TuningWorkflow.ScheduleStep);

        var hp = rate.Hyperparameters.ToHyperparameters() with
        {
            WeightDecay = search.Hyperparameters.WeightDecay,
            Dropout = search.Hyperparameters.Dropout,
            BatchSize = batch.Hyperparameters.BatchSize,
            Width = width.Hyperparameters.Width,
            LearningRate = rate.Hyperparameters.LearningRate,
            Schedule = schedule.Hyperparameters.Schedule.ToSchedule(),
        };
        var sources = new List<RecipeSource>
        {
            new("weight decay", Hyperparameters.Fmt(hp.WeightDecay), From(search, "lowest validation loss of all search trials")),
            new("dropout", Hyperparameters.Fmt(hp.Dropout), From(search, "the same trial")),
            new("batch size", hp.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), From(batch, $"largest batch within {TuningWorkflow.BatchTolerance} nats of the sweep's best ({bestBatchLoss:0.####})")),
            new("width", hp.Width.ToString(System.Globalization.CultureInfo.InvariantCulture), From(width, "lowest validation loss of the width comparison")),
            new("learning rate", Hyperparameters.Fmt(hp.LearningRate), From(rate, "lowest validation loss of the rate confirmation")),
            new("schedule", hp.Schedule.ToString() ?? "", From(schedule, "lowest validation loss of the schedule comparison")),
        };
        return new FinalRecipe(hp, sources);
    }

    /// <summary>Checks the study's logged final trial against the recipe its other records give: the same settings,
    /// except the epoch budget and the stopping rule, which the final run sets itself. Returns the differences (empty when it matches).</summary>
    public static IReadOnlyList<string> Verify(LogContents study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var finals = study.Of(TuningWorkflow.Final);
        if (finals.Count != 1) return [$"the study has {finals.Count} final trials; expected exactly 1"];
        var expected = HyperparameterRecord.From(FromLog(study).Hyperparameters);
        var actual = finals[0].Hyperparameters;
        var differences = new List<string>();
        void Compare<T>(string name, T want, T got)
        {
            if (!EqualityComparer<T>.Default.Equals(want, got)) differences.Add($"{name}: the log's choices give {want}, the final trial used {got}");
        }
        Compare("learning rate", expected.LearningRate, actual.LearningRate);
        Compare("batch size", expected.BatchSize, actual.BatchSize);
        Compare("width", expected.Width, actual.Width);
        Compare("depth", expected.Depth, actual.Depth);
        Compare("weight decay", expected.WeightDecay, actual.WeightDecay);
        Compare("dropout", expected.Dropout, actual.Dropout);
        Compare("L1", expected.L1, actual.L1);
        Compare("optimizer", expected.Optimizer, actual.Optimizer);
        Compare("activation", expected.Activation, actual.Activation);
        Compare("normalization", expected.Normalization, actual.Normalization);
        Compare("residual", expected.Residual, actual.Residual);
        Compare("seed", expected.Seed, actual.Seed);
        Compare("schedule", expected.Schedule, actual.Schedule);
        Compare("augmentation", (expected.AugmentShift, expected.AugmentFlip, expected.AugmentNoise), (actual.AugmentShift, actual.AugmentFlip, actual.AugmentNoise));
        return differences;
    }

    private static List<TrialRecord> Finite(IEnumerable<TrialRecord> trials, string what)
    {
        var list = trials.Where(r => r.Status != TrialStatus.Diverged && double.IsFinite(r.FinalValidationLoss)).ToList();
        return list.Count > 0 ? list : throw new InvalidOperationException($"The study has no finished trial of {what}: run that step first.");
    }

    private static TrialRecord Best(IEnumerable<TrialRecord> trials, string what) =>
        Finite(trials, what).Aggregate((a, b) => b.FinalValidationLoss < a.FinalValidationLoss ? b : a);

    private static string From(TrialRecord r, string rule) =>
        $"{r.Experiment} #{r.Trial}, validation loss {r.FinalValidationLoss:0.####} (accuracy {r.FinalValidationAccuracy:0.###}): {rule}";

    /// <inheritdoc/>
    public override string ToString() => "the final recipe, from the log:\n" + string.Join("\n", Sources.Select(s => "  " + s));
}
