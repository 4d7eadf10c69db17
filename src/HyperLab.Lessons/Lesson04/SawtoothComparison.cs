namespace HyperLab.Lessons.Lesson04;

/// <summary>
/// Lesson 04's depth-against-width example, measured: the deep and the shallow network that draw the
/// sawtooth with 2^k pieces, their parameter counts, and how many pieces one hidden layer with the deep
/// network's parameter budget draws at random. <see cref="ToString"/> carries the evidence.
/// </summary>
/// <param name="K">Tent compositions; the sawtooth has 2^K pieces.</param>
/// <param name="Deep">K hidden layers of 2 units.</param>
/// <param name="Shallow">One hidden layer of 2^K units.</param>
/// <param name="DeepPieces">Linear pieces the deep network draws (measured on a grid).</param>
/// <param name="ShallowPieces">Linear pieces the shallow network draws.</param>
/// <param name="DeepError">Largest difference from the sawtooth, deep network.</param>
/// <param name="ShallowError">Largest difference from the sawtooth, shallow network.</param>
/// <param name="BudgetWidth">Units of one hidden layer with at most the deep network's parameters (3w + 1 ≤ P).</param>
/// <param name="BudgetMostPieces">The most pieces over the random draws of that width.</param>
/// <param name="Draws">How many random draws.</param>
public sealed record SawtoothComparison(int K, ReluNet Deep, ReluNet Shallow, int DeepPieces, int ShallowPieces,
    double DeepError, double ShallowError, int BudgetWidth, int BudgetMostPieces, int Draws)
{
    /// <summary>Builds both networks for <paramref name="k"/>, counts their pieces, and draws
    /// <paramref name="draws"/> random one-hidden-layer networks with the deep network's budget.</summary>
    public static SawtoothComparison Measure(int k, int seed, int draws = 100)
    {
        var deep = Sawtooth.Deep(k);
        var shallow = Sawtooth.Shallow(k);
        int width = (deep.Parameters - 1) / 3;
        int most = Enumerable.Range(0, draws).Max(d => LinearPieces.Count(ReluNet.RandomShallow(width, seed * 1000 + d).Evaluate, cells: 1 << 12));
        return new(k, deep, shallow, LinearPieces.Count(deep.Evaluate), LinearPieces.Count(shallow.Evaluate),
            LinearPieces.LargestDifference(deep.Evaluate, x => Sawtooth.Target(k, x)),
            LinearPieces.LargestDifference(shallow.Evaluate, x => Sawtooth.Target(k, x)), width, most, draws);
    }

    /// <summary>Pieces of the sawtooth: 2^K.</summary>
    public int Teeth => 1 << K;

    /// <summary>Both networks draw the sawtooth (every piece, error below 1e-9).</summary>
    public bool BothDrawIt => DeepPieces == Teeth && ShallowPieces == Teeth && DeepError < 1e-9 && ShallowError < 1e-9;

    /// <summary>The shallow network's parameters over the deep one's.</summary>
    public double ParameterRatio => (double)Shallow.Parameters / Deep.Parameters;

    /// <summary>"k = 6: 64 pieces; deep 6 × 2 units: 37 parameters; one layer of 64 units: 193 (5.2×); …".</summary>
    public override string ToString() =>
        $"k = {K}: {Teeth} pieces; deep {Deep.Depth} layers × 2 units: {Deep.Parameters} parameters, {DeepPieces} pieces (error {DeepError:0e0}); " +
        $"one layer of {Teeth} units: {Shallow.Parameters} parameters ({ParameterRatio:0.#}×), {ShallowPieces} pieces (error {ShallowError:0e0}); " +
        $"one layer of {BudgetWidth} units ({3 * BudgetWidth + 1} parameters): at most {BudgetMostPieces} pieces over {Draws} random draws";
}
