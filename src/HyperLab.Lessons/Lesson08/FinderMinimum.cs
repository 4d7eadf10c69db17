using HyperLab.Data;
using HyperLab.Finder;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson08;

/// <summary>
/// "The finder's minimum is the best rate" (lesson 08): runs lesson 01's range test, then trains at the
/// rate of the curve's lowest (smoothed) point and at the valley suggestion, and compares the two runs.
/// </summary>
/// <param name="Finder">The range test.</param>
/// <param name="AtMinimum">The run at the minimum's rate.</param>
/// <param name="AtValley">The run at the valley rate.</param>
public sealed record FinderMinimum(FinderResult Finder, RunOutcome AtMinimum, RunOutcome AtValley)
{
    /// <summary>Runs the range test with <paramref name="hp"/> and trains the two runs (with <paramref name="options"/>, e.g. a
    /// notebook's live progress; default silent).</summary>
    /// <exception cref="InvalidOperationException">The range test stopped too early to read a curve.</exception>
    public static FinderMinimum Compare(Hyperparameters hp, DataSplits data, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hp);
        var finder = LearningRateFinder.Run(hp, data);
        var picks = finder.Suggestions ?? throw new InvalidOperationException($"The range test gave no curve to read: {finder}");
        RunOutcome Fit(double rate, string name)
        {
            using var run = Trainer.Fit(hp with { LearningRate = rate }, data, (options ?? new FitOptions()) with { Label = $"{name}, lr {Hyperparameters.Fmt(rate)}" });
            return new RunOutcome(run.History);
        }
        return new FinderMinimum(finder, Fit(RateAtMinimum(finder), "at the finder's minimum"), Fit(picks.Valley.Rate, "at the valley"));
    }

    /// <summary>The rate at the lowest point of the smoothed curve (ten times the minimum/10 suggestion).</summary>
    public static double RateAtMinimum(FinderResult finder)
    {
        ArgumentNullException.ThrowIfNull(finder);
        var picks = finder.Suggestions ?? throw new InvalidOperationException($"The range test gave no curve to read: {finder}");
        return finder.Rates[picks.MinimumOverTen.Index];
    }

    /// <summary>The run at the minimum ends with at least twice the valley run's validation loss (or diverges).</summary>
    public bool MinimumIsWorse => AtMinimum.Loss >= 2 * AtValley.Loss;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{AtMinimum}; {AtValley}: {(double.IsInfinity(AtMinimum.Loss) ? "diverged" : $"{AtMinimum.Loss / AtValley.Loss:0.#}× the loss")}";
}
