using System.Diagnostics;
using HyperLab;
using HyperLab.Finder;
using HyperLab.Validation;

namespace Course.Benchmarks;

/// <summary>
/// How good, how stable and how costly the finder's suggestions are (lesson 01, docs/lessons/01.md). Ground truth:
/// for every cell of <see cref="QualityMatrix.AllCells"/> (the 12-cell matrix, the held-out, the fresh and the unseen cells), a brute-force
/// sweep (<see cref="QualityMatrix.Grid"/> × training seeds 0, 1, 2, mean final validation loss, extended while the
/// best sits on an edge; robust best = lowest 3-point moving median), read from the fixture
/// <see cref="FixturePath"/> when it holds the cell, measured otherwise (<c>--fixture</c> writes it back; delete
/// the file first to measure every sweep again). Then, per cell and rule, <c>repetitions</c> independent
/// repetitions (disjoint finder seeds, <see cref="QualityMatrix.FinderSeeds"/>): each repetition's suggestion,
/// its cost in planned runs and in epochs, the spread (max/min) of the suggestions, and the loss of training at
/// each (seeds 0, 1, 2) over the robust best; beside each rule a blind grid of the same cost (fixed log-spaced
/// rates from 1e-4 to 0.1, the best of which is kept), also repeated on disjoint seeds.
/// <para>The environment variable <c>FINDER_BENCH</c> picks a part: <c>references</c> (only the sweeps),
/// <c>design</c> (candidate budget rules on <see cref="QualityMatrix.DesignCells"/>, losses read off the stored
/// sweeps, corrections fitted there), <c>design-seen</c> (the same on every cell measured before
/// <see cref="QualityMatrix.UnseenCells"/> were written down), <c>ends</c> (how the runs end at the default's
/// suggestion and at the sweep's best: training against validation loss), <c>kept-best</c> (the default's goals when
/// the run keeps its best epoch's weights, sweep included), <c>halving</c> (successive halving from the default's
/// suggestion within one more planned run, <see cref="HalvingMultipliers"/>), <c>report</c> (the rules on every cell; the default). <c>FINDER_BENCH_CELLS</c>
/// keeps only cells whose name contains one of its comma-separated parts; <c>FINDER_BENCH_RULES</c> likewise keeps
/// only rules whose name contains one of its parts ("valley", "budget", "sweep": the finder-seeded sweep
/// <see cref="LearningRateFinder.SuggestBySweep"/> is by far the costliest). <c>FINDER_BENCH_CORRECTIONS="a,n,e;…"</c>
/// adds, in <c>report</c>, budget-aware rules with the correction a × (min(N, 300)/100)^n × (E/10)^e beside the default
/// (e.g. a correction fitted by <c>design-seen</c>, judged on cells it was not fitted on).</para>
/// </summary>
public static class FinderQualityBenchmark
{
    /// <summary>The tests' sweep fixture, relative to the repository root: the benchmark reads it, never writes it.</summary>
    public const string FixturePath = "tests/HyperLab.Tests/Finder/finder-sweep-reference.json";

    /// <summary>Where <c>--fixture</c> writes the measured references (copy the file over <see cref="FixturePath"/> to
    /// update the tests' references, and review the diff).</summary>
    public const string WrittenPath = "artifacts/finder/finder-sweep-reference.json";

