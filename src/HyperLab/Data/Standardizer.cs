namespace HyperLab.Data;

/// <summary>
/// Feature standardization, <c>(x − mean) / std</c> per column, with the mean and standard deviation
/// measured on the training set only and then applied unchanged to validation and test data, so that
/// nothing about those sets leaks into training. Columns that are constant in the training set get a
/// standard deviation of 1 (they are only centred). Used for the UCI tables, whose raw units differ by orders of magnitude (lesson 04).
/// </summary>
/// <example><code>
/// var splits = Splits.Stratified(CourseData.Wine(), validationFraction: 0.2, seed: 0);
/// splits = Standardizer.Fit(splits.Train).Transform(splits);
/// </code></example>
public sealed class Standardizer
{
    private readonly float[] mean;
    private readonly float[] std;

    private Standardizer(float[] mean, float[] std)
    {
        this.mean = mean;
        this.std = std;
    }

    /// <summary>The training mean of each column (a copy).</summary>
    public float[] Mean => (float[])mean.Clone();

    /// <summary>The training standard deviation of each column (population, divide by n; a copy); 1 for constant columns.</summary>
    public float[] Std => (float[])std.Clone();

    /// <summary>Measures each column's mean and standard deviation on <paramref name="train"/> (in double precision).</summary>
    /// <exception cref="BadDataException">A feature is NaN or infinite (the message names row, column and value).</exception>
    public static Standardizer Fit(Dataset train)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
            throw new ArgumentException($"Cannot fit a standardizer on '{train.Name}': it has no examples.", nameof(train));
        DataChecks.AllFinite(train);   // one NaN would turn its whole column into NaN
        int n = train.Count, f = train.FeatureCount;
        var sum = new double[f];
        var x = train.Features;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < f; j++)
                sum[j] += x[(long)i * f + j];
        var mean = sum.Select(s => s / n).ToArray();

        var squares = new double[f];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < f; j++)
            {
                var d = x[(long)i * f + j] - mean[j];
                squares[j] += d * d;
            }

        var std = squares.Select(s => Math.Sqrt(s / n)).Select(s => s > 1e-12 ? (float)s : 1f).ToArray();
        return new Standardizer(mean.Select(m => (float)m).ToArray(), std);
    }

    /// <summary>A standardized copy of <paramref name="data"/> (same name, labels shared), using the training statistics.</summary>
    public Dataset Transform(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != mean.Length)
            throw new ArgumentException(
                $"'{data.Name}' has {data.FeatureCount} features; this standardizer was fitted on {mean.Length}.", nameof(data));
        var f = mean.Length;
        var source = data.Features;
        var result = new float[source.Length];
        for (long k = 0; k < source.Length; k++)
        {
            var j = (int)(k % f);
            result[k] = (source[k] - mean[j]) / std[j];
        }

        return new Dataset(data.Name, result, data.Labels, f, data.ClassNames, data.ImageShape);
    }

    /// <summary>Transforms all three sets with the same (training) statistics.</summary>
    public DataSplits Transform(DataSplits splits)
    {
        ArgumentNullException.ThrowIfNull(splits);
        return new DataSplits(Transform(splits.Train), Transform(splits.Validation), splits.Test is null ? null : Transform(splits.Test));
    }

    /// <summary>A one-line summary, e.g. "Standardizer over 13 features".</summary>
    public override string ToString() => $"Standardizer over {mean.Length} features";
}
