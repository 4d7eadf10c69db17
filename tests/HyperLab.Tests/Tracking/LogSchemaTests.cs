using HyperLab.Charts;
using HyperLab.Tracking;
using HyperLab.Tuning;

namespace HyperLab.Tests.Tracking;

/// <summary>Lines of another schema are reported and skipped, never loaded as records with empty fields.</summary>
public class LogSchemaTests
{
    private static ExperimentLog WithLines(params string[] lines)
    {
        var log = new ExperimentLog(TrackingData.TempLog());
        Directory.CreateDirectory(Path.GetDirectoryName(log.Path)!);
        File.WriteAllText(log.Path, string.Join("\n", lines) + "\n");
        return log;
    }

    private static string Good(int trial) => System.Text.Json.JsonSerializer.Serialize(ChildProcess.Synthetic("good", trial), ExperimentLog.Json);

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"run_id\": \"a1b2c3\", \"experiment_id\": \"0\", \"params\": {\"lr\": \"0.001\"}, \"metrics\": {\"accuracy\": 0.91}, \"status\": \"FINISHED\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"Kind\": \"checkpoint\", \"Path\": \"model.ckpt\"}")]
    [InlineData("{\"Experiment\": \"x\", \"Trial\": 1}")]
    [InlineData("{\"Schema\": 99, \"Experiment\": \"x\", \"Trial\": 1}")]
    public void A_foreign_line_among_good_ones_is_skipped_with_its_line_number(string foreign)
    {
        var log = WithLines(Good(1), foreign, Good(2));
        var read = log.Load();
        Assert.Equal([1, 2], read.Records.Select(r => r.Trial));
        var skipped = Assert.Single(read.Skipped);
        Assert.Equal(2, skipped.LineNumber);
        Assert.False(skipped.IsLastLine);
        Assert.Contains("line 2", read.ToString());
        // Nothing downstream meets a half-empty record.
        Assert.Equal(2, read.Table().Count);
        Assert.NotNull(Plot.ParallelCoordinates(read.Records));
        Assert.All(read.Records, r => Assert.False(string.IsNullOrEmpty(r.ToString())));
    }

    [Fact]
    public void A_log_of_only_foreign_lines_has_no_records_and_says_why()
    {
        var read = WithLines("{}", "{\"run_id\": \"x\"}").Load();
        Assert.Empty(read.Records);
        Assert.Equal([1, 2], read.Skipped.Select(s => s.LineNumber));
        Assert.Contains("missing Experiment", read.Skipped[0].Reason);
        Assert.Contains("another tool", read.Skipped[1].Reason);
    }

    [Fact]
    public void A_newer_schema_is_refused_with_the_version()
    {
        var line = Good(1).Replace("\"Schema\":1", "\"Schema\":7", StringComparison.Ordinal);
        Assert.Contains("\"Schema\":7", line);
        var skipped = Assert.Single(WithLines(line).Load().Skipped);
        Assert.Contains("schema 7", skipped.Reason);
    }

    [Fact]
    public void An_older_record_without_data_or_environment_loads_and_a_rerun_says_what_is_missing()
    {
        // A version-1 line: no Schema, no Kind, no Study, and here no Data or Environment either.
        var old = ChildProcess.Synthetic("old", 1);
        string line = System.Text.Json.JsonSerializer.Serialize(old, ExperimentLog.Json)
            .Replace(",\"Kind\":\"trial\"", "", StringComparison.Ordinal).Replace(",\"Study\":null", "", StringComparison.Ordinal)
            .Replace(",\"Schema\":1", "", StringComparison.Ordinal).Replace("\"Data\":null,", "", StringComparison.Ordinal).Replace(",\"Environment\":null", "", StringComparison.Ordinal);
        Assert.DoesNotContain("Data", line);
        var read = WithLines(line).Load();
        var record = Assert.Single(read.Records);
        Assert.Empty(read.Skipped);
        Assert.Single(read.Table());                                   // listing it works; only a rerun needs the data
        Assert.NotNull(Plot.ParallelCoordinates(read.Records));
        Assert.Contains("old #1", record.ToString());
        Assert.Null(record.Data);
        Assert.Null(record.Environment);
        Assert.Equal(1, record.Schema);
        var e = Assert.Throws<IncompleteTrialRecordException>(() => Reproduction.Rerun(record));
        Assert.Contains("no Data", e.Message);
        Assert.Contains("no Environment", e.Message);
        Assert.Equal(2, e.Missing.Count);

        var withEnvironment = record with { Environment = RunEnvironment.Current };
        var onlyData = Assert.Throws<IncompleteTrialRecordException>(() => Reproduction.Rerun(withEnvironment));
        Assert.Single(onlyData.Missing);
        Assert.DoesNotContain("Environment", onlyData.Message);
    }

    [Fact]
    public void Studies_number_their_runs_and_views_filter_by_study()
    {
        var log = new ExperimentLog(TrackingData.TempLog());
        var first = log.BeginStudy("07-seed0");
        var second = log.BeginStudy("07-seed0");
        var other = log.BeginStudy("07-seed1");
        Assert.Equal("07-seed0-run1", first.Study);
        Assert.Equal("07-seed0-run2", second.Study);
        Assert.Equal("07-seed1-run1", other.Study);
        first.Append(ChildProcess.Synthetic("a", 1));
        second.Append(ChildProcess.Synthetic("a", 1));
        second.Append(ChildProcess.Synthetic("a", 2));
        var all = log.Load();
        Assert.Equal(3, all.Records.Count);
        Assert.Equal(3, all.Studies.Count);
        Assert.Single(all.InStudy("07-seed0-run1").Records);
        Assert.Equal(2, all.InStudy("07-seed0-run2").Table().Count);
        Assert.Equal("07-seed0-run2", log.OpenStudy("07-seed0-run2").Study);
        Assert.Throws<ArgumentException>(() => log.OpenStudy("07-seed9-run1"));
    }
}
