using HyperLab.Lessons.Lesson02;
using HyperLab.Studies;

namespace HyperLab.Tests.BadInput;

/// <summary>Option records refuse a bad value when it is set (object initializer or <c>with</c>) with a
/// <see cref="HyperparameterException"/>: field, value, valid range, a sensible start (docs/errors.md, "Option records").</summary>
public class OptionRecordTests
{
    private static HyperparameterException Refused(Func<object> make, string field)
    {
        var e = Assert.Throws<HyperparameterException>(make);
        Assert.Equal(field, e.Field);
        Assert.Contains("is not valid", e.Message);
        Assert.Contains("A sensible starting value is", e.Message);
        return e;
    }

    [Fact]
    public void ThroughputOptions_refuse_counts_out_of_range_also_through_with()
    {
        Assert.Equal("Repeats = 0 is not valid: Repeats must be a whole number from 1 to 1,000. A sensible starting value is 5.",
            Refused(() => new ThroughputOptions { Repeats = 0 }, "Repeats").Message);
        Refused(() => new ThroughputOptions() with { ExamplesPerRepeat = 0 }, "ExamplesPerRepeat");
        Refused(() => new ThroughputOptions { WarmupSteps = -1 }, "WarmupSteps");
        Refused(() => new ThroughputOptions { MinSteps = 0 }, "MinSteps");
        Refused(() => new ThroughputOptions { EpochExamples = 0 }, "EpochExamples");
        var fine = new ThroughputOptions { Repeats = 3, WarmupSteps = 0, EpochExamples = null };
        Assert.Equal(3, fine.Repeats);
        Assert.Equal(2048, fine.ExamplesPerRepeat);
    }

    [Fact]
    public void WorkerOptions_refuse_no_trials_a_non_positive_deadline_and_a_negative_hold()
    {
        Refused(() => new WorkerOptions { MaxTrials = 0 }, "MaxTrials");
        Refused(() => new WorkerOptions { Deadline = TimeSpan.Zero }, "Deadline");
        Assert.Contains("Hold = -00:00:01 is not valid", Refused(() => new WorkerOptions() with { Hold = TimeSpan.FromSeconds(-1) }, "Hold").Message);
        var fine = new WorkerOptions { MaxTrials = 3, Deadline = TimeSpan.FromMinutes(3), Hold = TimeSpan.Zero };
        Assert.Equal(3, fine.MaxTrials);
        Assert.Null(new WorkerOptions().MaxTrials);
    }
}
