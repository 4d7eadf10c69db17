using HyperLab.Tuning;

namespace HyperLab.Tests.Tuning;

public class SearchSpaceTests
{
    private static readonly SearchSpace Space = new(
        SearchDimension.Log("lr", 1e-4, 1e-1, (hp, v) => hp with { LearningRate = v }),
        SearchDimension.Log("wd", 1e-6, 1e-2, (hp, v) => hp with { WeightDecay = v }),
        SearchDimension.Linear("dropout", 0, 0.5, (hp, v) => hp with { Dropout = v }));

    [Fact]
    public void A_grid_repeats_few_values_per_dimension_quasi_random_tries_a_new_one_every_trial()
    {
        var grid = Space.Grid(2);
        var quasi = Space.QuasiRandom(8, seed: 0);
        Assert.Equal(8, grid.Count);
        Assert.Equal(2, grid.Select(p => p["lr"]).Distinct().Count());
        Assert.Equal(8, quasi.Select(p => p["lr"]).Distinct().Count());
        Assert.All(quasi, p => Assert.InRange(p["lr"], 1e-4, 1e-1));
        Assert.All(quasi, p => Assert.InRange(p["dropout"], 0, 0.5));
        Assert.Equal(Math.Pow(10, -4 + 3 * 0.25), grid[0]["lr"], 12);   // log scale: cell centres in decades
    }

    [Fact]
    public void A_point_applies_every_value()
    {
        var p = Space.QuasiRandom(3, seed: 5)[2];
        var hp = p.ApplyTo(new Hyperparameters(), Space);
        Assert.Equal(p["lr"], hp.LearningRate);
        Assert.Equal(p["wd"], hp.WeightDecay);
        Assert.Equal(p["dropout"], hp.Dropout);
    }

    // Bergstra and Bengio's argument on a known objective: only the learning rate matters, with
    // its best value at lr*; the score of a set of trials is its best distance to lr* in decades.
    private static double BestDistance(IEnumerable<SearchPoint> points, double best) =>
        points.Min(p => Math.Abs(Math.Log10(p["lr"] / best)));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void When_one_dimension_of_three_matters_quasi_random_gets_closer_to_its_optimum_than_a_grid_of_the_same_size(int seed)
    {
        var random = new Random(seed);
        int wins = 0, trials = 200;
        for (int i = 0; i < trials; i++)
        {
            double best = Math.Pow(10, -4 + 3 * random.NextDouble());
            if (BestDistance(Space.QuasiRandom(8, seed * 1000 + i), best) < BestDistance(Space.Grid(2), best)) wins++;
        }
        Assert.True(wins > 0.75 * trials, $"quasi-random closer in {wins} of {trials} draws of lr*");
    }

    [Fact]
    public void The_comparison_can_fail_an_optimum_on_a_grid_value_favours_the_grid()
    {
        double onGrid = Space.Grid(2)[0]["lr"];
        Assert.Equal(0, BestDistance(Space.Grid(2), onGrid), 12);
        Assert.True(BestDistance(Space.QuasiRandom(8, 0), onGrid) > 0);
    }

    [Fact]
    public void Ranges_are_checked()
    {
        Assert.Equal("Low", Assert.Throws<HyperparameterException>(() => SearchDimension.Log("lr", 0, 1, (hp, v) => hp)).Field);
        Assert.Equal("High", Assert.Throws<HyperparameterException>(() => SearchDimension.Linear("x", 1, 1, (hp, v) => hp)).Field);
        var twice = Assert.Throws<HyperparameterException>(() => new SearchSpace(Space.Dimensions[0], Space.Dimensions[0]));
        Assert.Equal("Dimensions[1].Name", twice.Field);
        Assert.Contains($"Dimensions[1].Name = {Space.Dimensions[0].Name} is not valid", twice.Message);
        Assert.Contains("a name no other dimension of the search space has", twice.Message);
    }

    private static readonly SearchDimension Rate = SearchDimension.Log("lr", 1e-4, 1e-1, (hp, v) => hp with { LearningRate = v });

    private static HyperparameterException Refused(Func<object> make, string field, string range)
    {
        var e = Assert.Throws<HyperparameterException>(make);
        Assert.Equal(field, e.Field);
        Assert.Contains(range, e.Message);
        Assert.Contains("A sensible starting value is", e.Message);
        return e;
    }

    [Fact]
    public void With_cannot_slip_a_bad_range_past_the_checks()
    {
        Refused(() => Rate with { Low = 0 }, "Low", "above 0 on a log scale");
        Refused(() => Rate with { Low = -1 }, "Low", "above 0 on a log scale");
        Refused(() => Rate with { High = 1e-5 }, "High", "above Low (1e-4)");
        Refused(() => Rate with { High = double.PositiveInfinity }, "High", "a finite number");
        Refused(() => Rate with { Low = double.NaN }, "Low", "a finite number");
        Refused(() => Rate with { Low = 1 }, "Low", "below High (0.1)");
        Refused(() => SearchDimension.Linear("dropout", 0, 0.5, (hp, v) => hp) with { LogScale = true }, "Low", "above 0 on a log scale");
        Refused(() => SearchDimension.Linear("x", 0, double.PositiveInfinity, (hp, v) => hp), "High", "a finite number");
        Refused(() => Rate with { Name = " " }, "Name", "non-blank");
        Refused(() => Rate with { Apply = null! }, "Apply", "set (not null)");
        var empty = Refused(() => new SearchSpace(Rate) with { Dimensions = [] }, "Dimensions", "must be 1 to 12 dimensions");
        Assert.StartsWith("Dimensions = 0 dimensions is not valid", empty.Message);
        Assert.StartsWith("new SearchSpace(SearchDimension.Log(", empty.Suggestion);
        Refused(() => new SearchSpace(Rate, null!), "Dimensions[1]", "set (not null)");
    }

    [Fact]
    public void Moving_both_ends_works_in_the_order_the_message_gives()
    {
        var e = Refused(() => Rate with { Low = 1, High = 10 }, "Low", "below High");
        Assert.Contains("set High first", e.Message);
        var moved = Rate with { High = 10, Low = 1 };
        Assert.Equal((1.0, 10.0), (moved.Low, moved.High));
        Assert.Equal("lr in [1, 10] (log scale)", moved.ToString());
    }
}
