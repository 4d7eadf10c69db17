namespace HyperLab.Lessons.Lesson08;

/// <summary>One cut of the held-out pool into test and fresh parts, and the configuration picked on the test part.</summary>
/// <param name="Chosen">Index of the trial with the best test accuracy.</param>
/// <param name="TestAccuracy">Its test accuracy: the number a test-set tuner would report.</param>
/// <param name="FreshAccuracy">Its accuracy on the fresh part: what it really does on new data.</param>
/// <param name="TestAccuracies">Every trial's test accuracy.</param>
/// <param name="FreshAccuracies">Every trial's fresh accuracy.</param>
public sealed record TestSetPick(int Chosen, double TestAccuracy, double FreshAccuracy, IReadOnlyList<double> TestAccuracies, IReadOnlyList<double> FreshAccuracies)
{
    /// <summary>Test accuracy minus fresh accuracy of the picked configuration (a fraction; 0.02 is 2 points).</summary>
    public double Gap => TestAccuracy - FreshAccuracy;
}

/// <summary>The result of <see cref="TestSetTuning.Measure"/>: how much picking on the test set inflates its score.</summary>
/// <param name="Picks">One pick per random cut of the pool; the first is the one shown in detail.</param>
/// <param name="Configurations">How many configurations competed.</param>
/// <param name="TestSize">Examples in each test part.</param>
/// <param name="FreshSize">Examples in each fresh part.</param>
public sealed record OptimismGap(IReadOnlyList<TestSetPick> Picks, int Configurations, int TestSize, int FreshSize)
{
    /// <summary>The first cut.</summary>
    public TestSetPick First => Picks[0];

    /// <summary>Mean optimism over all cuts (a fraction).</summary>
    public double Mean => Picks.Average(p => p.Gap);

    /// <summary>Share of cuts in which the picked configuration's test accuracy was above its fresh accuracy.</summary>
    public double SharePositive => Picks.Count(p => p.Gap > 0) / (double)Picks.Count;

    /// <summary>True when the mean gap is at least <paramref name="points"/> percentage points (e.g. 1).</summary>
    public bool AtLeast(double points) => Mean >= points / 100;

    /// <inheritdoc/>
    public override string ToString() =>
        $"best of {Configurations} configurations by test accuracy: {First.TestAccuracy:P1} on {TestSize} test examples, {First.FreshAccuracy:P1} on {FreshSize:N0} fresh ones " +
        $"({100 * First.Gap:+0.0;-0.0} points); over {Picks.Count} random test/fresh cuts the gap averaged {100 * Mean:+0.0;-0.0} points and was positive in {SharePositive:P0} of them";
}
