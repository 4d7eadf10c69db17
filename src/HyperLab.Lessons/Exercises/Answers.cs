using System.Globalization;
using HyperLab.Diagnosis;
using HyperLab.Sweeps;
using HyperLab.Training;

namespace HyperLab.Lessons.Exercises;

/// <summary>
/// Expected answers of the "Your turn" exercises of lessons 00-04, computed here (from the learner's own run where the
/// answer depends on it) so that the notebook cell does not show them. See <see cref="Exercise"/>.
/// </summary>
public static class Answers
{
    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>An exact whole number, e.g. a parameter count or a number of updates.</summary>
    /// <param name="blank">What to fill in, e.g. "myCount".</param>
    /// <param name="expected">The right number.</param>
    /// <param name="why">The reasoning shown with a right answer.</param>
    /// <param name="hint">How to get there, shown with a wrong answer (without the number).</param>
    public static Answer<long> Exactly(string blank, long expected, string why, string hint) =>
        new(blank, v => v == expected, v => $"Right: {N(v)}. {why}",
            v => $"{N(v)} is off by {N(Math.Abs(v - expected))}{(v > expected ? " (too many)" : " (too few)")}. {hint}");

    /// <summary>An answer outside the exercise's range: never right, and the hint says what is valid.</summary>
    public static Answer<T> Invalid<T>(string message) where T : struct => new("your answer", _ => false, _ => "", _ => message);

    /// <summary>Lesson 00/04: the parameter count of an MLP with <paramref name="depth"/> hidden layers of <paramref name="width"/> units.</summary>
    public static Answer<long> ParameterCount(int inputs, int classes, int depth, int width)
    {
        long expected = Models.Mlp.CountParameters(inputs, classes, new Hyperparameters { Depth = depth, Width = width });
        string layers = depth == 0 ? $"{inputs}→{classes}" : $"{inputs}→{width}, {(depth > 1 ? $"{depth - 1} × {width}→{width}, " : "")}{width}→{classes}";
        return Exactly("myCount (a whole number)", expected,
            $"Each layer has inputs × outputs weights and one bias per output: {layers}.",
            $"Count each layer's weights (n·m) and biases (m), for {layers}, and add them up.");
    }

    /// <summary>Lesson 00: whether a freshly initialized model (loss <paramref name="loss"/>, <paramref name="classes"/> classes)
    /// starts within 10 % of ln C.</summary>
    public static Answer<bool> StartsNearChance(double loss, int classes)
    {
        var c = new ChanceLoss(loss, classes);
        string measured = $"it starts at {loss:0.###}, {(c.Holds ? "within" : "outside")} 10% of ln {classes} = {c.LnC:0.###}";
        return new("myPrediction (true or false)", v => v == c.Holds,
            _ => $"Right: {measured}. The seed changes every weight, but small random weights give nearly uniform outputs whatever the draw, so the first loss stays near ln C.",
            _ => $"Not this time: {measured}. " + (c.Holds
                ? "With small random weights the outputs are near uniform whatever the seed, so the first loss stays near ln C."
                : "Did you change the model? The default initialization should start near ln C."));
    }

    /// <summary>Lesson 01: a rate read off the finder, judged by a run at that rate against the smoothed best of a sweep
    /// (the lowest value of the 3-point moving average of the sweep's final losses, not its single luckiest run).
    /// Right when the run did not diverge and ends within <paramref name="tolerance"/> nats of that reference.</summary>
    public static Answer<double> RateFromFinder(History atYourRate, SweepResult<double> sweep, double tolerance = 0.03)
    {
        ArgumentNullException.ThrowIfNull(atYourRate);
        var (reference, around) = SmoothedBest(sweep);
        double gap = atYourRate.FinalValidationLoss - reference;
        return new("myRate (a positive number read off the finder chart)",
            v => v > 0 && !atYourRate.Diverged && gap <= tolerance,
            v => $"η = {Hyperparameters.Fmt(v)} ends at validation loss {atYourRate.FinalValidationLoss:0.###}, within {tolerance} nats of the sweep's smoothed best {reference:0.###} (around η = {Hyperparameters.Fmt(around)}): a near-best rate for the price of one range test.",
            v => v <= 0 ? "A rate is a positive number." : atYourRate.Diverged
                ? $"η = {Hyperparameters.Fmt(v)} diverged: you read the rate from the cliff, where the loss already rises. Step back to the middle of the steep descent."
                : $"η = {Hyperparameters.Fmt(v)} ends at validation loss {atYourRate.FinalValidationLoss:0.###}, {gap:0.###} nats above the sweep's smoothed best ({reference:0.###} around η = {Hyperparameters.Fmt(around)}). " +
                  (v < around ? "Your rate is lower: move right, towards the middle of the steep descent." : "Your rate is higher: move left, away from the minimum, where the loss is about to turn up."));
    }

