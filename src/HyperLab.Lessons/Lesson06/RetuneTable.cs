using System.Globalization;
using HyperLab.Sweeps;

namespace HyperLab.Lessons.Lesson06;

/// <summary>One row of a <see cref="RetuneTable"/>: when you change one knob, what to retune, and what was measured.</summary>
/// <param name="Change">The knob you change ("batch").</param>
/// <param name="Retune">The knob to retune with it ("lr").</param>
/// <param name="Moved">Whether the measured best of <paramref name="Retune"/> moved when <paramref name="Change"/> changed.</param>
/// <param name="Evidence">The measurement in words.</param>
public sealed record RetuneRow(string Change, string Retune, bool Moved, string Evidence)
{
    /// <inheritdoc/>
    /// <remarks>A best that did not move on a coarse grid is not proof that no retuning is needed, so the row says what was
    /// measured ("the best did not move on this grid") rather than "you may keep it".</remarks>
    public override string ToString() => $"when you change {Change}, {(Moved ? $"retune {Retune}" : $"the best {Retune} did not move on this grid")}: {Evidence}";
}

/// <summary>
/// "When you change X, retune Y" (lesson 06), built from measurements rather than typed in: each row reads a
/// two-knob <see cref="GridResult"/> (did the best row value move across the columns?) or compares two grids.
/// </summary>
public sealed class RetuneTable
{
    private readonly List<RetuneRow> rows = [];

    /// <summary>The rows, in the order added.</summary>
    public IReadOnlyList<RetuneRow> Rows => rows;

    /// <summary>Adds a row from a grid: when its column knob changes, did the best value of its row knob move?</summary>
    /// <param name="grid">The grid, e.g. learning rate (rows) × batch size (columns).</param>
    public RetuneTable Add(GridResult grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var bests = grid.Columns.Zip(grid.BestPerColumn).Where(p => p.Second is not null).ToList();
        bool moved = bests.Select(p => p.Second!.Row).Distinct().Count() > 1;
        string evidence = $"best {grid.RowKnob} " + string.Join(", ", bests.Select(p => $"{Hyperparameters.Fmt(p.Second!.Row)} at {grid.ColumnKnob} {Hyperparameters.Fmt(p.First)}"));
        if (moved && grid.Rows.All(r => r > 0)) evidence += string.Create(CultureInfo.InvariantCulture, $" ({grid.BestRowShiftDecades:0.#} decade{(Math.Abs(grid.BestRowShiftDecades - 1) < 0.05 ? "" : "s")})");
        rows.Add(new RetuneRow(grid.ColumnKnob, grid.RowKnob, moved, evidence));
        return this;
    }

    /// <summary>Adds a row comparing two grids over the same row knob, e.g. Adam + L2 against AdamW: did the overall best row value differ?</summary>
    /// <param name="change">What differs between the grids, e.g. "optimizer (Adam + L2 → AdamW)".</param>
    /// <param name="before">The first grid.</param>
    /// <param name="after">The second grid.</param>
    public RetuneTable Add(string change, GridResult before, GridResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        bool moved = before.Best.Row != after.Best.Row;
        string evidence = $"best {before.RowKnob} {Hyperparameters.Fmt(before.Best.Row)} before, {Hyperparameters.Fmt(after.Best.Row)} after";
        rows.Add(new RetuneRow(change, before.RowKnob, moved, evidence));
        return this;
    }

    /// <summary>Adds a row from any other measurement, e.g. the overfitting onsets of lesson 06.</summary>
    public RetuneTable Add(string change, string retune, bool moved, string evidence)
    {
        rows.Add(new RetuneRow(change, retune, moved, evidence));
        return this;
    }

    /// <summary>One line per row.</summary>
    public override string ToString() => string.Join(Environment.NewLine, rows);
}
