using System.Globalization;

namespace HyperLab.Tuning;

/// <summary>
/// One hyperparameter a search varies (lesson 07): its range, whether the range is searched on a
/// log scale (rates and strengths: each decade gets the same share of trials), and how a value
/// is put into <see cref="Hyperparameters"/>.
/// </summary>
/// <param name="Name">Short name, used in logs and charts, e.g. "lr".</param>
/// <param name="Low">Smallest value.</param>
/// <param name="High">Largest value.</param>
/// <param name="LogScale">Spread trials evenly over log10 of the value (for rates and strengths).</param>
/// <param name="Apply">Puts a value into the hyperparameters, e.g. <c>(hp, v) =&gt; hp with { LearningRate = v }</c>.</param>
public sealed record SearchDimension(string Name, double Low, double High, bool LogScale, Func<Hyperparameters, double, Hyperparameters> Apply)
{
    /// <summary>Smallest value; positive on a log scale.</summary>
    public double Low { get; init; } = LogScale && !(Low > 0) ? throw new ArgumentOutOfRangeException(nameof(Low), Low, "A log-scaled range must start above 0 (e.g. 1e-4 for a learning rate).") : Low;

    /// <summary>Largest value; above <see cref="Low"/>.</summary>
    public double High { get; init; } = !(High > Low) ? throw new ArgumentOutOfRangeException(nameof(High), High, $"The range of {Name} must end above its start {Low}.") : High;

    /// <summary>A dimension searched on a log scale.</summary>
    public static SearchDimension Log(string name, double low, double high, Func<Hyperparameters, double, Hyperparameters> apply) => new(name, low, high, true, apply);

    /// <summary>A dimension searched on a linear scale.</summary>
    public static SearchDimension Linear(string name, double low, double high, Func<Hyperparameters, double, Hyperparameters> apply) => new(name, low, high, false, apply);

    /// <summary>The value at position <paramref name="u"/> in [0, 1] of the range (log or linear).</summary>
    public double At(double u) => LogScale ? Low * Math.Pow(High / Low, u) : Low + (High - Low) * u;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Name} in [{Hyperparameters.Fmt(Low)}, {Hyperparameters.Fmt(High)}]{(LogScale ? " (log scale)" : "")}";
}

/// <summary>A point of a search: one value per dimension, by name (lesson 07).</summary>
public sealed record SearchPoint(IReadOnlyList<(string Name, double Value)> Values)
{
    /// <summary>The value of dimension <paramref name="name"/>.</summary>
    public double this[string name] => Values.First(v => v.Name == name).Value;

    /// <summary>The hyperparameters of this point: <paramref name="baseline"/> with each value applied.</summary>
    public Hyperparameters ApplyTo(Hyperparameters baseline, SearchSpace space) =>
        space.Dimensions.Aggregate(baseline, (hp, d) => d.Apply(hp, this[d.Name]));

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", Values.Select(v => $"{v.Name}={Hyperparameters.Fmt(v.Value)}"));
}

/// <summary>
/// The ranges a search explores (lesson 07) and two ways to place a budget of trials in them: a
/// grid (every combination of a few values per dimension) and quasi-random points (a Halton
/// sequence: every trial tries a new value of every dimension).
/// </summary>
public sealed record SearchSpace(IReadOnlyList<SearchDimension> Dimensions)
{
    /// <summary>A space of the given dimensions.</summary>
    public SearchSpace(params SearchDimension[] dimensions) : this((IReadOnlyList<SearchDimension>)dimensions) { }

    /// <summary>The dimensions; 1 to 12, with different names.</summary>
    public IReadOnlyList<SearchDimension> Dimensions { get; init; } = Check(Dimensions);

    /// <summary>Every combination of <paramref name="perDimension"/> values per dimension, placed at
    /// the centres of equal cells of each range ((i + ½)/k): perDimension^dimensions trials.</summary>
    public IReadOnlyList<SearchPoint> Grid(int perDimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perDimension, 1);
        IEnumerable<double[]> cells = [[]];
        foreach (var _ in Dimensions)
            cells = cells.SelectMany(c => Enumerable.Range(0, perDimension).Select(i => c.Append((i + 0.5) / perDimension).ToArray()));
        return cells.Select(Point).ToList();
    }

    /// <summary><paramref name="trials"/> quasi-random points (Halton), rotated by a shift drawn
    /// from <paramref name="seed"/> so each seed gets its own evenly spread set.</summary>
    public IReadOnlyList<SearchPoint> QuasiRandom(int trials, int seed) =>
        Halton.Points(trials, Dimensions.Count, shift: Halton.Shift(Dimensions.Count, seed)).Select(Point).ToList();

    private SearchPoint Point(double[] u) => new(Dimensions.Select((d, i) => (d.Name, d.At(u[i]))).ToList());

    private static IReadOnlyList<SearchDimension> Check(IReadOnlyList<SearchDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Count < 1 || dimensions.Count > Halton.MaxDimensions)
            throw new ArgumentException($"A search space needs 1 to {Halton.MaxDimensions} dimensions, got {dimensions.Count}.", nameof(dimensions));
        if (dimensions.Select(d => d.Name).Distinct().Count() != dimensions.Count)
            throw new ArgumentException("Two dimensions of the search space share a name.", nameof(dimensions));
        return dimensions;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join("; ", Dimensions.Select(d => d.ToString()));
}