    /// <summary>The lowest 3-point moving average of a sweep's final validation losses (diverged runs count as +∞) and
    /// the grid value at its centre: a reference less flattered by one lucky run than the single lowest loss.</summary>
    public static (double Loss, double Rate) SmoothedBest(SweepResult<double> sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var loss = sweep.Points.Select(p => p.History.Diverged || !double.IsFinite(p.History.FinalValidationLoss) ? double.PositiveInfinity : p.History.FinalValidationLoss).ToList();
        if (loss.Count < 3) return (loss.Min(), sweep.Best.Value);
        int best = Enumerable.Range(1, loss.Count - 2).MinBy(i => (loss[i - 1] + loss[i] + loss[i + 1]) / 3);
        return ((loss[best - 1] + loss[best] + loss[best + 1]) / 3, sweep.Points[best].Value);
    }

    /// <summary>Lesson 01: the largest rate at which gradient descent on <paramref name="bowl"/> still converges. The answer
    /// is judged by walking the bowl 200 steps at 5 % below and 5 % above it: right when the first walk does not diverge
    /// and the second does (so the answer lies within about ±5 % of the true limit).</summary>
    public static Answer<double> StabilityLimit(Lesson01.QuadraticBowl bowl)
    {
        ArgumentNullException.ThrowIfNull(bowl);
        Lesson01.DescentPath Walk(double rate) => Lesson01.GradientDescent.Run(bowl, rate, steps: 200);
        bool Edge(double v) => v > 0 && double.IsFinite(v) && !Walk(0.95 * v).Diverges && Walk(1.05 * v).Diverges;
        string Walks(double v) => $"at 0.95 × {Hyperparameters.Fmt(v)} the walk {Walk(0.95 * v).Outcome.ToString().ToLowerInvariant()}, at 1.05 × it {Walk(1.05 * v).Outcome.ToString().ToLowerInvariant()}";
        return new("myLimit (a positive number)", Edge,
            v => $"Right: η = {Hyperparameters.Fmt(v)} is the edge: {Walks(v)}. The steepest direction decides: 2/λ with the larger λ.",
            v => v > 0 && double.IsFinite(v) ? $"Not the edge: {Walks(v)}. Each step multiplies a coordinate by (1 − η·λ): which of the two curvatures limits the step?" : "A rate is a positive number.");
    }

    /// <summary>Lesson 02: a rate for a small batch by the linear scaling rule from a reference (batch, rate); right
    /// within <paramref name="factor"/>× (default 2) of the rule's rate. The learner's run is trained for the feedback,
    /// not for the verdict.</summary>
    public static Answer<double> LinearRule(int referenceBatch, double referenceRate, int batch, double factor = 2)
    {
        double rule = Lesson02.RateScaling.Linear(referenceBatch, referenceRate).RateFor(batch);
        return new("myRate (a positive number)", v => v > 0 && v <= rule * factor && v >= rule / factor,
            v => $"Right: lr {Hyperparameters.Fmt(v)} is within {factor}× of the linear rule, {Hyperparameters.Fmt(referenceRate)} × {batch}/{referenceBatch}.",
            v => v <= 0 ? "A rate is a positive number."
                : $"lr {Hyperparameters.Fmt(v)} is more than {factor}× {(v > rule ? "above" : "below")} what the linear rule gives. The batch is {(double)referenceBatch / batch:0.#}× smaller than the reference: scale the rate by the same factor.");
    }

    /// <summary>Lesson 02: activation memory in MB, right within <paramref name="factor"/>× (default 1.1).</summary>
    public static Answer<double> Megabytes(double expectedMegabytes, double factor = 1.1) =>
        new("myMegabytes (a positive number, in MB)", v => v > 0 && v <= expectedMegabytes * factor && v >= expectedMegabytes / factor,
            v => $"Right: about {expectedMegabytes:0.#} MB (batch × activations per example × 4 bytes).",
            v => v <= 0 ? "Memory is a positive number of MB." : $"{v:0.#} MB is {(v > expectedMegabytes ? "too much" : "too little")}: activations per example are the sum of every layer's outputs (count each hidden layer twice: before and after the activation function), times the batch, times 4 bytes.");

