
namespace HyperLab.Numerics;

/// <summary>
/// A straight line through points on log-log axes (lesson 02): least squares of ln y on ln x, so
/// y ≈ C·x^<see cref="Slope"/>. A slope of −1 means "halves when x doubles" (y ∝ 1/x).
/// </summary>
/// <param name="Slope">The exponent: change of ln y per unit of ln x.</param>
/// <param name="Intercept">ln y at x = 1 (so C = e^Intercept).</param>
/// <param name="RSquared">Share of the variance of ln y the line explains, in [0, 1]; 1 is a perfect line.</param>
public sealed record LogLogFit(double Slope, double Intercept, double RSquared)
{
    /// <summary>Fits the line to points with positive, finite x and y (others are skipped).</summary>
    /// <exception cref="ArgumentException">Fewer than two usable points, or all at the same x.</exception>
    public static LogLogFit Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"{x.Count} x values but {y.Count} y values.", nameof(y));
        var points = x.Zip(y).Where(p => p.First > 0 && p.Second > 0 && double.IsFinite(p.First) && double.IsFinite(p.Second))
            .Select(p => (X: Math.Log(p.First), Y: Math.Log(p.Second))).ToList();
        if (points.Count < 2) throw new ArgumentException("A log-log fit needs at least two points with positive x and y.", nameof(x));
        if (points.Select(p => p.X).Distinct().Count() < 2) throw new ArgumentException("A log-log fit needs at least two different x values.", nameof(x));
        var line = LineFit.Of(points.Select(p => p.X), points.Select(p => p.Y));
        return new LogLogFit(line.Slope, line.Intercept, line.RSquared);
    }

    /// <summary>The fitted value at <paramref name="x"/>: e^Intercept · x^Slope.</summary>
    public double Predict(double x) => Math.Exp(Intercept) * Math.Pow(x, Slope);

    /// <summary>"slope −0.98 (R² 0.998)".</summary>
    public override string ToString() => $"slope {Slope:0.00} (R² {RSquared:0.000})";
}
