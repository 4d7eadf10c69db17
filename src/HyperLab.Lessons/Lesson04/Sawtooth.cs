namespace HyperLab.Lessons.Lesson04;

/// <summary>
/// A function that is far cheaper to draw deep than wide (lesson 04, after Telgarsky 2016): the tent
/// map t(x) = 2x on [0, ½], 2 − 2x on [½, 1], composed k times, is a sawtooth with 2^k linear pieces on
/// [0, 1]. A network of k hidden layers of 2 ReLU units computes it exactly (6k + 1 parameters); one
/// hidden layer needs a unit per kink, 2^k units (3·2^k + 1 parameters), because a single hidden layer of
/// w ReLU units on one input can bend at most w times.
/// </summary>
public static class Sawtooth
{
    /// <summary>k hidden layers of 2 units: each layer computes relu(t) and relu(t − ½) of the previous tent
    /// t = 2·relu(·) − 4·relu(· − ½).</summary>
    public static ReluNet Deep(int k)
    {
        Check(k);
        var layers = new List<(double[,], double[])> { (new double[,] { { 1 }, { 1 } }, [0, -0.5]) };
        for (int i = 1; i < k; i++) layers.Add((new double[,] { { 2, -4 }, { 2, -4 } }, [0, -0.5]));
        layers.Add((new double[,] { { 2, -4 } }, [0]));
        return new ReluNet(layers);
    }

    /// <summary>One hidden layer of 2^k units, one per kink at j/2^k (j = 0 … 2^k − 1), drawing the same sawtooth.</summary>
    public static ReluNet Shallow(int k)
    {
        Check(k);
        int units = 1 << k;
        double slope = units;   // the sawtooth's slope is ±2^k
        var w1 = new double[units, 1];
        var b1 = new double[units];
        var w2 = new double[1, units];
        for (int j = 0; j < units; j++)
        {
            w1[j, 0] = 1;
            b1[j] = -(double)j / units;
            w2[0, j] = j == 0 ? slope : (j % 2 == 1 ? -2 * slope : 2 * slope);   // flip the slope at every kink
        }
        return new ReluNet([(w1, b1), (w2, [0])]);
    }

    /// <summary>The target: the tent map composed <paramref name="k"/> times.</summary>
    public static double Target(int k, double x)
    {
        for (int i = 0; i < k; i++) x = x < 0.5 ? 2 * x : 2 - 2 * x;
        return x;
    }

    private static void Check(int k)
    {
        if (k is < 1 or > 16) throw new ArgumentOutOfRangeException(nameof(k), $"k (tent compositions) must be 1 to 16; got {k}. Try 6 (64 pieces).");
    }
}

/// <summary>Counts the linear pieces of a one-input function on [0, 1] by its slopes on a fine grid (lesson 04).</summary>
public static class LinearPieces
{
    /// <summary>Pieces = kinks + 1; a kink is a change of slope between neighbouring grid cells (a kink inside
    /// a cell changes the slope twice in a row and counts once).</summary>
    /// <param name="f">The function.</param>
    /// <param name="cells">Grid cells on [0, 1]; default 2^16, so dyadic kinks fall on grid points.</param>
    public static int Count(Func<double, double> f, int cells = 1 << 16)
    {
        ArgumentNullException.ThrowIfNull(f);
        var y = new double[cells + 1];
        for (int i = 0; i <= cells; i++) y[i] = f((double)i / cells);
        var slope = new double[cells];
        for (int i = 0; i < cells; i++) slope[i] = (y[i + 1] - y[i]) * cells;
        double scale = Math.Max(1, slope.Max(Math.Abs));
        int kinks = 0;
        bool previous = false;
        for (int i = 1; i < cells; i++)
        {
            bool change = Math.Abs(slope[i] - slope[i - 1]) > 1e-6 * scale;
            if (change && !previous) kinks++;
            previous = change;
        }
        return kinks + 1;
    }

    /// <summary>The largest absolute difference between two functions on the same grid.</summary>
    public static double LargestDifference(Func<double, double> f, Func<double, double> g, int cells = 1 << 16)
    {
        double worst = 0;
        for (int i = 0; i <= cells; i++) { double x = (double)i / cells; worst = Math.Max(worst, Math.Abs(f(x) - g(x))); }
        return worst;
    }
}
