namespace HyperLab.Numerics;

/// <summary>A straight line y = Intercept + Slope·x fitted by least squares, and how well it fits (lessons 02, 03 and 04: cost of depth, log-log noise, curve trends).</summary>
/// <param name="Slope">Change of y per unit of x.</param>
/// <param name="Intercept">y at x = 0.</param>
/// <param name="RSquared">Share of y's variance the line explains (1 = exactly on the line).</param>
public sealed record LineFit(double Slope, double Intercept, double RSquared)
{
    /// <summary>Fits the line (at least two distinct x values).</summary>
    public static LineFit Of(IEnumerable<double> xs, IEnumerable<double> ys)
    {
        var x = xs.ToArray();
        var y = ys.ToArray();
        if (x.Length != y.Length || x.Length < 2) throw new ArgumentException("Need at least two (x, y) pairs of equal count.");
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); syy += (y[i] - my) * (y[i] - my); }
        if (sxx == 0) throw new ArgumentException("The x values are all equal.");
        double slope = sxy / sxx;
        double r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new LineFit(slope, my - slope * mx, r2);
    }

    /// <summary>Fits a line to equally spaced values (x = 0, 1, 2, …): its slope is the change per step.
    /// Fewer than two values give a flat line.</summary>
    public static LineFit OfSequence(IEnumerable<double> values)
    {
        var y = values.ToArray();
        return y.Length < 2 ? new LineFit(0, y.FirstOrDefault(), 1) : Of(Enumerable.Range(0, y.Length).Select(i => (double)i), y);
    }

    /// <summary>"y = 16,640·x + 110,000 (R² 1.000)".</summary>
    public override string ToString() => $"y = {Slope:G4}·x + {Intercept:G4} (R² {RSquared:0.000})";
}
