namespace HyperLab.Lessons.Lesson01;

/// <summary>
/// Plain gradient descent on a <see cref="QuadraticBowl"/>, written out by hand (lesson 01): the
/// update rule w ← w − η ∇L(w) and nothing else, in ordinary doubles.
/// </summary>
public static class GradientDescent
{
    /// <summary>Walks downhill from (<paramref name="startX"/>, <paramref name="startY"/>) for
    /// <paramref name="steps"/> steps at rate <paramref name="rate"/>. Stops early once the loss is no
    /// longer finite.</summary>
    /// <param name="bowl">The landscape.</param>
    /// <param name="rate">The step size η, &gt; 0.</param>
    /// <param name="startX">Start on the gentle axis. Default −4.</param>
    /// <param name="startY">Start on the steep axis. Default 1.5.</param>
    /// <param name="steps">Number of updates, at least 1. Default 50.</param>
    public static DescentPath Run(QuadraticBowl bowl, double rate, double startX = -4, double startY = 1.5, int steps = 50)
    {
        ArgumentNullException.ThrowIfNull(bowl);
        if (!(rate > 0 && double.IsFinite(rate))) throw new ArgumentOutOfRangeException(nameof(rate), rate, "The rate must be a positive number.");
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var points = new List<(double X, double Y)> { (startX, startY) };
        double x = startX, y = startY;
        for (int t = 0; t < steps && double.IsFinite(bowl.Loss(x, y)); t++)
        {
            var (gx, gy) = bowl.Gradient(x, y);
            x -= rate * gx;                    // w ← w − η ∇L
            y -= rate * gy;
            points.Add((x, y));
        }
        return new DescentPath(bowl, rate, points);
    }
}

/// <summary>What happened on one walk down the bowl.</summary>
public enum DescentOutcome
{
    /// <summary>The loss fell below 10⁻⁴ of its start: at the bottom, for practical purposes.</summary>
    Converged,
    /// <summary>The loss fell, but is still above 10⁻⁴ of its start after every step: the rate is too small for the budget.</summary>
    Crawling,
    /// <summary>The loss ended higher than it started (or overflowed): the rate is above 2/λ.</summary>
    Diverged,
}

/// <summary>The points visited by <see cref="GradientDescent.Run"/> and what they show.</summary>
/// <param name="Bowl">The landscape walked on.</param>
/// <param name="Rate">The step size η.</param>
/// <param name="Points">Start, then the position after each step.</param>
public sealed record DescentPath(QuadraticBowl Bowl, double Rate, IReadOnlyList<(double X, double Y)> Points)
{
    /// <summary>The loss at each point.</summary>
    public IReadOnlyList<double> Losses => Points.Select(p => Bowl.Loss(p.X, p.Y)).ToList();

    /// <summary>Final loss divided by starting loss (∞ when it overflowed).</summary>
    public double LossRatio => Losses[^1] is var last && double.IsFinite(last) ? last / Losses[0] : double.PositiveInfinity;

    /// <summary>Converged, crawling or diverged (thresholds on <see cref="LossRatio"/>: below 10⁻⁴; up to 1; above 1).</summary>
    public DescentOutcome Outcome => LossRatio switch
    {
        < 1e-4 => DescentOutcome.Converged,
        <= 1 => DescentOutcome.Crawling,
        _ => DescentOutcome.Diverged,
    };

    /// <summary>True when the steep coordinate changed sign at every step: the walker bounces from
    /// one side of the valley to the other (η λ₂ &gt; 1).</summary>
    public bool Oscillates => Points.Count > 2 && Points.Zip(Points.Skip(1)).All(p => p.First.Y * p.Second.Y < 0);

    /// <summary>Lesson 01's "too small": the walk crawls, still above 10 % of its starting loss after its steps.</summary>
    public bool Crawls => Outcome == DescentOutcome.Crawling && LossRatio > 0.1;

    /// <summary>Lesson 01's "good": the walk converged without bouncing across the valley.</summary>
    public bool ConvergesSmoothly => Outcome == DescentOutcome.Converged && !Oscillates;

    /// <summary>Lesson 01's "between 1/λ and 2/λ": the walk bounces across the valley at every step yet does not diverge.</summary>
    public bool OscillatesWithoutDiverging => Oscillates && Outcome != DescentOutcome.Diverged;

    /// <summary>Lesson 01's "above 2/λ": the loss grew.</summary>
    public bool Diverges => Outcome == DescentOutcome.Diverged;

    /// <summary>"η = 0.19 (0.95 × 2/λ): converged, oscillating; loss 19.25 → 3.1e-05 in 50 steps".</summary>
    public override string ToString() =>
        $"η = {Hyperparameters.Fmt(Rate)} ({Rate / Bowl.StabilityLimit:0.##} × 2/λ): {Outcome.ToString().ToLowerInvariant()}{(Oscillates ? ", oscillating" : "")}; " +
        $"loss {Losses[0]:G4} → {Losses[^1]:G3} in {Points.Count - 1} steps";
}
