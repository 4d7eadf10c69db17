using System.Globalization;
using HyperLab.Data;
using HyperLab.Sweeps;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson06;

/// <summary>
/// "Which hyperparameter matters most?" (lesson 06): around one good baseline, varies each knob over its range
/// with everything else fixed (one <see cref="Sweep"/> per knob) and measures the spread of final validation loss
/// each one causes. The answer depends on the ranges you call sensible: state them with the result.
/// </summary>
public static class SweepImportance
{
    /// <summary>One sweep per knob around <paramref name="baseline"/>.</summary>
    /// <param name="data">Training and validation data.</param>
    /// <param name="baseline">The good baseline every sweep starts from.</param>
    /// <param name="knobs">The knobs and the range of each, e.g. <c>Knob.LearningRate(1e-4, 1e-3, 1e-2)</c>.</param>
    /// <param name="options">Fit options for every run. Default none.</param>
    public static ImportanceResult Measure(DataSplits data, Hyperparameters baseline, IEnumerable<Knob> knobs, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(knobs);
        var spreads = knobs.Select(k => new KnobSpread(k, Sweep.Run(data, baseline, k.Name, k.Values, k.Apply, options))).ToList();
        if (spreads.Count < 2) throw new ArgumentException("Compare at least two knobs.", nameof(knobs));
        return new ImportanceResult(baseline, spreads);
    }
}

/// <summary>How much one knob moved the final validation loss over its range (diverged runs left out and counted).</summary>
/// <param name="Knob">The knob and its range.</param>
/// <param name="Sweep">Its runs.</param>
public sealed record KnobSpread(Knob Knob, SweepResult<double> Sweep)
{
    private IEnumerable<SweepPoint<double>> Finished => Sweep.Points.Where(p => !p.History.Diverged && double.IsFinite(p.History.FinalValidationLoss));

    /// <summary>The lowest final validation loss over the range (nats).</summary>
    public double Lowest => Finished.Min(p => p.History.FinalValidationLoss);

    /// <summary>The highest final validation loss over the range among runs that did not diverge (nats).</summary>
    public double Highest => Finished.Max(p => p.History.FinalValidationLoss);

    /// <summary>Highest − lowest: how much getting this knob wrong (within its range) can cost, in nats.</summary>
    public double Spread => Highest - Lowest;

    /// <summary>The spread with this knob's single worst run left out (highest − lowest of the rest): how much the knob
    /// matters when the one extreme value of its range is avoided. Equal to <see cref="Spread"/> with fewer than three
    /// finished runs.</summary>
    public double TrimmedSpread
    {
        get
        {
            var losses = Finished.Select(p => p.History.FinalValidationLoss).Order().ToList();
            return losses.Count < 3 ? Spread : losses[^2] - losses[0];
        }
    }

    /// <summary>Runs that diverged (not in the spread).</summary>
    public int Diverged => Sweep.Points.Count(p => p.History.Diverged);

    /// <summary>"lr over 1e-4..0.03: 0.09 to 1.53 nats, spread 1.44".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Knob.Name} over {Hyperparameters.Fmt(Knob.Values.Min())}..{Hyperparameters.Fmt(Knob.Values.Max())}: {Lowest:0.###} to {Highest:0.###} nats, spread {Spread:0.###}{(Diverged > 0 ? $" ({Diverged} diverged, left out)" : "")}");
}

/// <summary>The spread of validation loss each knob caused around one baseline (lesson 06).</summary>
/// <param name="Baseline">The baseline.</param>
/// <param name="Knobs">One entry per knob, in the order measured.</param>
public sealed record ImportanceResult(Hyperparameters Baseline, IReadOnlyList<KnobSpread> Knobs)
{
    /// <summary>The knob with the largest spread.</summary>
    public KnobSpread Largest => Knobs.MaxBy(k => k.Spread)!;

    /// <summary>The spread of the knob named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such knob was measured.</exception>
    public KnobSpread this[string name] => Knobs.FirstOrDefault(k => k.Knob.Name == name) ?? throw new KeyNotFoundException($"No knob named '{name}' was measured; measured: {string.Join(", ", Knobs.Select(k => k.Knob.Name))}.");

    /// <summary>The spread of <paramref name="name"/> divided by the largest spread of any other knob (&gt; 1: it matters most).</summary>
    public double RatioToNext(string name) => this[name].Spread / Knobs.Where(k => k.Knob.Name != name).Max(k => k.Spread);