    /// <summary>Lesson 03: updates in <paramref name="epochs"/> epochs of <paramref name="examples"/> examples in batches of <paramref name="batch"/>.</summary>
    public static Answer<long> Updates(int examples, int batch, int epochs)
    {
        var plan = new Lesson02.UpdatePlan(examples, batch);
        return Exactly("myUpdates (a whole number)", plan.Updates(epochs),
            $"{epochs} × ⌈{N(examples)} / {batch}⌉: the ragged last batch is an update too.",
            "Updates: epochs × ⌈N / B⌉, rounding up because the ragged last batch is an update too.");
    }

    /// <summary>Lesson 03: examples seen in <paramref name="epochs"/> epochs of <paramref name="examples"/> examples.</summary>
    public static Answer<long> ExamplesSeen(int examples, int epochs) =>
        Exactly("myExamples (a whole number)", (long)examples * epochs, $"{epochs} × {N(examples)}: every example once per epoch, whatever the batch size.",
            "Examples seen: epochs × N; the batch size does not change it.");

    /// <summary>Lesson 03: the fit verdict of a run, as <see cref="FitDiagnosis"/> reads it.</summary>
    public static Answer<FitVerdict> FitVerdictOf(History history)
    {
        var d = FitDiagnosis.Of(history);
        return new("myGuess (Underfitting, GoodFit or Overfitting)", v => v == d.Verdict,
            _ => $"Right, {d.Finding}: {d.Evidence}.",
            v => $"Not {FitReport.Name(v)}: look where the star (the validation minimum) sits on the curve, and whether the curve is still falling at the end of the run.");
    }

    /// <summary>Lesson 03: a prediction whether early stopping with the learner's patience kept a model within 2 % of the
    /// long run's best validation loss (<paramref name="bestLoss"/>).</summary>
    public static Answer<bool> FoundTheMinimum(History stopped, double bestLoss)
    {
        ArgumentNullException.ThrowIfNull(stopped);
        bool found = stopped.FinalValidationLoss <= 1.02 * bestLoss;
        string what = $"this patience kept validation loss {stopped.FinalValidationLoss:0.####} against the 40-epoch run's best {bestLoss:0.####} and used {stopped.Epochs.Count} of 40 epochs";
        return new("myPrediction (true: it finds the minimum within 2%; false: it stops at a dip)", v => v == found,
            _ => $"Right: {what}.",
            _ => $"Not this time: {what}. " + (found ? "The dips in the validation curve were shallower than this patience." : "A small patience stops at the first dip of a noisy curve; try a larger one."));
    }

    /// <summary>Lesson 04: a prediction whether the first/last gradient ratio of a network falls below 1e-2.</summary>
    public static Answer<bool> GradientVanishes(Lesson04.LayerGradients gradients)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        bool vanishes = gradients.Vanishes();
        return new("myGuess (true: first/last below 1e-2; false: it stays above)", v => v == vanishes,
            _ => $"Right: first/last is {gradients.FirstToLast:0.0e0}. tanh's slope is at most 1 (sigmoid's 0.25), so it shrinks the gradient less per layer, but the weights multiply in too.",
            _ => $"First/last is {gradients.FirstToLast:0.0e0}. tanh's slope is at most 1, sigmoid's at most 0.25; the weights multiply in as well. Compare with the sigmoid line in the chart above.");
    }

    /// <summary>Lesson 04: a depth for a small table, judged by its mean validation loss against the best of depths 1-3
    /// (<paramref name="runs"/> must hold those and the learner's depth): right within 1.25× of it.</summary>
    public static Answer<int> DepthForSmallTable(IReadOnlyList<Lesson04.DepthResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var best = runs.Where(r => r.Depth is >= 1 and <= 3).MinBy(r => r.MeanValidationLoss)
            ?? throw new ArgumentException("The runs must include depths 1 to 3.", nameof(runs));
        double Ratio(int d) => (runs.FirstOrDefault(r => r.Depth == d) ?? throw new ArgumentException($"Depth {d} was not run.")).MeanValidationLoss / best.MeanValidationLoss;
        return new("myDepth (a whole number from 0 to 12)", d => Ratio(d) <= 1.25,
            d => Ratio(d) < 1
                ? $"Depth {d} beats the best of 1-3 (depth {best.Depth}): {Ratio(d):0.00}× its mean validation loss. With so few training rows, check it on more seeds before trusting it."
                : $"Depth {d} is within 1.25× of the best of 1-3 (depth {best.Depth}): {Ratio(d):0.00}× its mean validation loss. On a small table a shallow network is enough.",
            d => d == 0
                ? $"Depth 0 (a linear model) ends {Ratio(d):0.00}× the best of 1-3: even this small table has structure a hidden layer captures."
                : $"Depth {d} ends {Ratio(d):0.00}× the mean validation loss of depth {best.Depth}: on a small table the extra layers add fitting power the data cannot use.");
    }
}
