namespace Notebooks.Tests;

/// <summary>COURSE_TEST_SEEDS gives one notebook test case per (notebook, seed).</summary>
public class SeedListTests
{
    [Theory]
    [InlineData(null, new[] { 0 })]
    [InlineData("", new[] { 0 })]
    [InlineData("7", new[] { 7 })]
    [InlineData("0,1,7", new[] { 0, 1, 7 })]
    [InlineData(" 0 , 2,,2 ", new[] { 0, 2 })]
    public void Seeds_are_read_from_a_comma_separated_list(string? list, int[] expected) =>
        Assert.Equal(expected, LessonNotebooks.Seeds(list));

    [Fact]
    public void A_seed_that_is_not_a_number_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() => LessonNotebooks.Seeds("0,one"));
        Assert.Contains("\"one\" is not a whole number", e.Message);
    }

    [Fact]
    public void There_is_one_case_per_notebook_and_seed()
    {
        var rows = LessonNotebooks.FileNames().ToList();
        var seeds = LessonNotebooks.Seeds(Environment.GetEnvironmentVariable(LessonNotebooks.SeedsVariable));
        Assert.NotEmpty(LessonNotebooks.Paths);
        Assert.Equal(LessonNotebooks.Paths.Count * seeds.Count, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => ((string)r[0], (int)r[1])).Distinct().Count());
    }
}
