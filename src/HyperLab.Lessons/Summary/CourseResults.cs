using System.Text.Json;

namespace HyperLab.Lessons.Summary;

/// <summary>One number a lesson measured and wants the course summary (lesson 08) to show.</summary>
/// <param name="Key">Stable key, "lesson.name", e.g. "01.best-adam-rate" (see <see cref="Measured"/>).</param>
/// <param name="Value">The measured value.</param>
/// <param name="Unit">Unit, e.g. "nats", "×" (a ratio), or "" for a plain number (a rate, an epoch, a depth).</param>
/// <param name="What">One sentence: what was measured, on which data.</param>
/// <param name="Seed">The lesson's seed.</param>
/// <param name="When">When it was recorded (UTC).</param>
public sealed record Measurement(string Key, double Value, string Unit, string What, int Seed, DateTime When)
{
    /// <summary>The lesson number, e.g. "01".</summary>
    public string Lesson => Key.Split('.')[0];

    /// <inheritdoc/>
    public override string ToString() => $"{Key} = {ValueText} ({What}; seed {Seed})";

    /// <summary>The value with its unit: "3.16e-3", "2.9×", "12 epochs".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ValueText => Unit switch
    {
        "" => Hyperparameters.Fmt(Value),
        "×" => $"{Value.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture)}×",
        _ => $"{Hyperparameters.Fmt(Value)} {Unit}",
    };
}

/// <summary>
/// A small results file that the lessons write their headline numbers to, so that lesson 08's
/// summary table is rebuilt from the course's own measurements rather than typed in. The file is
/// <c>measurements.json</c> in the folder named by <c>COURSE_RESULTS</c>, else in <c>artifacts/results</c>
/// under the current directory. The course's runner and notebook glue set <c>COURSE_RESULTS</c> to the
/// repository's <c>artifacts/results</c>, so every lesson writes to the same file.
/// Writes are atomic (temporary file, then rename), so a crash never leaves half a file.
/// </summary>
public static class CourseResults
{
    /// <summary>Environment variable naming the folder for the results file.</summary>
    public const string FolderVariable = "COURSE_RESULTS";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private static readonly Lock Gate = new();

    /// <summary>The results file's path.</summary>
    public static string FilePath
    {
        get
        {
            string? folder = Environment.GetEnvironmentVariable(FolderVariable);
            if (string.IsNullOrWhiteSpace(folder)) folder = Path.Combine(Environment.CurrentDirectory, "artifacts", "results");
            return Path.Combine(folder, "measurements.json");
        }
    }

    /// <summary>Records (or replaces) one measurement and returns it.</summary>
    /// <param name="key">"lesson.name", e.g. <see cref="Measured.BestAdamRate"/>.</param>
    /// <param name="value">The measured value (finite).</param>
    /// <param name="unit">Unit or kind.</param>
    /// <param name="what">What was measured, in one sentence.</param>
    /// <param name="seed">The lesson's seed.</param>
    public static Measurement Record(string key, double value, string unit, string what, int seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!key.Contains('.')) throw new ArgumentException($"A measurement key is \"lesson.name\", e.g. \"01.best-adam-rate\"; got \"{key}\".", nameof(key));
        var m = new Measurement(key, value, unit, what, seed, DateTime.UtcNow);
        lock (Gate)
        {
            var all = Load().ToDictionary(x => x.Key);
            all[key] = m;
            string path = FilePath;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";   // unique: two lesson runs may write at once
            File.WriteAllText(temp, JsonSerializer.Serialize(all.Values.OrderBy(x => x.Key).ToList(), Json));
            File.Move(temp, path, overwrite: true);
        }
        return m;
    }

    /// <summary>Every recorded measurement (empty when nothing has been recorded yet).</summary>
    public static IReadOnlyList<Measurement> Load()
    {
        string path = FilePath;
        if (!File.Exists(path)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<Measurement>>(File.ReadAllText(path)) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The course results file {path} is damaged ({e.Message}). Delete it and run the lessons again: dotnet run --project src/Course -- run", e);
        }
    }

    /// <summary>The measurement with this key, or null when its lesson has not run yet.</summary>
    public static Measurement? Find(string key) => Load().FirstOrDefault(m => m.Key == key);
}

/// <summary>The keys of the headline numbers each lesson records with <see cref="CourseResults.Record"/>
/// and lesson 08's summary table reads.</summary>
public static class Measured
{
    /// <summary>Lesson 01: the best AdamW rate of the log-grid sweep.</summary>
    public const string BestAdamRate = "01.best-adam-rate";
    /// <summary>Lesson 01: the best SGD (momentum) rate of the log-grid sweep.</summary>
    public const string BestSgdRate = "01.best-sgd-rate";
    /// <summary>Lesson 01: the learning-rate finder's suggestion.</summary>
    public const string FinderSuggestion = "01.finder-suggestion";
    /// <summary>Lesson 02: examples per second at batch 256 divided by at batch 8.</summary>
    public const string ThroughputGain = "02.throughput-256-vs-8";
    /// <summary>Lesson 02: validation loss of the very large batch over the moderate one's, same rate and epochs.</summary>
    public const string LargeBatchPenalty = "02.large-batch-penalty";
    /// <summary>Lesson 03: the epoch early stopping kept.</summary>
    public const string EarlyStopEpoch = "03.early-stop-epoch";
    /// <summary>Lesson 03: the epoch of the validation minimum in the long (overfitting) run.</summary>
    public const string OverfitOnsetEpoch = "03.overfit-onset-epoch";
    /// <summary>Lesson 04: the best number of hidden layers on the small table.</summary>
    public const string BestTableDepth = "04.best-table-depth";
    /// <summary>Lesson 05: the best weight decay of the log grid.</summary>
    public const string BestWeightDecay = "05.best-weight-decay";
    /// <summary>Lesson 05: the best dropout rate of the sweep.</summary>
    public const string BestDropout = "05.best-dropout";
    /// <summary>Lesson 06: the spread of validation loss the learning rate causes over the largest other spread.</summary>
    public const string LearningRateSpreadRatio = "06.lr-spread-ratio";
    /// <summary>Lesson 06: fitted slope of log(best rate) against log(batch).</summary>
    public const string RateBatchSlope = "06.rate-batch-slope";
    /// <summary>Lesson 06: how many decades AdamW's best effective decay λ′ = η·λ moved across a decade of learning rates
    /// (three seeds averaged; the paper predicts little movement, lesson 06 measured more than Adam + L2's best λ).</summary>
    public const string AdamWEffectiveDecayShift = "06.adamw-effective-decay-shift";
    /// <summary>Lesson 07: the tuned model's test accuracy.</summary>
    public const string TunedTestAccuracy = "07.test-accuracy";
}
