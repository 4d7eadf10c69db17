using System.Text.Json;

namespace HyperLab.Tracking;

/// <summary>
/// The experiment log's line format (lesson 07) and the check every line passes when it is read: a JSON object of
/// a known kind ("trial", "study" or "test-look"; a line without a kind is a trial, as in the first version), with
/// every required field, of a schema version this library can read. A line that fails is skipped and reported with
/// its line number and the reason, never loaded as a record with empty fields.
/// </summary>
public static class LogSchema
{
    /// <summary>The version written by this library: 2 (studies and test looks). Lines without a version are version 1.</summary>
    public const int Version = 2;

    private static readonly string[] TrialFields = ["Experiment", "Trial", "Hyperparameters", "Epochs", "FinalValidationLoss", "FinalValidationAccuracy", "Status"];
    private static readonly string[] HyperparameterFields = ["LearningRate", "BatchSize", "Epochs", "Depth", "Width", "WeightDecay", "Dropout", "Optimizer", "Seed", "Schedule"];
    private static readonly string[] StudyFields = ["Id", "StartedUtc"];
    private static readonly string[] TestLookFields = ["Study", "DataSet", "Model", "Examples", "Loss", "Accuracy", "WhenUtc"];

    /// <summary>Reads the text of a log: each line checked and parsed, or reported as skipped.</summary>
    public static LogContents Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trials = new List<TrialRecord>();
        var studies = new List<StudyRecord>();
        var looks = new List<TestLookRecord>();
        var skipped = new List<SkippedLine>();
        string[] lines = text.Split('\n');
        int lastNonEmpty = Array.FindLastIndex(lines, l => l.Trim().Length > 0);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            try
            {
                switch (Read(line))
                {
                    case TrialRecord t: trials.Add(t); break;
                    case StudyRecord s: studies.Add(s); break;
                    case TestLookRecord l: looks.Add(l); break;
                }
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException or FormatException)
            {
                skipped.Add(new SkippedLine(i + 1, i == lastNonEmpty, line.Length, e.Message));
            }
        }
        return new LogContents(path, trials, skipped, studies, looks);
    }

    /// <summary>One line as a record; throws <see cref="JsonException"/> naming what is wrong.</summary>
    public static object Read(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException($"not a record of this log: a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
        if (root.TryGetProperty("Schema", out var schema))
        {
            if (schema.ValueKind != JsonValueKind.Number || !schema.TryGetInt32(out int v) || v < 1)
                throw new JsonException($"not a record of this log: its Schema is {schema.GetRawText()}, not a version number");
            if (v > Version) throw new JsonException($"written by a newer HyperLab (schema {v}; this library reads up to {Version}): update the library to read it");
        }
        string kind = root.TryGetProperty("Kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "trial";
        switch (kind)
        {
            case "trial":
                Require(root, TrialFields, "a trial");
                Require(root.GetProperty("Hyperparameters"), HyperparameterFields, "a trial's Hyperparameters");
                if (root.GetProperty("Experiment").ValueKind != JsonValueKind.String || root.GetProperty("Experiment").GetString()!.Length == 0)
                    throw new JsonException("not a trial of this log: its Experiment is not a name");
                var trial = JsonSerializer.Deserialize<TrialRecord>(line, ExperimentLog.Json) ?? throw new JsonException("the line is null");
                if (trial.Trial < 1) throw new JsonException($"not a trial of this log: its number is {trial.Trial} (trials count from 1)");
                return trial;
            case "study":
                Require(root, StudyFields, "a study");
                return JsonSerializer.Deserialize<StudyRecord>(line, ExperimentLog.Json) ?? throw new JsonException("the line is null");
            case "test-look":
                Require(root, TestLookFields, "a look at the test set");
                return JsonSerializer.Deserialize<TestLookRecord>(line, ExperimentLog.Json) ?? throw new JsonException("the line is null");
            default:
                throw new JsonException($"not a record of this log: unknown Kind \"{kind}\" (expected trial, study or test-look)");
        }
    }

    private static void Require(JsonElement element, string[] fields, string what)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new JsonException($"not {what} of this log: expected an object");
        var missing = fields.Where(f => !element.TryGetProperty(f, out var p) || p.ValueKind == JsonValueKind.Null).ToList();
        if (missing.Count > 0)
            throw new JsonException($"not {what} of this log (another tool's format?): missing {string.Join(", ", missing)}");
    }
}

/// <summary>The start of a study (lesson 07): one run of a notebook or program, with its own trials and at most one look at each test set.</summary>
/// <param name="Id">The study's id, e.g. "07-seed0-run3".</param>
/// <param name="StartedUtc">When it began.</param>
/// <param name="Environment">Library version, git commit, cores, OS.</param>
public sealed record StudyRecord(string Id, DateTime StartedUtc, RunEnvironment? Environment)
{
    /// <summary>The line's kind: "study".</summary>
    public string Kind => "study";

    /// <summary>The log schema version of the line.</summary>
    public int Schema => LogSchema.Version;

    /// <inheritdoc/>
    public override string ToString() => $"study {Id}, begun {StartedUtc:yyyy-MM-dd HH:mm:ss} UTC";
}

/// <summary>A look at a test set, as the experiment log keeps it (lesson 07): which study, which data and model, the result, and when.</summary>
/// <param name="Study">The study that looked.</param>
/// <param name="DataSet">Name of the test set.</param>
/// <param name="Model">What was evaluated, e.g. "the tuned 784-512-512-10 MLP".</param>
/// <param name="Examples">Number of test examples.</param>
/// <param name="Loss">Test loss.</param>
/// <param name="Accuracy">Test accuracy.</param>
/// <param name="WhenUtc">When.</param>
public sealed record TestLookRecord(string Study, string DataSet, string Model, int Examples, double Loss, double Accuracy, DateTime WhenUtc)
{
    /// <summary>The line's kind: "test-look".</summary>
    public string Kind => "test-look";

    /// <summary>The log schema version of the line.</summary>
    public int Schema => LogSchema.Version;

    /// <inheritdoc/>
    public override string ToString() => $"study {Study} evaluated {Model} on {DataSet} ({Examples:N0} examples) at {WhenUtc:yyyy-MM-dd HH:mm:ss} UTC: accuracy {Accuracy:0.####}, loss {Loss:0.####}";
}
