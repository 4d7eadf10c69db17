using System.Globalization;
using HyperLab.Lessons.Exercises;
using HyperLab.Lessons.Lesson02;
using HyperLab.Sweeps;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson06;

/// <summary>
/// Expected answers of lesson 06's "Your turn" exercises, computed here (from the learner's own runs where the answer
/// depends on them) so that the notebook cell shows neither the answer nor a measurement before the learner has
/// answered. See <see cref="Exercise"/>.
/// </summary>
public static class Lesson06Answers
{
    /// <summary>Exercise 1: the best learning rate at a batch size the heatmap did not try, judged against a sweep of the
    /// heatmap's rates at that batch: right within <paramref name="factor"/>× of the sweep's best (default 2.2, one grid
    /// step of ×2.15 either way).</summary>
    /// <param name="sweep">The rate sweep at the new batch size.</param>
    /// <param name="linePredicts">What the fitted line through the heatmap's bests predicts there (shown in the feedback).</param>
    /// <param name="factor">Tolerance as a factor either way. Default 2.2.</param>
    public static Answer<double> BestRateAtBatch(SweepResult<double> sweep, double linePredicts, double factor = 2.2)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        double best = sweep.Best.Value;
        string Ratio(double v) => v >= best ? $"{(v / best).ToString("0.#", CultureInfo.InvariantCulture)}× above" : $"{(best / v).ToString("0.#", CultureInfo.InvariantCulture)}× below";
        string found = $"the sweep found {Hyperparameters.Fmt(best)} (grid step ×2.15), the fitted line predicts {Hyperparameters.Fmt(linePredicts)}";
        return new("myRate (a positive number)", v => v > 0 && v <= best * factor && v >= best / factor,
            v => $"Right: η = {Hyperparameters.Fmt(v)} is within {factor}× of the best ({Ratio(v)}): {found}.",
            v => v <= 0 || !double.IsFinite(v) ? "A rate is a positive number."
                : $"η = {Hyperparameters.Fmt(v)} is {Ratio(v)} the best: {found}. Read the ◆ of batches 128 and 512 and go between them on a log scale.");
    }

    /// <summary>Exercise 2: whether a run still trains (final validation loss below <paramref name="threshold"/> nats) after
    /// switching from AdamW to Adam + L2 at the same weight decay. <paramref name="switched"/> is that run.</summary>
    public static Answer<bool> StillTrains(History switched, double threshold = 1)
    {
        ArgumentNullException.ThrowIfNull(switched);
        bool trains = !switched.Diverged && switched.FinalValidationLoss < threshold;
        string loss = $"final validation loss {switched.FinalValidationLoss.ToString("0.###", CultureInfo.InvariantCulture)} nats";
        return new("stillTrains (true or false)", v => v == trains,
            _ => trains
                ? $"Right: it still trains ({loss}), though 0.3 is 30× the decay Adam + L2 liked in the heatmap above, on harder data."
                : $"Right: {loss}. With Adam + L2, a decay of 0.3 adds 0.3·w to every gradient, and Adam's normalization makes that penalty as loud as the loss's own gradient: the weights are held near zero.",
            _ => $"The run ended at {loss}. Under Adam + L2 the penalty λ·w is divided by Adam's gradient size √v̂ (lesson 05), so the same number means a much stronger decay than under AdamW.");
    }

    /// <summary>Exercise 3: the largest batch that fits in <paramref name="budgetBytes"/> for a network of
    /// <paramref name="hp"/>'s depth and width (lesson 02's memory estimate): right within 25 %.</summary>
    public static Answer<int> LargestBatch(int inputs, int classes, Hyperparameters hp, long budgetBytes)
    {
        ArgumentNullException.ThrowIfNull(hp);
        int expected = MemoryEstimate.LargestBatch(inputs, classes, hp, budgetBytes);
        string E(int v) => v.ToString("N0", CultureInfo.InvariantCulture);
        return new("myBatch (a positive whole number)", v => v > 0 && Math.Abs(v - expected) <= 0.25 * expected,
            v => $"Right (within 25%): the estimate gives {E(expected)}. Depth {hp.Depth} sits between the depths above; the batch that fits falls faster than 1/depth, because deeper networks also leave less of the budget after their weights, gradients and optimizer state.",
            v => v <= 0 ? "A batch is a positive whole number."
                : $"{E(v)} is {(v > expected ? "too large" : "too small")} by more than 25%. Activations per example ≈ {inputs} + {classes} + 2 × {E(hp.Width)} × depth values of 4 bytes; divide what the weights, gradients and Adam's two moving averages (16 bytes per parameter) leave of the budget by that.");
    }
}
