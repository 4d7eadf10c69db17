namespace HyperLab.Finder;

/// <summary>
/// The budget-aware suggestion (lesson 01; <see cref="LearningRateFinder.SuggestForBudget"/>): range tests sized to
/// the planned run, a rate read off them (by default the lowest point of their averaged curve), and that rate corrected for the planned number of updates.
/// </summary>
/// <param name="Plan">What was run and the correction used.</param>
/// <param name="Finder">The range tests.</param>
/// <param name="Valley">The point read off the tests (<see cref="BudgetRule.Reading"/>), before the correction.</param>
/// <param name="Rate">The suggested rate: <paramref name="Valley"/> × <see cref="BudgetPlan.Correction"/>.</param>
public sealed record BudgetedRate(BudgetPlan Plan, FinderSpread Finder, double Valley, double Rate)
{
    private string ReadingName => Plan.Reading switch { BudgetReading.MedianValley => "median valley", BudgetReading.AveragedValley => "averaged valley", _ => "lowest point" };

    /// <summary>Training steps the tests took.</summary>
    public int CostSteps => Finder.Runs.Sum(r => r.Steps);

    /// <summary>Cost in planned runs: <see cref="CostSteps"/> / the planned run's updates.</summary>
    public double CostRuns => (double)CostSteps / Plan.PlannedSteps;

    /// <summary>"suggested η = 4.1e-3 for 88 updates: valley 1.6e-3 × 2.5 (3 range tests, 79 steps in all = 0.90 of the planned run)".</summary>
    public override string ToString() =>
        $"suggested η = {Hyperparameters.Fmt(Rate)} for {Plan.PlannedSteps} updates: {ReadingName} {Hyperparameters.Fmt(Valley)} × {Plan.Correction:0.###} " +
        $"({Finder.Runs.Count} range test{(Finder.Runs.Count == 1 ? "" : "s")} of up to {Plan.Settings.Steps} steps, {CostSteps} steps in all = {CostRuns:0.00} of the planned run)";
}