    /// <summary>Whether <paramref name="name"/> matters most robustly: its spread exceeds every other knob's by more than
    /// <paramref name="margin"/> nats, and so does its spread with each knob's worst run left out (so one extreme value
    /// at the end of a range does not decide it). See <see cref="Dominance"/>.</summary>
    /// <param name="name">The knob, e.g. "lr".</param>
    /// <param name="margin">The seed-to-seed noise to beat, in nats (≥ 0).</param>
    public Dominance Dominance(string name, double margin)
    {
        if (!double.IsFinite(margin) || margin < 0)
            throw new ArgumentOutOfRangeException(nameof(margin), $"margin must be a finite number of nats ≥ 0; got {margin}. Start from the seed-to-seed spread of the baseline's final validation loss (about 0.02 on the digits).");
        return new Dominance(this[name], Knobs.Where(k => k.Knob.Name != name).ToList(), margin);
    }

    /// <summary>"largest spread: lr (1.44 nats), 3.2× the next (batch 0.45); lr …; batch …".</summary>
    public override string ToString()
    {
        var next = Knobs.Where(k => k != Largest).MaxBy(k => k.Spread)!;
        return string.Create(CultureInfo.InvariantCulture,
            $"largest spread: {Largest.Knob.Name} ({Largest.Spread:0.###} nats), {Largest.Spread / next.Spread:0.0}× the next ({next.Knob.Name}, {next.Spread:0.###}); ") +
            string.Join("; ", Knobs.OrderByDescending(k => k.Spread));
    }
}

/// <summary>
/// "Knob X matters most" (lesson 06), judged twice: on each knob's full spread over its range, and on each knob's spread
/// with its single worst run left out (<see cref="KnobSpread.TrimmedSpread"/>), so that one extreme value at the end of
/// a range (a rate far too small for the budget) cannot decide it alone. Both must exceed every other knob's by more
/// than <see cref="Margin"/> nats.
/// </summary>
/// <param name="Knob">The knob claimed to matter most.</param>
/// <param name="Others">Every other knob measured.</param>
/// <param name="Margin">The seed-to-seed noise to beat, in nats.</param>
public sealed record Dominance(KnobSpread Knob, IReadOnlyList<KnobSpread> Others, double Margin) : HyperLab.Claims.IEvidence
{
    /// <summary>The other knob with the largest full spread.</summary>
    public KnobSpread Next => Others.MaxBy(k => k.Spread) ?? throw new InvalidOperationException("Compare at least two knobs.");

    /// <summary>The other knob with the largest trimmed spread.</summary>
    public KnobSpread NextTrimmed => Others.MaxBy(k => k.TrimmedSpread) ?? throw new InvalidOperationException("Compare at least two knobs.");

    /// <summary>The knob's full spread minus the next largest.</summary>
    public double Lead => Knob.Spread - Next.Spread;

    /// <summary>The knob's trimmed spread minus the next largest trimmed spread.</summary>
    public double TrimmedLead => Knob.TrimmedSpread - NextTrimmed.TrimmedSpread;

    /// <inheritdoc/>
    public bool Holds => Lead > Margin && TrimmedLead > Margin;

    /// <summary>"lr over 3e-4..0.03: spread 0.9 nats, 0.7 above the next (batch 0.2); without each knob's worst run: lr 0.12, 0.1 above the next (epochs 0.02); required more than 0.05 both ways".</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Knob.Knob.Name} over {Hyperparameters.Fmt(Knob.Knob.Values.Min())}..{Hyperparameters.Fmt(Knob.Knob.Values.Max())}: spread {Knob.Spread:0.###} nats, " +
        $"{(Lead >= 0 ? $"{Lead:0.###} above" : $"{-Lead:0.###} below")} the next ({Next.Knob.Name} {Next.Spread:0.###}); " +
        $"with each knob's worst run left out: {Knob.Knob.Name} {Knob.TrimmedSpread:0.###}, {(TrimmedLead >= 0 ? $"{TrimmedLead:0.###} above" : $"{-TrimmedLead:0.###} below")} the next ({NextTrimmed.Knob.Name} {NextTrimmed.TrimmedSpread:0.###}); " +
        $"required more than {Margin:0.###} both ways{(Holds ? "" : $": {Knob.Knob.Name} does not matter most beyond the margin")}");
}
