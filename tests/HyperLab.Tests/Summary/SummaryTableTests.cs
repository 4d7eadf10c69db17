using HyperLab.Lessons.Summary;
using HyperLab.Tests.Claims;

namespace HyperLab.Tests.Summary;

/// <summary>The summary table reads its numbers from a results folder (COURSE_RESULTS pointed at a temporary folder).</summary>
public sealed class SummaryTableTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"hyperlab-results-{Guid.NewGuid():N}");
    private readonly string? previous = Environment.GetEnvironmentVariable(CourseResults.FolderVariable);

    public SummaryTableTests() => Environment.SetEnvironmentVariable(CourseResults.FolderVariable, folder);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(CourseResults.FolderVariable, previous);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Rows_show_the_recorded_numbers_and_name_the_lesson_to_run_for_missing_ones()
    {
        CourseResults.Record(Measured.BestAdamRate, 3.16e-3, "learning rate", "best AdamW rate of the sweep", seed: 2);
        CourseResults.Record(Measured.BestTableDepth, 2, "hidden layers", "best depth on breast cancer", seed: 2);

        var table = SummaryTable.Load();

        Assert.Equal(["Learning rate", "Batch size", "Epochs", "Network depth", "Regularization strength", "All five, tuned together"], table.Rows.Select(r => r.Definition.Name));
        var rate = table.Rows[0];
        Assert.Equal(3.16e-3, rate.Measured.Single().Value);
        Assert.Contains(Measured.BestSgdRate, rate.Missing);
        Assert.True(table.Rows[3].Complete);
        Assert.Equal(["01", "02", "03", "05", "06", "07"], table.MissingLessons);
        string md = table.ToMarkdown();
        Assert.Contains("3.16e-3", md);
        Assert.Contains("(01-learning-rate.ipynb)", md);
        Assert.Contains("run lesson 05 first", md);
        var check = table.CheckAgainst(CourseResults.Load());
        Assert.True(check.Holds, check.ToString());
        Assert.Equal(2, check.Shown);
    }

    [Fact]
    public void With_no_results_file_every_row_says_which_lesson_to_run_and_no_number_is_invented()
    {
        var table = SummaryTable.Load();

        Assert.Empty(table.Shown);
        Assert.All(table.Rows, r => Assert.NotEmpty(r.Missing));
        Assert.Equal(["01", "02", "03", "04", "05", "06", "07"], table.MissingLessons);
        Assert.True(table.CheckAgainst(CourseResults.Load()).Holds);
    }

    [Fact]
    [NegativeControl("08.11")]
    public void A_number_that_is_not_in_the_results_file_fails_the_check()
    {
        CourseResults.Record(Measured.EarlyStopEpoch, 9, "epoch", "epoch early stopping kept", seed: 0);
        var typedIn = new Measurement(Measured.BestAdamRate, 1e-3, "learning rate", "typed in by hand", 0, DateTime.UtcNow);

        var table = SummaryTable.Build(CourseResults.Load().Append(typedIn));
        var check = table.CheckAgainst(CourseResults.Load());

        Assert.False(check.Holds);
        Assert.Equal([Measured.BestAdamRate], check.NotInFile);
        Assert.Contains("except 01.best-adam-rate", check.ToString());
    }

    [Fact]
    public void A_table_built_before_a_lesson_re_recorded_its_number_fails_the_check()
    {
        CourseResults.Record(Measured.EarlyStopEpoch, 9, "epoch", "epoch early stopping kept", seed: 0);
        var table = SummaryTable.Load();
        CourseResults.Record(Measured.EarlyStopEpoch, 12, "epoch", "epoch early stopping kept", seed: 1);

        Assert.False(table.CheckAgainst(CourseResults.Load()).Holds);
        Assert.True(SummaryTable.Load().CheckAgainst(CourseResults.Load()).Holds);
    }

    [Fact]
    public void Every_row_key_is_a_known_measurement_of_an_existing_lesson()
    {
        var keys = typeof(Measured).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        foreach (var row in SummaryRows.Definitions)
            foreach (var key in row.Keys)
            {
                Assert.Contains(key, keys);
                Assert.EndsWith(".ipynb", LessonFiles.File(LessonFiles.Of(key)));
            }
        Assert.Throws<ArgumentException>(() => LessonFiles.File("09"));
    }
}

/// <summary>Every key the summary table shows has a short name for its "not measured yet" cells.</summary>
public class MeasurementNamesTests
{
    [Fact]
    public void Every_key_of_the_table_has_a_name()
    {
        foreach (var key in SummaryRows.Definitions.SelectMany(d => d.Keys))
            Assert.NotEqual(key, MeasurementNames.Of(key));
        Assert.Equal("09.unknown", MeasurementNames.Of("09.unknown"));
    }
}
