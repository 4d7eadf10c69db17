using HyperLab.Finder;
using HyperLab.Lessons.Lesson01;

namespace HyperLab.Tests.Finder;

public class SuggestionsTests
{
    private static readonly FinderSettings Settings = new();
    private static readonly double[] Rates = Enumerable.Range(0, 100).Select(Settings.RateAt).ToArray();

    /// <summary>A clean range-test curve: flat at 2.3 for tiny rates, falling to about 0.5 around 1e-2, exploding above 0.3.</summary>
    private static double[] Clean() => Rates.Select(r =>
    {
        double x = Math.Log10(r);
        double fall = 2.3 - 1.8 / (1 + Math.Exp(-2.5 * (x + 3)));
        return x > -0.5 ? fall * Math.Exp(3 * (x + 0.5)) : fall;
    }).ToArray();

    [Fact]
    public void Smoothing_is_bias_corrected()
    {
        var s = Smoothing.BiasCorrected([2.0, 2.0, 2.0, 2.0], 0.98);
        Assert.All(s, v => Assert.Equal(2.0, v, 12));               // no pull towards 0 at the start
        var t = Smoothing.BiasCorrected([1.0, 3.0], 0.5);
        Assert.Equal(1.0, t[0], 12);
        Assert.Equal((0.5 * 0.5 + 0.5 * 3) / (1 - 0.25), t[1], 12);
        Assert.True(double.IsNaN(Smoothing.BiasCorrected([1.0, double.NaN, 1.0])[2]));
    }

    [Fact]
    public void Suggestions_lie_on_the_descent_of_a_clean_curve()
    {
        var losses = Clean();
        var s = Suggestions.All(Rates, losses)!;
        Assert.InRange(s.Valley.Rate, 1e-4, 1e-2);
        Assert.InRange(s.Steepest.Rate, 3e-4, 3e-3);                 // the inflection is at 1e-3
        int min = Array.IndexOf(losses, losses.Min());
        Assert.Equal(Rates[min] / 10, s.MinimumOverTen.Rate, 12);
        Assert.True(s.Steepest.Index <= min);
    }

    [Fact]
    public void An_early_spike_fools_the_naive_pick_but_not_the_smoothed_ones()
    {
        var raw = Clean();
        raw[12] = 6.0;                                                // one unlucky mini-batch at a rate of about 1e-6
        var naive = NaiveSteepest.Suggest(Rates, raw);
        Assert.Equal(12, naive.Index);                                // the drop right after the spike looks "steepest"
        var smoothed = Smoothing.BiasCorrected(raw, 0.98);
        var clean = Suggestions.All(Rates, Smoothing.BiasCorrected(Clean(), 0.98))!;
        var spiked = Suggestions.All(Rates, smoothed)!;
        Assert.InRange(spiked.Steepest.Rate / clean.Steepest.Rate, 1 / 1.5, 1.5);
        Assert.InRange(spiked.Valley.Rate / clean.Valley.Rate, 1 / 1.5, 1.5);
        Assert.InRange(spiked.Steepest.Rate, 1e-4, 1e-1);
    }

    [Fact]
    public void The_curve_is_cut_at_the_first_NaN()
    {
        var losses = Clean();
        for (int i = 70; i < losses.Length; i++) losses[i] = double.NaN;
        var (from, to) = Suggestions.Usable(Rates, losses, 10, 5);
        Assert.Equal((10, 65), (from, to));
        var s = Suggestions.All(Rates, losses)!;
        Assert.All(s.All, p => Assert.True(p.Index < 65));
    }

    [Fact]
    public void Too_short_a_curve_gives_no_suggestion()
    {
        Assert.Null(Suggestions.All(Rates[..4], [2.3, 2.3, double.NaN, double.NaN]));
        Assert.Throws<ArgumentException>(() => Suggestions.Valley(Rates[..3], [2.3, double.NaN, 1]));
    }

    [Fact]
    public void Rates_grow_exponentially_from_start_to_end()
    {
        Assert.Equal(1e-7, Rates[0], 15);
        Assert.Equal(10, Rates[^1], 9);
        double factor = Rates[1] / Rates[0];
        Assert.All(Enumerable.Range(1, 99), i => Assert.Equal(factor, Rates[i] / Rates[i - 1], 9));
        Assert.Throws<HyperparameterException>(() => new FinderSettings { Smoothing = 1 });
        Assert.Throws<HyperparameterException>(() => new FinderSettings { StopFactor = 1 });
    }

    [Fact]
    public void Spread_reports_median_range_and_factor_on_a_log_scale()
    {
        var s = new SuggestionSpread("valley", [1e-3, 4e-3, 2e-3]);
        Assert.Equal(2e-3, s.Median, 15);
        Assert.Equal(4.0, s.Factor, 12);
        Assert.Equal(Math.Sqrt(1e-3 * 4e-3), new SuggestionSpread("valley", [1e-3, 4e-3]).Median, 15);
    }
}
