namespace HyperLab.Lessons.Lesson04;

/// <summary>
/// A tiny fully connected ReLU network from one input to one output, with weights set by hand or drawn
/// at random (lesson 04: depth against width). Plain doubles, no training: it exists to count the
/// linear pieces a network of a given shape can draw.
/// </summary>
/// <param name="Layers">Each layer's weights [outputs, inputs] and biases; ReLU after every layer but the last.</param>
public sealed record ReluNet(IReadOnlyList<(double[,] Weights, double[] Biases)> Layers)
{
    /// <summary>Weights plus biases over all layers.</summary>
    public int Parameters => Layers.Sum(l => l.Weights.Length + l.Biases.Length);

    /// <summary>Hidden layers (every layer but the output layer).</summary>
    public int Depth => Layers.Count - 1;

    /// <summary>The network's output at <paramref name="x"/>.</summary>
    public double Evaluate(double x)
    {
        double[] a = [x];
        for (int l = 0; l < Layers.Count; l++)
        {
            var (w, b) = Layers[l];
            var next = new double[b.Length];
            for (int i = 0; i < b.Length; i++)
            {
                double s = b[i];
                for (int j = 0; j < a.Length; j++) s += w[i, j] * a[j];
                next[i] = l < Layers.Count - 1 ? Math.Max(0, s) : s;
            }
            a = next;
        }
        return a[0];
    }

    /// <summary>One hidden layer of <paramref name="width"/> ReLU units with weights and biases drawn
    /// uniformly from [−1, 1] (seeded): a typical shallow network of that size.</summary>
    public static ReluNet RandomShallow(int width, int seed)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), $"width must be at least 1; got {width}. Try 12.");
        var rng = new Random(seed);
        double Draw() => 2 * rng.NextDouble() - 1;
        var w1 = new double[width, 1];
        var b1 = new double[width];
        var w2 = new double[1, width];
        for (int i = 0; i < width; i++) { w1[i, 0] = Draw(); b1[i] = Draw(); w2[0, i] = Draw(); }
        return new ReluNet([(w1, b1), (w2, [Draw()])]);
    }
}
