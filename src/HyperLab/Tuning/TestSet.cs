using HyperLab.Data;
using HyperLab.Tracking;
using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Tuning;

/// <summary>
/// The held-out test set behind a guard (lesson 07): it can be evaluated once. Every look at the
/// test set that feeds back into a decision makes its number optimistic, so a second
/// <see cref="Evaluate"/> throws <see cref="TestSetAlreadyUsedException"/> and says what the first
/// look found. Created with an experiment log that has a study, the guard persists: the look is
/// written to the log (study, model, when), and any later guard of the same study and test set, in
/// this process or another, after a kernel restart, refuses a second look. Without a log it guards
/// this instance only.
/// </summary>
public sealed class TestSet
{
    private readonly Dataset data;
    private readonly ExperimentLog? studyLog;
    private readonly Lock gate = new();

    /// <summary>A guard kept in memory: this instance allows one look.</summary>
    public TestSet(Dataset data)
    {
        this.data = data ?? throw new ArgumentNullException(nameof(data));
    }

    /// <summary>A guard kept in the experiment log: one look per study and test set, recorded in
    /// <paramref name="studyLog"/> (a log returned by <see cref="ExperimentLog.BeginStudy"/> or
    /// <see cref="ExperimentLog.OpenStudy"/>). If the study already looked, <see cref="Used"/> is true from the start.</summary>
    /// <exception cref="ArgumentException">The log has no study.</exception>
    public TestSet(Dataset data, ExperimentLog studyLog)
    {
        this.data = data ?? throw new ArgumentNullException(nameof(data));
        ArgumentNullException.ThrowIfNull(studyLog);
        if (studyLog.Study is null)
            throw new ArgumentException("The test-set guard needs a log with a study, so that it can record the look: pass log.BeginStudy(\"my-study\") (a new study) or log.OpenStudy(id) (an existing one).", nameof(studyLog));
        this.studyLog = studyLog;
        var earlier = studyLog.Load().TestLooks.FirstOrDefault(l => l.Study == studyLog.Study && l.DataSet == data.Name);
        if (earlier is not null) Result = FromLook(earlier);
    }

    /// <summary>The study whose look this guard records, or null for a guard kept in memory.</summary>
    public string? Study => studyLog?.Study;

    /// <summary>The result of the one evaluation, or null before it.</summary>
    public TestResult? Result { get; private set; }

    /// <summary>True once the test set has been evaluated.</summary>
    public bool Used => Result is not null;

    /// <summary>Number of test examples.</summary>
    public int Count => data.Count;

    /// <summary>Loss and accuracy of <paramref name="model"/> on the test set: allowed once.</summary>
    public TestResult Evaluate(nn.Module<Tensor, Tensor> model, string what = "the final model")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        lock (gate)
        {
            if (studyLog is null)
            {
                if (Result is { } first) throw new TestSetAlreadyUsedException(data.Name, first);
                Result = Measure(model, what);
                return Result;
            }
            // Check and record in one step under the log's lock: two processes cannot both take the one look.
            Result = studyLog.Locked(() =>
            {
                var earlier = studyLog.Load().TestLooks.FirstOrDefault(l => l.Study == studyLog.Study && l.DataSet == data.Name);
                if (earlier is not null) throw new TestSetAlreadyUsedException(data.Name, FromLook(earlier), earlier.Study);
                var result = Measure(model, what);
                studyLog.WriteUnlocked(new TestLookRecord(studyLog.Study!, result.DataSet, result.Model, result.Examples, result.Loss, result.Accuracy, result.WhenUtc));
                return result;
            });
            return Result;
        }
    }

    private TestResult Measure(nn.Module<Tensor, Tensor> model, string what)
    {
        var (loss, accuracy) = Evaluation.Measure(model, data);
        return new TestResult(data.Name, what, data.Count, loss, accuracy, DateTime.UtcNow);
    }

    private static TestResult FromLook(TestLookRecord l) => new(l.DataSet, l.Model, l.Examples, l.Loss, l.Accuracy, l.WhenUtc);

    /// <inheritdoc/>
    public override string ToString() => (Used ? $"{data.Name}: used once ({Result})" : $"{data.Name}: {data.Count:N0} examples, not yet looked at") +
        (studyLog is null ? " (guard in memory)" : $" (guard recorded in the experiment log, study {studyLog.Study})");
}

/// <summary>The one evaluation of a <see cref="TestSet"/> (lesson 07).</summary>
public sealed record TestResult(string DataSet, string Model, int Examples, double Loss, double Accuracy, DateTime WhenUtc)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Model} on {DataSet} ({Examples:N0} examples): test accuracy {Accuracy:0.####}, test loss {Loss:0.####}";
}

/// <summary>A second look at a guarded test set (lesson 07).</summary>
public sealed class TestSetAlreadyUsedException(string dataSet, TestResult first, string? study = null) : InvalidOperationException(
    $"The test set '{dataSet}' was already evaluated{(study is null ? "" : $" in study {study}")} at {first.WhenUtc:yyyy-MM-dd HH:mm:ss} UTC ({first}). A second look turns it into a " +
    "validation set: any choice made after seeing it makes its number optimistic. Compare models on the validation set; " +
    (study is null ? "if you truly must re-test (a new final model, chosen without the test numbers), create a new TestSet and report that you did."
        : "if you truly must re-test (a new final model, chosen without the test numbers), begin a new study (log.BeginStudy(name)) and report that you did."))
{
    /// <summary>The study that used the look, or null for an in-memory guard.</summary>
    public string? Study { get; } = study;

    /// <summary>What the first look found.</summary>
    public TestResult First { get; } = first;
}
