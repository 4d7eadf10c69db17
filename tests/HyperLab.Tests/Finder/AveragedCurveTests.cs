using HyperLab.Finder;

namespace HyperLab.Tests.Finder;

public class AveragedCurveTests
{
    private static readonly FinderSettings Settings = new();

    /// <summary>A range-test curve from 1e-7 to 10: flat, a descent centred on 1e-3, a cliff above 0.3,
    /// plus seeded mini-batch noise; cut where it first exceeds 4× its minimum (as the test stops).</summary>
    private static FinderResult Curve(int seed, double noise, int steps = 100)
    {
        var random = new Random(seed);
        var rates = Enumerable.Range(0, steps).Select(Settings.RateAt).ToList();
        var raw = rates.Select(r =>
        {
            double x = Math.Log10(r), fall = 2.3 - 1.8 / (1 + Math.Exp(-2.5 * (x + 3)));
            return (x > -0.5 ? fall * Math.Exp(3 * (x + 0.5)) : fall) * (1 + noise * (random.NextDouble() - 0.5));
        }).ToList();
        var smooth = Smoothing.BiasCorrected(raw, Settings.Smoothing);
        return new FinderResult($"seed {seed}", new Hyperparameters { Seed = seed }, Settings, rates, raw, smooth, FinderStop.ReachedEndRate, 0);
    }

    [Fact]
    public void The_averaged_curve_is_the_mean_of_the_smoothed_curves_up_to_the_shortest()
    {
        var a = Curve(0, 0.4);
        var b = Curve(1, 0.4) with { Rates = Curve(1, 0.4).Rates.Take(90).ToList(), Losses = Curve(1, 0.4).Losses.Take(90).ToList(), SmoothedLosses = Curve(1, 0.4).SmoothedLosses.Take(90).ToList() };
        var (rates, losses) = AveragedCurve.Of([a, b]);
        Assert.Equal(90, losses.Length);
        Assert.Equal((a.SmoothedLosses[42] + b.SmoothedLosses[42]) / 2, losses[42], 12);
        Assert.Equal(a.Rates[89], rates[89]);
    }

    [Fact]
    public void The_valley_of_the_averaged_curve_is_read_from_the_pointwise_mean_and_lies_on_the_descent()
    {
        foreach (int seed in new[] { 0, 10, 20, 30 })
        {
            var runs = Enumerable.Range(seed, 3).Select(s => Curve(s, 0.6)).ToList();
            var averaged = AveragedCurve.Valley(runs)!;
            var mean = Enumerable.Range(0, 100).Select(i => runs.Average(r => r.SmoothedLosses[i])).ToArray();
            Assert.Equal(Suggestions.Valley(runs[0].Rates, mean).Rate, averaged.Rate);
            Assert.InRange(averaged.Rate, 1e-4, 1e-2);                   // the descent is centred on 1e-3
        }
    }

    [Fact]
    public void Runs_with_different_settings_cannot_be_averaged()
    {
        var other = Curve(1, 0.1) with { Settings = Settings with { StartRate = 1e-6 } };
        Assert.Throws<ArgumentException>(() => AveragedCurve.Of([Curve(0, 0.1), other]));
    }
}
