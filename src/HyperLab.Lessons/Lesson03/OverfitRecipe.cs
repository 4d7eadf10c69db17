using System.Globalization;
using HyperLab.Data;

namespace HyperLab.Lessons.Lesson03;

/// <summary>
/// A recipe for a data set that overfits on purpose (lesson 03; lessons 05 and 06 reuse it): few training
/// examples, some of them with wrong labels, and a large clean validation set to watch the damage. A big
/// network can memorize the few examples, wrong labels included, long before it has learned the task, so
/// its training loss keeps falling while its validation loss turns up.
/// </summary>
/// <remarks>
/// <para><see cref="Build"/> follows four documented steps, so that anyone can reproduce a setup from its
/// <see cref="ToString"/> line (or by hand with the same library calls):</para>
/// <list type="number">
/// <item>draw a class-balanced sample of <see cref="TrainCount"/> + <see cref="ValidationCount"/> examples
/// (<see cref="Dataset.StratifiedSample"/> with the seed);</item>
/// <item>split it, stratified, into exactly <see cref="TrainCount"/> training and
/// <see cref="ValidationCount"/> validation examples (<see cref="Splits.Stratified"/> with the seed);</item>
/// <item>if <see cref="Standardize"/>, standardize every feature with the training set's mean and standard
/// deviation (<see cref="Standardizer"/>);</item>
/// <item>give exactly round(<see cref="LabelNoise"/> × <see cref="TrainCount"/>) training examples a wrong
/// label, drawn uniformly from the other classes (<see cref="Dataset.WithLabelNoise"/> with the seed).
/// Validation labels are never changed: validation measures the real task.</item>
/// </list>
/// </remarks>
/// <param name="TrainCount">Training examples, at least 10. Default 300 (30 per class on a 10-class set).</param>
/// <param name="ValidationCount">Validation examples, at least 10. Default 1,200: large, so its loss is a steady signal.</param>
/// <param name="LabelNoise">Fraction of training labels made wrong, in [0, 1). Default 0.2.</param>
/// <param name="Standardize">Standardize features with training statistics. Default true (right for
/// <see cref="CourseData.Digits"/>, whose pixels count 0..16; harmless for others).</param>
public sealed record OverfitRecipe(int TrainCount = 300, int ValidationCount = 1200, double LabelNoise = 0.2, bool Standardize = true)
{
    /// <summary>Training examples.</summary>
    public int TrainCount { get; init => field = CheckCount(nameof(TrainCount), value, "300"); } = CheckCount(nameof(TrainCount), TrainCount, "300");

    /// <summary>Validation examples.</summary>
    public int ValidationCount { get; init => field = CheckCount(nameof(ValidationCount), value, "1200"); } = CheckCount(nameof(ValidationCount), ValidationCount, "1200");

    /// <summary>Fraction of training labels made wrong.</summary>
    public double LabelNoise { get; init => field = CheckNoise(value); } = CheckNoise(LabelNoise);

    /// <summary>
    /// A network big enough to memorize <see cref="TrainCount"/> examples quickly: 3 hidden layers of 256
    /// units, AdamW at 10⁻³, batches of 32, 40 epochs, no regularization. Set the seed with <c>with</c>.
    /// </summary>
    public static Hyperparameters LargeModel { get; } = new()
    {
        Depth = 3,
        Width = 256,
        LearningRate = 1e-3,
        BatchSize = 32,
        Epochs = 40,
        Optimizer = OptimizerKind.AdamW,
    };

    private static int CheckCount(string name, int value, string start) => value >= 10 ? value
        : throw new HyperparameterException(name, value, "a whole number, at least 10", start);

    private static double CheckNoise(double value) => value is >= 0 and < 1 ? value
        : throw new HyperparameterException(nameof(LabelNoise), value, "a fraction in [0, 1)", "0.2");

    /// <summary>Follows the four steps (see remarks) on <paramref name="source"/>.</summary>
    /// <param name="source">Where the examples come from, e.g. <see cref="CourseData.Digits"/>; needs at least
    /// <see cref="TrainCount"/> + <see cref="ValidationCount"/> examples and two classes.</param>
    /// <param name="seed">Which examples are drawn and which labels go wrong; the same seed gives the same setup.</param>
    /// <exception cref="ArgumentException">The source is too small or has a single class.</exception>
    public OverfitSetup Build(Dataset source, int seed)
    {
        ArgumentNullException.ThrowIfNull(source);
        int total = TrainCount + ValidationCount;
        if (total > source.Count)
            throw new ArgumentException($"'{source.Name}' has {source.Count:N0} examples; the recipe needs {total:N0} ({TrainCount} training + {ValidationCount} validation).", nameof(source));
        if (source.ClassCount < 2)
            throw new ArgumentException($"'{source.Name}' has a single class: nothing to classify.", nameof(source));

        var pool = source.StratifiedSample(total, seed);                                        // 1
        var splits = Splits.Stratified(pool, (double)ValidationCount / total, seed: seed);      // 2
        if (Standardize) splits = Standardizer.Fit(splits.Train).Transform(splits);             // 3
        var noisy = splits.Train.WithLabelNoise(LabelNoise, seed);                             // 4
        int wrong = noisy.Labels.Where((label, i) => label != splits.Train.Labels[i]).Count();
        return new OverfitSetup(this, source.Name, seed, splits with { Train = noisy }, splits.Train, wrong);
    }

    /// <summary>"300 training examples (20% wrong labels), 1,200 clean validation examples, standardized".</summary>
    public override string ToString() => Describe(null);

    /// <summary>As <see cref="ToString"/>, with the number of labels actually changed when known.</summary>
    public string Describe(int? wrongLabels)
    {
        var inv = CultureInfo.InvariantCulture;
        string changed = wrongLabels is int w ? $": {w} changed" : "";
        return $"{TrainCount.ToString("N0", inv)} training examples ({LabelNoise.ToString("0.#%", inv)} wrong labels{changed}), " +
               $"{ValidationCount.ToString("N0", inv)} clean validation examples{(Standardize ? ", standardized" : "")}";
    }
}
