using System.Globalization;

namespace HyperLab.Validation;

/// <summary>
/// A hyperparameter outside its valid range. The message teaches: the field, the value, the
/// valid range and a sensible starting value.
/// </summary>
public sealed class HyperparameterException(string field, object? value, string range, string suggestion)
    : ArgumentOutOfRangeException(field, value,
        $"{field} = {Format(value)} is not valid: {field} must be {range}. A sensible starting value is {suggestion}.")
{
    /// <summary>The field that was rejected.</summary>
    public string Field { get; } = field;

    /// <summary>The valid range, in words.</summary>
    public string Range { get; } = range;

    /// <summary>A sensible starting value.</summary>
    public string Suggestion { get; } = suggestion;

    /// <summary>The message without the base class's "(Parameter ...)" suffix.</summary>
    public override string Message => $"{Field} = {Format(ActualValue)} is not valid: {Field} must be {Range}. A sensible starting value is {Suggestion}.";

    private static string Format(object? v) => v switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "?",
    };
}

/// <summary>Range checks that throw <see cref="HyperparameterException"/>.</summary>
internal static class Valid
{
    private static string N(double v) => v.ToString("G", CultureInfo.InvariantCulture);

    public static double Open(string field, double v, double lo, double hi, string start) =>
        double.IsFinite(v) && v > lo && v <= hi ? v : throw new HyperparameterException(field, v, $"a number greater than {N(lo)} and at most {N(hi)}", start);

    public static double Closed(string field, double v, double lo, double hi, string start) =>
        double.IsFinite(v) && v >= lo && v <= hi ? v : throw new HyperparameterException(field, v, $"a number from {N(lo)} to {N(hi)}", start);

    public static double HalfOpen(string field, double v, double lo, double hi, string start) =>
        double.IsFinite(v) && v >= lo && v < hi ? v : throw new HyperparameterException(field, v, $"at least {N(lo)} and less than {N(hi)}", start);

    public static int Int(string field, int v, int lo, int hi, string start) =>
        v >= lo && v <= hi ? v : throw new HyperparameterException(field, v, $"a whole number from {lo:N0} to {hi:N0}", start);

    public static T Defined<T>(string field, T v, T start) where T : struct, Enum =>
        Enum.IsDefined(v) ? v : throw new HyperparameterException(field, v, $"one of {string.Join(", ", Enum.GetNames<T>())}", start.ToString());

    public static HyperparameterException Missing(string field, string start) =>
        new(field, null, "set (not null)", start);
}
