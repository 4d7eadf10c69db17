using System.Diagnostics;
using HyperLab;
using HyperLab.Finder;

namespace Course.Benchmarks;

/// <summary>
/// How good and how stable the finder's default suggestion is (lesson 01, docs/lessons/01.md): for every cell
/// of <see cref="QualityMatrix"/> (set × optimizer × budget), a brute-force sweep (11 rates × 3 seeds, mean
/// final validation loss, robust best = lowest 3-point moving median), then <c>repetitions</c> independent
/// repetitions of the finder (3 seeds each, disjoint), and for each candidate rule the suggestion per
/// repetition, its spread (max/min) and the loss of training at it (3 seeds) over the robust best.
/// Candidates: the median of the per-seed valleys (the old default) and the valley of the averaged curve.
/// Writes the sweeps as a JSON fixture for the library's tests.
/// </summary>
public static class FinderQualityBenchmark
{
    /// <summary>Where the sweep fixture goes, relative to the repository root.</summary>
    public const string FixturePath = "tests/HyperLab.Tests/Finder/finder-sweep-reference.json";

    private static readonly (string Name, Func<FinderSpread, QualityCell, double> Rule)[] Candidates =
    [
        ("median of per-seed valleys", (s, _) => s.Valley.Median),
        ("valley of the averaged curve", (s, _) => s.AveragedValley?.Rate ?? double.NaN),
        ("confirmed, 1 seed", (s, c) => ConfirmedRate.Run(s, c.Hyperparameters, c.Data(), seeds: 1).Rate),
        ("confirmed, 3 seeds (the default)", (s, c) => ConfirmedRate.Run(s, c.Hyperparameters, c.Data(), seeds: 3).Rate),
    ];

    /// <summary>Runs the matrix and prints it; writes the fixture to <paramref name="fixture"/> (null: don't).</summary>
    public static int Run(int repetitions, string? fixture, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var references = new List<SweepReference>();
        var rows = new List<string>();
        log.WriteLine($"Finder quality: {repetitions} repetitions of 3 finder seeds each; sweep {QualityMatrix.Grid.Count} rates × {QualityMatrix.TrainingSeeds.Count} seeds; loss = mean final validation loss over {QualityMatrix.TrainingSeeds.Count} seeds.");
        var spreads = new Dictionary<(string, OptimizerKind), List<FinderSpread>>();
        foreach (var cell in QualityMatrix.Cells())
        {
            var data = cell.Data();
            var key = (cell.Set, cell.Hyperparameters.Optimizer);
            if (!spreads.TryGetValue(key, out var reps))   // the finder does not depend on the epochs
                spreads[key] = reps = Enumerable.Range(0, repetitions).Select(r => LearningRateFinder.Spread(cell.Hyperparameters, data, QualityMatrix.FinderSeeds(r))).ToList();
            var reference = SweepReference.Measure(cell.Name, data, cell.Hyperparameters, QualityMatrix.Grid, QualityMatrix.TrainingSeeds);
            references.Add(reference);
            log.WriteLine($"{reference}   [{clock.Elapsed.TotalSeconds:0} s]");
            log.WriteLine($"    grid: {string.Join(" ", reference.Rates.Zip(reference.MeanLosses).Select(p => $"{Hyperparameters.Fmt(p.First)}→{p.Second:0.###}"))}");
            foreach (var (name, rule) in Candidates)
            {
                var rates = reps.Select(s => rule(s, cell)).ToList();
                var quality = new FinderQuality(reference, rates, rates.Select(r => QualityMatrix.LossAt(cell.Hyperparameters, data, r)).ToList());
                log.WriteLine($"    {name,-30} {quality}");
                rows.Add($"| {cell.Set} | {cell.Hyperparameters.Optimizer} | {cell.Hyperparameters.Epochs} | {name} | {string.Join(", ", rates.Select(Hyperparameters.Fmt))} | ×{quality.Spread:0.00} | {string.Join(", ", quality.Ratios.Select(x => x.ToString("0.000")))} |");
            }
        }
        log.WriteLine();
        log.WriteLine("| set | optimizer | epochs | rule | suggestion per repetition | spread (max/min) | loss at suggestion / robust sweep best |");
        log.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows) log.WriteLine(row);
        log.WriteLine($"total {clock.Elapsed.TotalSeconds:0} s wall");
        if (fixture is not null)
        {
            File.WriteAllText(fixture, SweepReference.ToJson(references));
            log.WriteLine($"wrote {fixture}");
        }
        return 0;
    }
}
