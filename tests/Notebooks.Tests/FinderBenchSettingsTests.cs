using Course.Benchmarks;

namespace Notebooks.Tests;

/// <summary><c>bench finder</c>'s environment settings: candidate corrections parse into budget rules, and a malformed
/// one is refused with the variable, the value, the format and an example (no benchmark runs here).</summary>
public class FinderBenchSettingsTests
{
    [Fact]
    public void Candidate_corrections_parse_into_rules_on_the_default()
    {
        var rules = FinderQualityBenchmark.Corrections("0.021,0.4,-0.4; 0.02,0,-0.4", out string? error);
        Assert.Null(error);
        Assert.Equal(2, rules.Count);
        Assert.Equal((0.021, 0.4, -0.4), (rules[0].CorrectionAt100, rules[0].CorrectionSlope, rules[0].EpochSlope));
        Assert.Equal(HyperLab.Finder.BudgetRule.Default.MaxTestSteps, rules[1].MaxTestSteps);
        Assert.Empty(FinderQualityBenchmark.Corrections("", out error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("0.02,0.4")]          // two numbers
    [InlineData("0.02,abc,0")]        // not a number
    [InlineData("0,0.5,0")]           // a must be positive
    [InlineData("0.02,0.5,9")]        // a slope out of range
    public void A_malformed_correction_is_refused_with_the_format_and_an_example(string text)
    {
        Assert.Empty(FinderQualityBenchmark.Corrections(text, out string? error));
        Assert.NotNull(error);
        Assert.Contains("FINDER_BENCH_CORRECTIONS", error);
        Assert.Contains(text, error);
        Assert.Contains("e.g. FINDER_BENCH_CORRECTIONS=", error);
    }

    [Fact]
    public void The_parts_are_the_documented_ones()
    {
        Assert.Equal(["references", "design", "design-seen", "ends", "kept-best", "halving", "report"], FinderQualityBenchmark.Parts);
    }
}
