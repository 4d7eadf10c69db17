using System.Globalization;
using HyperLab.Claims;
using HyperLab.Sweeps;

namespace HyperLab.Lessons.Lesson06;

/// <summary>
/// How the range of good row values of a two-knob <see cref="GridResult"/> moves between two columns (lesson 06: the good
/// constant rates at 3 and at 15 epochs). A column's good range runs from its lowest to its highest row value whose
/// final validation loss is within <see cref="Within"/>× of that column's best; its centre is the geometric mean of
/// the two ends. Unlike the best cell alone, the range moves when the best stays in the same cell while its
/// neighbours change, and it does not move when the whole curve only shifts up or down.
/// </summary>
/// <param name="Grid">The grid, rows on a log grid (e.g. rates three per decade).</param>
/// <param name="From">Index of the first column (the shorter budget).</param>
/// <param name="To">Index of the second column (the longer budget).</param>
/// <param name="Within">A row is good when its loss is at most this factor times the column's best. Default 1.5.</param>
/// <param name="MinSteps">How many grid steps lower the second centre must be. Default 1.</param>
public sealed record GoodRangeShift(GridResult Grid, int From = 0, int To = 1, double Within = 1.5, double MinSteps = 1) : IEvidence
{
    /// <summary>The good row values of column <paramref name="column"/>, in grid order.</summary>
    public IReadOnlyList<double> Good(int column)
    {
        var cells = Grid.Rows.Select((_, r) => Grid.Cell(column, r)).Where(c => double.IsFinite(c.Loss)).ToList();
        if (cells.Count == 0) return [];
        double best = cells.Min(c => c.Loss);
        return cells.Where(c => c.Loss <= Within * best).Select(c => c.Row).ToList();
    }

    /// <summary>The geometric centre of a column's good range (NaN when every run diverged).</summary>
    public double Centre(int column)
    {
        var good = Good(column);
        return good.Count == 0 ? double.NaN : Math.Sqrt(good.Min() * good.Max());
    }

    /// <summary>The grid's step between neighbouring rows, as a factor (e.g. 2.15 for three per decade).</summary>
    public double Step => Math.Exp(Math.Log(Grid.Rows[Grid.Rows.Count - 1] / Grid.Rows[0]) / (Grid.Rows.Count - 1));

    /// <summary>How many grid steps the centre moved down from the first column to the second (negative: it moved up).</summary>
    public double StepsDown => Math.Log(Centre(From) / Centre(To)) / Math.Log(Step);

    /// <inheritdoc/>
    public bool Holds => Grid.Rows.Count >= 2 && Grid.Rows.All(r => r > 0) && double.IsFinite(StepsDown) && StepsDown >= MinSteps - 1e-9;

    /// <summary>"good lr (within 1.5× of the column's best): epochs 3 → 4.64e-3..0.0215 (centre 0.01), epochs 15 → 2.15e-3..0.01 (centre 4.64e-3): 1 grid step lower, required at least 1".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string Side(int c)
        {
            var good = Good(c);
            return good.Count == 0 ? $"{Grid.ColumnKnob} {Hyperparameters.Fmt(Grid.Columns[c])} → every run diverged"
                : $"{Grid.ColumnKnob} {Hyperparameters.Fmt(Grid.Columns[c])} → {Hyperparameters.Fmt(good.Min())}..{Hyperparameters.Fmt(good.Max())} (centre {Hyperparameters.Fmt(Centre(c))}, best {Hyperparameters.Fmt(Grid.BestPerColumn[c]!.Row)})";
        }
        double steps = StepsDown;
        string moved = !double.IsFinite(steps) ? "no range to compare" : Math.Abs(steps) < 1e-9 ? "the range did not move"
            : steps > 0 ? $"{steps.ToString("0.#", inv)} grid step{(Math.Abs(steps - 1) < 1e-9 ? "" : "s")} lower" : $"{(-steps).ToString("0.#", inv)} grid steps higher";
        return $"good {Grid.RowKnob} (within {Within.ToString("0.##", inv)}× of the column's best loss): {Side(From)}, {Side(To)}: {moved}, required at least {MinSteps.ToString("0.#", inv)} step (×{Step.ToString("0.##", inv)}) lower{(Holds ? "" : ": the good range did not move down")}";
    }
}
