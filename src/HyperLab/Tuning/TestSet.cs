using HyperLab.Data;
using HyperLab.Training;
using static TorchSharp.torch;

namespace HyperLab.Tuning;

/// <summary>
/// The held-out test set behind a guard (lesson 07): it can be evaluated once. Every look at the
/// test set that feeds back into a decision makes its number optimistic, so a second
/// <see cref="Evaluate"/> throws <see cref="TestSetAlreadyUsedException"/> and says what the first
/// look found. Create one per final model, at the very end of tuning.
/// </summary>
public sealed class TestSet(Dataset data)
{
    private readonly Dataset data = data ?? throw new ArgumentNullException(nameof(data));
    private readonly Lock gate = new();

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
        lock (gate)
        {
            if (Result is { } first) throw new TestSetAlreadyUsedException(data.Name, first);
            var (loss, accuracy) = Evaluation.Measure(model, data);
            Result = new TestResult(data.Name, what, data.Count, loss, accuracy, DateTime.UtcNow);
            return Result;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Used ? $"{data.Name}: used once ({Result})" : $"{data.Name}: {data.Count:N0} examples, not yet looked at";
}

/// <summary>The one evaluation of a <see cref="TestSet"/> (lesson 07).</summary>
public sealed record TestResult(string DataSet, string Model, int Examples, double Loss, double Accuracy, DateTime WhenUtc)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Model} on {DataSet} ({Examples:N0} examples): test accuracy {Accuracy:0.####}, test loss {Loss:0.####}";
}

/// <summary>A second look at a guarded test set (lesson 07).</summary>
public sealed class TestSetAlreadyUsedException(string dataSet, TestResult first) : InvalidOperationException(
    $"The test set '{dataSet}' was already evaluated at {first.WhenUtc:HH:mm:ss} UTC ({first}). A second look turns it into a " +
    "validation set: any choice made after seeing it makes its number optimistic. Compare models on the validation set; " +
    "if you truly must re-test (a new final model, chosen without the test numbers), create a new TestSet and report that you did.")
{
    /// <summary>What the first look found.</summary>
    public TestResult First { get; } = first;
}
