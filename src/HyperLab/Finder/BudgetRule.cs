namespace HyperLab.Finder;

/// <summary>
/// How the budget-aware suggestion (<see cref="LearningRateFinder.SuggestForBudget"/>, lesson 01) spends its
/// budget and corrects the valley. The budget is the planned run itself: the range tests together take at most
/// the planned run's updates (epochs × mini-batches per epoch), so finding the rate costs at most one more run.
/// <list type="bullet">
/// <item>Range tests: up to <see cref="MaxSeeds"/> seeds, each <c>min(MaxTestSteps, planned / seeds)</c> steps;
/// fewer seeds when a test would be shorter than <see cref="MinTestSteps"/>; a planned run shorter than
/// <see cref="MinTestSteps"/> still gets one test of that length (then the cost exceeds one run, and says so).</item>
/// <item>Each test sweeps 1e-6 to 10 and is read at its own length: smoothing β = 1 − <see cref="SmoothingWindow"/>/steps
/// (0.98 at 100 steps), skipping the first tenth and the last twentieth.</item>
/// <item>The curves are averaged over the seeds and their lowest point (<see cref="Reading"/>) is multiplied by a correction that depends only on the plan, N planned updates over E
/// epochs: <c>CorrectionAt100 × (min(N, 300) / 100)^CorrectionSlope × (E / 10)^EpochSlope</c>, fitted on
/// <see cref="QualityMatrix.DesignCells"/> only; N counts up to where the tests stop growing (<see cref="CorrectionStopsAt"/>).</item>
/// </list>
/// </summary>
public sealed record BudgetRule
{
    /// <summary>The measured default (docs/lessons/01.md, fitted on the design half of the quality matrix).</summary>
    public static BudgetRule Default { get; } = new();

    /// <summary>Most range tests (seeds). Default 3.</summary>
    public int MaxSeeds { get; init => field = value >= 1 ? value : throw new HyperparameterException(nameof(MaxSeeds), value, "at least 1", "3"); } = 3;

    /// <summary>Shortest range test worth reading. Default 20.</summary>
    public int MinTestSteps { get; init => field = value >= 10 ? value : throw new HyperparameterException(nameof(MinTestSteps), value, "at least 10", "20"); } = 20;

    /// <summary>Longest range test. Default 100.</summary>
    public int MaxTestSteps { get; init => field = value >= 10 ? value : throw new HyperparameterException(nameof(MaxTestSteps), value, "at least 10", "100"); } = 100;

    /// <summary>First rate of each test. Default 1e-6.</summary>
    public double StartRate { get; init => field = value > 0 && double.IsFinite(value) ? value : throw new HyperparameterException(nameof(StartRate), value, "a positive number", "1e-6"); } = 1e-6;

    /// <summary>Last rate of each test. Default 10.</summary>
    public double EndRate { get; init => field = value > 0 && double.IsFinite(value) ? value : throw new HyperparameterException(nameof(EndRate), value, "a positive number above StartRate", "10"); } = 10;

    /// <summary>Smoothing window in steps: β = 1 − window / test steps. Default 2 (β = 0.98 at 100 steps).</summary>
    public double SmoothingWindow { get; init => field = value is > 0 and < 10 ? value : throw new HyperparameterException(nameof(SmoothingWindow), value, "between 0 and 10", "2"); } = 2;

    /// <summary>The correction at 100 planned updates. Fitted on the design half; default 0.035 (with
    /// <see cref="BudgetReading.AveragedMinimum"/>: the lowest point of the curve is near the edge of stability, and
    /// a good constant rate for about 100 updates is some 30× below it).</summary>
    public double CorrectionAt100 { get; init => field = value > 0 && double.IsFinite(value) ? value : throw new HyperparameterException(nameof(CorrectionAt100), value, "a positive number", "0.035"); } = 0.035;

    /// <summary>How the correction changes with the planned updates (a power of N/100). Fitted on the design half; default 0.5
    /// (the tests grow with the budget up to 100 steps, and a longer test's minimum sits at a lower rate).</summary>
    public double CorrectionSlope { get; init => field = double.IsFinite(value) && Math.Abs(value) <= 3 ? value : throw new HyperparameterException(nameof(CorrectionSlope), value, "between −3 and 3", "0.5"); } = 0.5;

    /// <summary>Which point of the tests to read. Default <see cref="BudgetReading.AveragedMinimum"/> (on the design half the
    /// only reading whose repetitions agreed within 2×).</summary>
    public BudgetReading Reading { get; init => field = Enum.IsDefined(value) ? value : throw new HyperparameterException(nameof(Reading), value, "MedianValley, AveragedValley or AveragedMinimum", "AveragedMinimum"); } = BudgetReading.AveragedMinimum;

