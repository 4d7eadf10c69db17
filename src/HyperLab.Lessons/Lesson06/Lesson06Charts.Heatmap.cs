using HyperLab.Charts;
using Plotly.NET;
using static HyperLab.Charts.Plot;

namespace HyperLab.Lessons.Lesson06;

/// <summary>Lesson 06's charts of its own result types (rate × decay grids on either decay axis and the spread per knob), drawn with the chart primitives
/// of <see cref="Plot"/> and one <see cref="ChartOptions"/>.</summary>
public static partial class Lesson06Charts
{
    /// <summary>
    /// Lesson 06: learning rate × weight decay grids averaged over seeds (<see cref="DecayRateGrid"/>), side by side on one
    /// colour scale, each read on the decay axis given with it: the coefficient λ or the effective decay λ′ = η·λ. A grid
    /// read on the other axis than it was laid out on becomes a sheared table: its blank cells were not run.
    /// </summary>
    /// <param name="grids">Subtitle, grid and the axis to read it on, e.g. ("AdamW against λ′ = η·λ", adamW, DecayAxis.Effective).</param>
    /// <param name="options">Title (default "Final validation loss (mean of the seeds)"), size (default 420 per grid + 120 × 560).</param>
    public static GenericChart Heatmap(IEnumerable<(string Subtitle, DecayRateGrid Grid, DecayAxis Axis)> grids, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grids);
        var list = grids.ToList();
        if (list.Count == 0 || list.Any(g => g.Grid is null || string.IsNullOrWhiteSpace(g.Subtitle)))
            throw new ArgumentException("Give at least one (subtitle, grid, axis) and a subtitle and a grid for each.", nameof(grids));
        var o = options ?? ChartOptions.Default;
        var tables = list.Select(g => (g.Subtitle, Table: Table(g.Grid, g.Axis))).ToList();
        var finite = tables.SelectMany(t => t.Table.Loss.SelectMany(r => r)).Where(double.IsFinite).ToList();
        double low = finite.Count == 0 ? 0 : finite.Min(), high = finite.Count == 0 ? 1 : Math.Max(Math.Min(finite.Max(), 3 * low), low * 1.0001 + 1e-9);
        return SideBySide(tables, low, high, o with { Title = o.Title ?? $"Final validation loss (mean of {list[0].Grid.Seeds.Count} seeds)" },
            Key("decay", "lr", high) + " · blank: not run");
    }

    private static HeatTable Table(DecayRateGrid grid, DecayAxis axis)
    {
        var (rows, loss) = grid.TableOn(axis);
        return new HeatTable("lr", grid.Rates, axis == DecayAxis.Coefficient ? "weight decay λ" : "effective decay λ′ = η·λ", rows, loss);
    }
}
