using System.Globalization;

namespace HyperLab.Numerics;

/// <summary>Numbers as short text for logs and labels (what <see cref="Hyperparameters.Fmt"/> returns).</summary>
public static class NumberText
{
    /// <summary>Formats a number compactly: 0.001 as 1e-3, 0.05 as 0.05, 0 as 0.</summary>
    /// <param name="v">The number.</param>
    public static string Of(double v)
    {
        if (v == 0) return "0";
        double a = Math.Abs(v);
        if (a >= 0.01 && a < 10_000) return v.ToString("0.####", CultureInfo.InvariantCulture);
        int e = (int)Math.Floor(Math.Log10(a));
        double m = v / Math.Pow(10, e);
        string ms = Math.Abs(m - Math.Round(m)) < 1e-9 ? ((int)Math.Round(m)).ToString(CultureInfo.InvariantCulture) : m.ToString("0.##", CultureInfo.InvariantCulture);
        return $"{ms}e{e}";
    }
}