    /// <summary>Runs the part chosen by <c>FINDER_BENCH</c> and prints it; writes the fixture to <paramref name="fixture"/> (null: don't).</summary>
    public static int Run(int repetitions, string? fixture, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        string part = Environment.GetEnvironmentVariable("FINDER_BENCH") ?? "report";
        if (!Parts.Contains(part))
        {
            log.WriteLine($"FINDER_BENCH={part} is not a part of the finder benchmark: use one of {string.Join(", ", Parts)} (report is the default).");
            return 2;
        }
        var corrections = Corrections(Environment.GetEnvironmentVariable("FINDER_BENCH_CORRECTIONS") ?? "", out string? error);
        if (error is not null)
        {
            log.WriteLine(error);
            return 2;
        }
        var filter = (Environment.GetEnvironmentVariable("FINDER_BENCH_CELLS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool Keep(QualityCell c) => filter.Length == 0 || filter.Any(f => c.Name.Contains(f, StringComparison.OrdinalIgnoreCase));
        var cells = (part switch { "design" => QualityMatrix.DesignCells(), "design-seen" => QualityMatrix.SeenCells(), _ => QualityMatrix.AllCells() }).Where(Keep).ToList();

        var references = References(cells, fixture, log, clock);
        if (part == "references") return 0;
        if (part is "design" or "design-seen") return Design(cells, references, repetitions, log, clock);
        if (part == "ends") return Ends(cells, references, log, clock);
        if (part == "kept-best") return KeptBest(cells, references, repetitions, log, clock);
        if (part == "halving") return Halving(cells, references, repetitions, log, clock);
        var ruleFilter = (Environment.GetEnvironmentVariable("FINDER_BENCH_RULES") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Report(cells, references, repetitions, corrections, name => ruleFilter.Length == 0 || ruleFilter.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase)), log, clock);
    }

    /// <summary>The parts <c>FINDER_BENCH</c> can pick.</summary>
    public static IReadOnlyList<string> Parts { get; } = ["references", "design", "design-seen", "ends", "kept-best", "halving", "report"];

    /// <summary>The candidate rules of <c>FINDER_BENCH_CORRECTIONS</c> ("a,n,e;a,n,e": the correction
    /// a × (min(N, 300)/100)^n × (E/10)^e on <see cref="BudgetRule.Default"/>); <paramref name="error"/> says what is wrong.</summary>
    public static IReadOnlyList<BudgetRule> Corrections(string text, out string? error)
    {
        error = null;
        var rules = new List<BudgetRule>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var x = part.Split(',').Select(v => double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) ? d : double.NaN).ToArray();
            try
            {
                if (x.Length != 3 || x.Any(double.IsNaN)) throw new FormatException();
                rules.Add(BudgetRule.Default with { CorrectionAt100 = x[0], CorrectionSlope = x[1], EpochSlope = x[2] });
            }
            catch (Exception e) when (e is FormatException or HyperparameterException)
            {
                error = $"FINDER_BENCH_CORRECTIONS: '{part}' is not a correction: write three numbers a,n,e (a > 0, n and e between −3 and 3), " +
                    $"rules separated by ';', e.g. FINDER_BENCH_CORRECTIONS=\"0.021,0.4,-0.4;0.02,0,-0.4\".{(e is HyperparameterException h ? " " + h.Message : "")}";
                return [];
            }
        }
        return rules;
    }

    private static Dictionary<string, SweepReference> References(List<QualityCell> cells, string? fixture, TextWriter log, Stopwatch clock)
    {
        string path = FixturePath;
        var stored = File.Exists(path) ? SweepReference.FromJson(File.ReadAllText(path)).ToList() : [];
        var byName = stored.ToDictionary(r => r.Setting);
        log.WriteLine($"Sweep references: {stored.Count} stored in {path}; sweep {QualityMatrix.Grid.Count} rates × {QualityMatrix.TrainingSeeds.Count} seeds, extended while the best is on an edge.");
        bool changed = false;
        foreach (var cell in cells)
        {
            if (byName.TryGetValue(cell.Name, out var have) && have.EdgeToExtend == 0) continue;
            var reference = SweepReference.MeasureExtended(cell.Name, cell.Data(), cell.Hyperparameters, have?.Rates ?? QualityMatrix.Grid, QualityMatrix.TrainingSeeds);
            byName[cell.Name] = reference;
            changed = true;
            log.WriteLine($"measured {reference}   [{clock.Elapsed.TotalSeconds:0} s]");
        }
        foreach (var cell in cells)
        {
            var r = byName[cell.Name];
            log.WriteLine($"{QualityMatrix.Role(cell),-8} {r}");
            log.WriteLine($"         grid: {string.Join(" ", r.Rates.Zip(r.MeanLosses).Select(p => $"{Hyperparameters.Fmt(p.First)}→{p.Second:0.###}"))}");
        }
        if (fixture is not null && changed)
        {
            var all = stored.Select(r => byName[r.Setting]).Concat(byName.Values.Where(r => stored.All(s => s.Setting != r.Setting))).ToList();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(fixture))!);
            File.WriteAllText(fixture, SweepReference.ToJson(all));
            log.WriteLine($"wrote {fixture} ({all.Count} references); to update the tests' references: cp {fixture} {FixturePath}");
        }
        return byName;
    }

    /// <summary>Candidate budget rules on the design half: range tests only; losses read off the stored sweeps
    /// (<see cref="SweepReference.Interpolated"/>); for each candidate the correction (at 100 updates, slope) that
    /// minimizes the worst loss ratio over the design cells, then the mean.</summary>
    private static int Design(List<QualityCell> cells, Dictionary<string, SweepReference> references, int repetitions, TextWriter log, Stopwatch clock)
    {
        var wide = new BudgetRule { StartRate = 1e-6, EndRate = 10, Reading = BudgetReading.MedianValley, CorrectionAt100 = 1, CorrectionSlope = 0 };
        var narrow = wide with { StartRate = 1e-5, EndRate = 1 };
        var candidates = new (string Name, BudgetRule Rule)[]
        {
            ("budget-sized tests, 1e-6..10, window 2, median valley", wide),
            ("budget-sized tests, 1e-6..10, window 2, averaged valley", wide with { Reading = BudgetReading.AveragedValley }),
            ("budget-sized tests, 1e-6..10, window 2, averaged minimum (the default)", wide with { Reading = BudgetReading.AveragedMinimum }),
            ("budget-sized tests, 1e-6..10, window 4, averaged minimum", wide with { Reading = BudgetReading.AveragedMinimum, SmoothingWindow = 4 }),
            ("budget-sized tests, 1e-7..10, window 2, averaged minimum", wide with { Reading = BudgetReading.AveragedMinimum, StartRate = 1e-7 }),
            ("one test of min(100, N) steps, 1e-6..10, minimum", wide with { MaxSeeds = 1, Reading = BudgetReading.AveragedMinimum }),
            ("budget-sized tests, 1e-5..1, window 2, median valley", narrow),
            ("budget-sized tests, 1e-5..1, window 2, averaged valley", narrow with { Reading = BudgetReading.AveragedValley }),
            ("budget-sized tests, 1e-5..1, window 2, averaged minimum", narrow with { Reading = BudgetReading.AveragedMinimum }),
            ("budget-sized tests, 1e-5..1, window 4, median valley", narrow with { SmoothingWindow = 4 }),
            ("one test of min(100, N) steps, 1e-6..10, median valley", wide with { MaxSeeds = 1 }),
        };
        var only = Environment.GetEnvironmentVariable("FINDER_BENCH_CANDIDATES");
        if (only is not null) candidates = candidates.Where((_, i) => only.Split(',').Contains(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        foreach (var (name, rule) in candidates)
        {
            // Raw median valleys per cell and repetition (the correction does not change the tests).
            var neutral = rule with { CorrectionAt100 = 1, CorrectionSlope = 0, EpochSlope = 0 };
            var raw = cells.Select(c => (Cell: c, Epochs: c.Hyperparameters.Epochs, Valleys: Enumerable.Range(0, repetitions)
                .Select(r => LearningRateFinder.SuggestForBudget(c.Hyperparameters, c.Data(), QualityMatrix.FinderSeeds(r), neutral)).ToList())).ToList();
            log.WriteLine($"{name}   [{clock.Elapsed.TotalSeconds:0} s]");
            foreach (var (fitName, useN, useE) in new[] { ("constant", false, false), ("of updates N", true, false), ("of epochs E", false, true), ("of N and E", true, true) })
            {
                (BudgetRule Rule, double Worst, double Mean) best = (rule, double.PositiveInfinity, double.PositiveInfinity);
                double[] Slopes(bool use) => use ? [.. Enumerable.Range(0, 41).Select(i => -1.5 + 0.05 * i)] : [0.0];
                var grid = from lnA in Enumerable.Range(0, 161).Select(i => -5 + 0.05 * i)
                           from nSlope in Slopes(useN)
                           from eSlope in Slopes(useE)
                           select rule with { CorrectionAt100 = Math.Exp(lnA), CorrectionSlope = nSlope, EpochSlope = eSlope };
                foreach (var candidate in grid)
                {
                    var ratios = raw.SelectMany(x => x.Valleys.Select(v =>
                    {
                        var reference = references[x.Cell.Name];
                        return reference.Interpolated(v.Valley * candidate.Correction(v.Plan.PlannedSteps, x.Epochs)) / reference.RobustBest.Loss;
                    })).ToList();
                    double worst = ratios.Max(), mean = ratios.Average();
                    if (worst < best.Worst - 1e-9 || (Math.Abs(worst - best.Worst) <= 1e-9 && mean < best.Mean)) best = (candidate, worst, mean);
                }
                var f = best.Rule;
                log.WriteLine($"  correction {fitName}: {f.CorrectionAt100:0.###} × (N/100)^{f.CorrectionSlope:0.##} × (E/10)^{f.EpochSlope:0.##}; worst loss/robust best {best.Worst:0.###}, mean {best.Mean:0.###}");
                foreach (var x in raw)
                {
                    var reference = references[x.Cell.Name];
                    var rates = x.Valleys.Select(v => v.Valley * f.Correction(v.Plan.PlannedSteps, x.Epochs)).ToList();
                    log.WriteLine($"    {x.Cell.Name,-34} N={x.Valleys[0].Plan.PlannedSteps,4} cost {x.Valleys.Average(v => v.CostRuns):0.00} run; valleys {string.Join(", ", x.Valleys.Select(v => Hyperparameters.Fmt(v.Valley)))} × {f.Correction(x.Valleys[0].Plan.PlannedSteps, x.Epochs):0.##}; " +
                        $"spread ×{rates.Max() / rates.Min():0.00}; loss/robust best (interpolated) {string.Join(", ", rates.Select(r => (reference.Interpolated(r) / reference.RobustBest.Loss).ToString("0.000")))}; best at {Hyperparameters.Fmt(reference.RobustBest.Rate)}");
                }
            }
        }
        log.WriteLine($"total {clock.Elapsed.TotalSeconds:0} s wall");
        return 0;
    }

    /// <summary>How the runs end at the default's suggestion (repetition 0) and at the sweep's robust best: training and
    /// validation loss after the last epoch and the epoch of the lowest validation loss, each the mean over the training
    /// seeds. A lower training loss with a higher validation loss at the end, after an earlier validation minimum, is
    /// overfitting: what a range test on training batches cannot see.</summary>
    private static int Ends(List<QualityCell> cells, Dictionary<string, SweepReference> references, TextWriter log, Stopwatch clock)
    {
        log.WriteLine("How the planned run ends (mean over training seeds 0, 1, 2): train loss, validation loss at the end; the lowest validation loss and its epoch per seed.");
        foreach (var cell in cells)
        {
            var data = cell.Data();
            double suggested = LearningRateFinder.SuggestForBudget(cell.Hyperparameters, data, QualityMatrix.FinderSeeds(0)).Rate;
            log.WriteLine($"{cell.Name} ({QualityMatrix.Role(cell)}; {cell.Hyperparameters.Epochs} epochs)   [{clock.Elapsed.TotalSeconds:0} s]");
            foreach (var (what, rate) in new[] { ("sweep's robust best", references[cell.Name].RobustBest.Rate), ("default's suggestion", suggested) })
            {
                var runs = QualityMatrix.TrainingSeeds.Select(seed =>
                {
                    using var run = HyperLab.Training.Trainer.Fit(cell.Hyperparameters with { LearningRate = rate, Seed = seed }, data);
                    var h = run.History;
                    return (Train: h.LastEpoch?.TrainLoss ?? double.NaN, Validation: h.LastEpoch?.ValidationLoss ?? double.NaN,
                        Lowest: h.BestEpoch?.ValidationLoss ?? double.NaN, BestEpoch: h.BestEpoch?.Epoch ?? 0);
                }).ToList();
                log.WriteLine($"    {what,-21} {Hyperparameters.Fmt(rate),8}: train {runs.Average(r => r.Train):0.0000}, validation {runs.Average(r => r.Validation):0.0000}; " +
                    $"lowest validation {runs.Average(r => r.Lowest):0.0000} at epoch {string.Join(", ", runs.Select(r => r.BestEpoch))}");
            }
        }
        log.WriteLine($"total {clock.Elapsed.TotalSeconds:0} s wall");
        return 0;
    }

    /// <summary>The default against the same three goals when the planned run keeps its best epoch's weights (a checkpoint
    /// on the validation loss, as early stopping keeps): the sweep (the stored sweep's rates × training seeds) and the runs
    /// at each repetition's suggestion are all scored by their lowest validation loss, so the epoch is picked on the set
    /// that scores it, alike for both.</summary>
    private static int KeptBest(List<QualityCell> cells, Dictionary<string, SweepReference> references, int repetitions, TextWriter log, Stopwatch clock)
    {
        log.WriteLine($"The default when the run keeps its best epoch: loss = lowest validation loss of the run, mean over training seeds {string.Join(", ", QualityMatrix.TrainingSeeds)}; {repetitions} repetitions.");
        var met = new List<(string Role, bool Holds)>();
        foreach (var cell in cells)
        {
            var data = cell.Data();
            double LossAt(double rate) => QualityMatrix.TrainingSeeds.Average(seed =>
            {
                using var run = HyperLab.Training.Trainer.Fit(cell.Hyperparameters with { LearningRate = rate, Seed = seed }, data);
                var finite = run.History.Epochs.Select(e => e.ValidationLoss).Where(double.IsFinite).ToList();
                return finite.Count == 0 ? double.PositiveInfinity : finite.Min();
            });
            var rates = references[cell.Name].Rates;
            var sweep = new SweepReference(cell.Name, rates, [.. rates.Select(LossAt)]);
            var picks = Enumerable.Range(0, repetitions).Select(r => LearningRateFinder.SuggestForBudget(cell.Hyperparameters, data, QualityMatrix.FinderSeeds(r))).ToList();
            var quality = new FinderQuality(sweep, [.. picks.Select(p => p.Rate)], [.. picks.Select(p => LossAt(p.Rate))]);
            bool holds = quality.Holds && picks.All(p => p.CostSteps <= cell.PlannedSteps);
            met.Add((QualityMatrix.Role(cell), holds));
            log.WriteLine($"{cell.Name} ({QualityMatrix.Role(cell)}): {quality}; cost {picks.Max(p => p.CostRuns):0.00} run; goal {(holds ? "met" : "missed")}" +
                (sweep.EdgeToExtend != 0 ? "; the sweep's best is on its grid's edge: extend the grid" : "") + $"   [{clock.Elapsed.TotalSeconds:0} s]");
        }
        log.WriteLine("goal met: " + string.Join(", ", met.GroupBy(m => m.Role).Select(g => $"{g.Key} {g.Count(m => m.Holds)} of {g.Count()}")) + $"; in all {met.Count(m => m.Holds)} of {met.Count}");
        log.WriteLine($"total {clock.Elapsed.TotalSeconds:0} s wall");
        return 0;
    }

    /// <summary>The rates successive halving starts from, as multiples of the default's suggestion: two-sided, one step
    /// up and two down (the default's measured misses chose too high a rate).</summary>
    public static IReadOnlyList<double> HalvingMultipliers { get; } = [1.0 / 16, 1.0 / 4, 1, 4];

    /// <summary>Successive halving from the default's suggestion, designed before it was measured: the four rates of
    /// <see cref="HalvingMultipliers"/> train on the repetition's first finder seed; after ⌈E/8⌉ epochs the two with the
    /// lower validation loss go on, after ⌈3E/8⌉ epochs the better one is the pick. Cost: the default's range tests plus
    /// 4·e₁ + 2·(e₂ − e₁) epochs (one planned run when E is a multiple of 8). Simulated from full runs of each rate
    /// (a constant rate: a run's first epochs are the shorter run), cost counted as a resumed run would spend it.</summary>
    private static int Halving(List<QualityCell> cells, Dictionary<string, SweepReference> references, int repetitions, TextWriter log, Stopwatch clock)
    {
        log.WriteLine($"Successive halving from the default: rates × {string.Join(", ", HalvingMultipliers.Select(m => m.ToString("0.####")))}, keep 2 after ⌈E/8⌉ epochs, 1 after ⌈3E/8⌉; {repetitions} repetitions; loss as in report.");
        var met = new List<(string Role, bool Quality, bool Cost)>();
        foreach (var cell in cells)
        {
            var data = cell.Data();
            int epochs = cell.Hyperparameters.Epochs;
            int e1 = (int)Math.Ceiling(epochs / 8.0), e2 = Math.Max(e1 + 1, (int)Math.Ceiling(3 * epochs / 8.0));
            var picks = Enumerable.Range(0, repetitions).Select(r =>
            {
                var start = LearningRateFinder.SuggestForBudget(cell.Hyperparameters, data, QualityMatrix.FinderSeeds(r));
                var candidates = HalvingMultipliers.Select(m =>
                {
                    double rate = start.Rate * m;
                    using var run = HyperLab.Training.Trainer.Fit(cell.Hyperparameters with { LearningRate = rate, Seed = QualityMatrix.FinderSeeds(r)[0] }, data);
                    double At(int epoch) => run.History.Epochs.Count >= epoch && double.IsFinite(run.History.Epochs[epoch - 1].ValidationLoss)
                        ? run.History.Epochs[epoch - 1].ValidationLoss : double.PositiveInfinity;
                    return (Rate: rate, First: At(e1), Second: At(e2));
                }).ToList();
                var pick = candidates.OrderBy(c => c.First).Take(2).MinBy(c => c.Second);
                double costRuns = start.CostRuns + (4.0 * e1 + 2.0 * (e2 - e1)) / epochs;
                return (pick.Rate, Start: start.Rate, CostRuns: costRuns);
            }).ToList();
            var rates = picks.Select(p => p.Rate).ToList();
            var quality = new FinderQuality(references[cell.Name], rates, [.. rates.Select(rate => QualityMatrix.LossAt(cell.Hyperparameters, data, rate))]);
            double cost = picks.Max(p => p.CostRuns);
            met.Add((QualityMatrix.Role(cell), quality.Holds, cost <= 2.0001));
            log.WriteLine($"{cell.Name} ({QualityMatrix.Role(cell)}; E {epochs}, rungs {e1}, {e2}): picks ×{string.Join(", ×", picks.Select(p => (p.Rate / p.Start).ToString("0.####")))} of the default; " +
                $"{quality}; cost {cost:0.00} runs; quality {(quality.Holds ? "met" : "missed")}   [{clock.Elapsed.TotalSeconds:0} s]");
        }
        log.WriteLine("quality goals met: " + string.Join(", ", met.GroupBy(m => m.Role).Select(g => $"{g.Key} {g.Count(m => m.Quality)} of {g.Count()}")) +
            $"; in all {met.Count(m => m.Quality)} of {met.Count}; cost within 2 planned runs on {met.Count(m => m.Cost)} of {met.Count}");
        log.WriteLine($"total {clock.Elapsed.TotalSeconds:0} s wall");
        return 0;
    }

    /// <summary>One rule's repetitions on one cell: suggestions, their cost in planned runs, and the losses there.</summary>
    private sealed record Outcome(IReadOnlyList<double> Rates, IReadOnlyList<double> CostRuns, FinderQuality Quality);

    private static int Report(List<QualityCell> cells, Dictionary<string, SweepReference> references, int repetitions, IReadOnlyList<BudgetRule> corrections, Func<string, bool> keepRule, TextWriter log, Stopwatch clock)
    {
        log.WriteLine($"Finder quality: {repetitions} repetitions on disjoint finder seeds; loss = mean final validation loss over training seeds {string.Join(", ", QualityMatrix.TrainingSeeds)} at the suggestion, / the sweep's robust best.");
        var rows = new List<string>();
        foreach (var cell in cells)
        {
            var data = cell.Data();
            var reference = references[cell.Name];
            int planned = cell.PlannedSteps;
            double perEpoch = (double)planned / cell.Hyperparameters.Epochs;
            var lossCache = new Dictionary<double, double>();
            double LossAt(double rate) => lossCache.TryGetValue(rate, out var l) ? l : lossCache[rate] = QualityMatrix.LossAt(cell.Hyperparameters, data, rate);
            Outcome Measure(Func<int, (double Rate, double Cost)> rule)
            {
                var picks = Enumerable.Range(0, repetitions).Select(rule).ToList();
                var rates = picks.Select(p => p.Rate).ToList();
                return new Outcome(rates, picks.Select(p => p.Cost).ToList(), new FinderQuality(reference, rates, rates.Select(LossAt).ToList()));
            }

            log.WriteLine($"{cell.Name} ({QualityMatrix.Role(cell)}; {planned} updates planned): {reference}   [{clock.Elapsed.TotalSeconds:0} s]");
            var rules = new List<(string Name, Func<int, (double, double)> Rule)>
            {
                ("valley, 3 × 100-step tests", r =>
                {
                    var s = LearningRateFinder.Spread(cell.Hyperparameters, data, QualityMatrix.FinderSeeds(r));
                    return (s.SuggestedRate, (double)s.Runs.Sum(x => x.Steps) / planned);
                }),
                ("budget-aware (default)", r =>
                {
                    var b = LearningRateFinder.SuggestForBudget(cell.Hyperparameters, data, QualityMatrix.FinderSeeds(r));
                    return (b.Rate, b.CostRuns);
                }),
            };
            foreach (var candidate in corrections)
            {
                rules.Add(($"budget-aware, {candidate.CorrectionAt100} × (N/100)^{candidate.CorrectionSlope} × (E/10)^{candidate.EpochSlope}", r =>
                {
                    var b = LearningRateFinder.SuggestForBudget(cell.Hyperparameters, data, QualityMatrix.FinderSeeds(r), candidate);
                    return (b.Rate, b.CostRuns);
                }
                ));
            }
            rules.Add(("finder-seeded sweep ×¼..×16", r =>
            {
                var c = LearningRateFinder.SuggestBySweep(cell.Hyperparameters, data, QualityMatrix.FinderSeeds(r));
                if (c.OnEdge) log.WriteLine($"    (repetition {r}: {c})");
                return (c.Rate, c.CostRuns);
            }
            ));
            foreach (var (name, rule) in rules.Where(x => keepRule(x.Name)))
            {
                var outcome = Measure(rule);
                double cost = outcome.CostRuns.Max();
                var blind = Measure(r => (BlindGrid(cell, data, cost, r), cost));
                string Ratios(FinderQuality q) => string.Join(", ", q.Ratios.Select(x => x.ToString("0.00")));
                log.WriteLine($"    {name,-30} cost {cost:0.00} runs ({cost * planned / perEpoch:0.#} epochs); {outcome.Quality}   [{clock.Elapsed.TotalSeconds:0} s]");
                log.WriteLine($"    {"  blind grid of that cost",-30} {BlindDescription(cost)}: rates {string.Join(", ", blind.Rates.Select(Hyperparameters.Fmt))}; spread ×{blind.Quality.Spread:0.00}; loss/robust best {Ratios(blind.Quality)}");
                rows.Add($"| {cell.Name} | {QualityMatrix.Role(cell)} | {planned} | {name} | {cost:0.00} ({cost * planned / perEpoch:0.#} ep) | {Ratios(outcome.Quality)} | ×{outcome.Quality.Spread:0.00} | {(outcome.Quality.Holds && cost <= 1.0001 ? "yes" : outcome.Quality.Holds ? "quality yes, cost no" : "no")} | {Ratios(blind.Quality)} | ×{blind.Quality.Spread:0.00} |");
            }
        }
        log.WriteLine();
        log.WriteLine("| cell | role | planned updates | rule | cost: planned runs (epochs) | loss / robust best per repetition | spread | goal met | blind grid of equal cost: loss / robust best | its spread |");
        log.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows) log.WriteLine(row);
        log.WriteLine($"total {clock.Elapsed.TotalSeconds:0} s wall");
        return 0;
    }

    /// <summary>The blind grid that costs <paramref name="costRuns"/> planned runs (at least one): with 9 runs or more,
    /// ⌊runs/3⌋ rates × 3 seeds; below that, ⌊runs⌋ rates × 1 seed; rates log-spaced from 1e-4 to 0.1 (one rate: 3.2e-3).</summary>
    private static (int Rates, int Seeds) BlindShape(double costRuns)
    {
        int runs = Math.Max(1, (int)Math.Floor(costRuns + 1e-9));
        return runs >= 9 ? (runs / 3, 3) : (runs, 1);
    }

    private static string BlindDescription(double costRuns)
    {
        var (rates, seeds) = BlindShape(costRuns);
        return $"{rates} rate{(rates == 1 ? "" : "s")} × {seeds} seed{(seeds == 1 ? "" : "s")}";
    }

    /// <summary>The blind grid's pick in repetition <paramref name="repetition"/> (its runs on that repetition's finder seeds).</summary>
    private static double BlindGrid(QualityCell cell, HyperLab.Data.DataSplits data, double costRuns, int repetition)
    {
        var (count, seeds) = BlindShape(costRuns);
        var rates = count == 1 ? [Math.Sqrt(1e-4 * 0.1)] : Enumerable.Range(0, count).Select(i => 1e-4 * Math.Pow(1e3, (double)i / (count - 1))).ToArray();
        if (count == 1) return rates[0];
        var finderSeeds = QualityMatrix.FinderSeeds(repetition).Take(seeds).ToList();
        return rates.MinBy(rate => finderSeeds.Average(s =>
        {
            using var run = HyperLab.Training.Trainer.Fit(cell.Hyperparameters with { LearningRate = rate, Seed = s }, data);
            return SweepReference.FinalLoss(run.History);
        }));
    }
}
