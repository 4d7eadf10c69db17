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
    private const string RateStart = "1e-4 for a learning rate (with High = 1e-1), 1e-6 for weight decay";

    /// <summary>Short name; not blank.</summary>
    public string Name { get; init => field = CheckName(value); } = CheckName(Name);

    /// <summary>Smallest value: finite, below <see cref="High"/>, and above 0 on a log scale.</summary>
    /// <remarks>Checked also through <c>with</c>. To move both ends, set first the one that keeps the range
    /// valid, e.g. <c>with { High = 10, Low = 5 }</c> from [1, 2].</remarks>
    public double Low { get; init => field = CheckLow(value, LogScale, High); } = CheckLow(Low, LogScale, double.PositiveInfinity);

    /// <summary>Largest value: finite and above <see cref="Low"/>.</summary>
    public double High { get; init => field = CheckHigh(value, Low); } = CheckHigh(High, Low);

    /// <summary>Spread trials evenly over log10 of the value; needs <see cref="Low"/> above 0.</summary>
    public bool LogScale { get; init => field = value && !(Low > 0) ? throw LogNeedsPositive(Low) : value; } = LogScale;

    /// <summary>Puts a value into the hyperparameters; not null.</summary>
    public Func<Hyperparameters, double, Hyperparameters> Apply { get; init => field = value ?? throw Valid.Missing(nameof(Apply), "(hp, v) => hp with { LearningRate = v }"); }
        = Apply ?? throw Valid.Missing(nameof(Apply), "(hp, v) => hp with { LearningRate = v }");

    private static string CheckName(string name) => string.IsNullOrWhiteSpace(name)
        ? throw new HyperparameterException(nameof(Name), name, "a short, non-blank name used in logs and charts", "\"lr\"")
        : name;

    private static double CheckLow(double low, bool log, double high)
    {
        if (!double.IsFinite(low))
            throw new HyperparameterException(nameof(Low), low, "a finite number", log ? RateStart : "0 for a fraction such as dropout (with High = 0.5)");
        if (log && !(low > 0)) throw LogNeedsPositive(low);
        if (!(low < high))
            throw new HyperparameterException(nameof(Low), low, $"below High ({Hyperparameters.Fmt(high)})",
                $"a value below {Hyperparameters.Fmt(high)}; to move both ends, set High first: with {{ High = …, Low = … }}");
        return low;
    }

    private static double CheckHigh(double high, double low)
    {
        if (!double.IsFinite(high))
            throw new HyperparameterException(nameof(High), high, "a finite number above Low", "1e-1 for a learning rate, 0.5 for dropout");
        if (!(high > low))
            throw new HyperparameterException(nameof(High), high, $"above Low ({Hyperparameters.Fmt(low)})",
                $"a value above {Hyperparameters.Fmt(low)}, e.g. {Hyperparameters.Fmt(low > 0 ? low * 1000 : low + 1)}; to move both ends down, set Low first: with {{ Low = …, High = … }}");
        return high;
    }

    private static HyperparameterException LogNeedsPositive(double low) =>
        new(nameof(Low), low, "above 0 on a log scale (the logarithm of 0 or a negative number does not exist)",
            $"{RateStart}; or search a linear range with SearchDimension.Linear");

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
    public IReadOnlyList<SearchDimension> Dimensions { get; init => field = Check(value); } = Check(Dimensions);

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
        const string example = "new SearchSpace(SearchDimension.Log(\"lr\", 1e-4, 1e-1, (hp, v) => hp with { LearningRate = v }))";
        if (dimensions is null || dimensions.Count < 1 || dimensions.Count > Halton.MaxDimensions)
            throw new HyperparameterException(nameof(Dimensions), dimensions is null ? null : $"{dimensions.Count} dimensions",
                $"1 to {Halton.MaxDimensions} dimensions (search the few hyperparameters that matter most; 2 to 4 is typical)", example);
        int missing = dimensions.ToList().FindIndex(d => d is null);
        if (missing >= 0)
            throw new HyperparameterException($"{nameof(Dimensions)}[{missing}]", null, "set (not null): every dimension of the search space", example);
        var twice = dimensions.GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new HyperparameterException($"{nameof(Dimensions)}[{dimensions.ToList().FindLastIndex(d => d.Name == twice.Key)}].Name", twice.Key,
                "a name no other dimension of the search space has (a point stores one value per name)", "\"lr\", \"wd\", \"dropout\", ...");
        return dimensions;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join("; ", Dimensions.Select(d => d.ToString()));
}