    /// <summary>The rate read off <paramref name="tests"/> (before the correction); NaN when none can be read.</summary>
    public double Read(FinderSpread tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        if (Reading == BudgetReading.MedianValley) return tests.SuggestedRate;
        var (rates, losses) = AveragedCurve.Of(tests.Runs);
        var s = tests.Runs[0].Settings;
        var all = Suggestions.All(rates, losses, s.SkipStart, s.SkipEnd);
        if (all is null) return double.NaN;
        return Reading == BudgetReading.AveragedValley ? all.Valley.Rate : all.MinimumOverTen.Rate * 10;
    }

    /// <summary>How the correction changes with the planned epochs (passes over the data; a power of E/10). Fitted; default 0.</summary>
    public double EpochSlope { get; init => field = double.IsFinite(value) && Math.Abs(value) <= 3 ? value : throw new HyperparameterException(nameof(EpochSlope), value, "between −3 and 3", "0"); }

    /// <summary>The planned updates at which the correction stops growing: where the range tests stop growing
    /// (<see cref="MaxSeeds"/> × <see cref="MaxTestSteps"/>, 300 by default). The slope was fitted as "longer tests
    /// end lower"; above this point the tests are the same, so the same tests give the same rate.</summary>
    public int CorrectionStopsAt => MaxSeeds * MaxTestSteps;

    /// <summary>The correction factor for <paramref name="plannedSteps"/> updates over <paramref name="epochs"/> epochs
    /// (the updates counted up to <see cref="CorrectionStopsAt"/>).</summary>
    public double Correction(int plannedSteps, int epochs) =>
        CorrectionAt100 * Math.Pow(Math.Min(plannedSteps, CorrectionStopsAt) / 100.0, CorrectionSlope) * Math.Pow(epochs / 10.0, EpochSlope);

    /// <summary>The plan for a run of <paramref name="plannedSteps"/> updates over <paramref name="epochs"/> epochs.</summary>
    /// <param name="plannedSteps">Epochs × mini-batches per epoch of the planned run, at least 1.</param>
    /// <param name="epochs">The planned run's epochs, at least 1.</param>
    public BudgetPlan Plan(int plannedSteps, int epochs)
    {
        if (plannedSteps < 1) throw new HyperparameterException("plannedSteps", plannedSteps, "at least 1 (epochs × mini-batches per epoch)", "the planned run's updates");
        if (epochs < 1) throw new HyperparameterException("epochs", epochs, "at least 1", "the planned run's epochs");
        int seeds = Math.Clamp(plannedSteps / MinTestSteps, 1, MaxSeeds);
        int steps = Math.Max(MinTestSteps, Math.Min(MaxTestSteps, plannedSteps / seeds));
        var settings = new FinderSettings
        {
            Steps = steps,
            StartRate = StartRate,
            EndRate = EndRate,
            Smoothing = Math.Clamp(1 - SmoothingWindow / steps, 0, 0.999),
            SkipStart = (int)Math.Round(steps / 10.0),
            SkipEnd = (int)Math.Round(steps / 20.0),
        };
        return new BudgetPlan(plannedSteps, seeds, settings, Correction(plannedSteps, epochs), Reading);
    }
}

/// <summary>Which point of the range tests the budget-aware suggestion reads (before its correction).</summary>
public enum BudgetReading
{
    /// <summary>The median of the per-seed valleys.</summary>
    MedianValley,
    /// <summary>The valley of the curve averaged over the seeds.</summary>
    AveragedValley,
    /// <summary>The lowest point of the curve averaged over the seeds (the edge of stability, read from all seeds at once).</summary>
    AveragedMinimum,
}

/// <summary>What the budget-aware suggestion will run for one planned run.</summary>
/// <param name="PlannedSteps">Updates of the planned run (epochs × mini-batches per epoch).</param>
/// <param name="Seeds">Range tests to run.</param>
/// <param name="Settings">Each test's settings.</param>
/// <param name="Correction">The factor applied to the rate read off the tests.</param>
/// <param name="Reading">Which point of the tests is read.</param>
public sealed record BudgetPlan(int PlannedSteps, int Seeds, FinderSettings Settings, double Correction, BudgetReading Reading)
{
    /// <summary>Most training steps the tests take (they may stop earlier when the loss blows up).</summary>
    public int MaxCostSteps => Seeds * Settings.Steps;

    /// <summary>"3 range tests × 88 steps (at most 264 of the planned run's 264 updates = 1.00 run), valley × 1.3".</summary>
    public override string ToString() =>
        $"{Seeds} range test{(Seeds == 1 ? "" : "s")} × {Settings.Steps} steps (at most {MaxCostSteps} of the planned run's {PlannedSteps} updates = {(double)MaxCostSteps / PlannedSteps:0.00} run), read × {Correction:0.###}";
}
