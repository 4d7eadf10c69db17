namespace HyperLab.Data;

/// <summary>
/// Data that cannot be trained on, found before the first training step (see <c>docs/errors.md</c>).
/// The message teaches like <see cref="HyperparameterException"/>: which set, which row and column, the value
/// found, and how to fix it. Thrown by <see cref="DataChecks"/>, which <c>Trainer.Fit</c>, the learning-rate
/// finder, <see cref="Standardizer.Fit"/> and <see cref="Splits.Stratified"/> call.
/// </summary>
public sealed class BadDataException : ArgumentException
{
    /// <summary>Creates the exception; the message is built from the parts.</summary>
    /// <param name="set">The data set's name, e.g. "Wine validation".</param>
    /// <param name="problem">What is wrong, e.g. "row 17, column 3 is NaN".</param>
    /// <param name="fix">What to do about it.</param>
    /// <param name="row">The first offending row (0-based), when the problem is in a row.</param>
    /// <param name="column">The first offending column (0-based), when the problem is in a column.</param>
    /// <param name="value">The offending value, when there is one.</param>
    /// <param name="parameter">The argument that carried the data, e.g. "data".</param>
    public BadDataException(string set, string problem, string fix, int? row = null, int? column = null, object? value = null, string? parameter = null)
        : base($"'{set}': {problem}. Fix: {fix}", parameter)
    {
        Set = set;
        Problem = problem;
        Fix = fix;
        Row = row;
        Column = column;
        Value = value;
    }

    /// <summary>The data set's name.</summary>
    public string Set { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Problem { get; }

    /// <summary>How to fix it.</summary>
    public string Fix { get; }

    /// <summary>The first offending row (0-based), or null.</summary>
    public int? Row { get; }

    /// <summary>The first offending column (0-based), or null.</summary>
    public int? Column { get; }

    /// <summary>The offending value (a feature value, a label, a count), or null.</summary>
    public object? Value { get; }

    /// <summary>The message without the base class's "(Parameter ...)" suffix.</summary>
    public override string Message => $"'{Set}': {Problem}. Fix: {Fix}";
}
