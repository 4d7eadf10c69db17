using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Course.Cli;

/// <summary>
/// Typed options with a valid range. A value outside it, or one that is not a number, is a parse error that
/// teaches, in the words of the library's <c>HyperparameterException</c>: the option, the value, the valid range
/// and a sensible value (<c>--rounds 0 is not valid: --rounds must be a whole number from 1 to 100. A sensible
/// value is 7.</c>). The help text shows the range and the default.
/// </summary>
public static class CliOptions
{
    /// <summary>The teaching message for a bad value.</summary>
    public static string Teach(string option, string value, string range, string sensible) =>
        $"{option} {value} is not valid: {option} must be {range}. A sensible value is {sensible}.";

    /// <summary>A whole-number option in [<paramref name="min"/>, <paramref name="max"/>] with a default.</summary>
    public static Option<int> Int(string name, string description, int defaultValue, int min, int max, string? sensible = null)
    {
        string range = Range(min, max);
        return new Option<int>(name)
        {
            Description = $"{description} ({range})",
            HelpName = "N",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseInt(r, name, min, max, sensible ?? defaultValue.ToString(CultureInfo.InvariantCulture)) ?? defaultValue,
        };
    }

    /// <summary>A whole-number option in [<paramref name="min"/>, <paramref name="max"/>] that may be left out (null).</summary>
    public static Option<int?> OptionalInt(string name, string description, int min, int max, string sensible)
    {
        string range = Range(min, max);
        return new Option<int?>(name)
        {
            Description = $"{description} ({range})",
            HelpName = "N",
            CustomParser = r => ParseInt(r, name, min, max, sensible),
        };
    }

    /// <summary>A number option in [<paramref name="min"/>, <paramref name="max"/>] that may be left out (null).</summary>
    public static Option<double?> OptionalNumber(string name, string description, double min, double max, string sensible, string helpName = "X")
    {
        string range = $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
        return new Option<double?>(name)
        {
            Description = $"{description} ({range})",
            HelpName = helpName,
            CustomParser = r =>
            {
                if (r.Tokens.Count == 0) return null;
                string token = r.Tokens[0].Value;
                if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x >= min && x <= max)
                    return x;
                r.AddError(Teach(name, token, range, sensible));
                return null;
            },
        };
    }

    /// <summary>A flag: present means true.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>A folder or file option, made absolute against the current folder.</summary>
    public static Option<string?> Path(string name, string description, string helpName = "DIR") =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = r => r.Tokens.Count == 0 ? null : System.IO.Path.GetFullPath(r.Tokens[0].Value),
        };

    /// <summary>The lesson selectors: numbers (00, 1) or parts of a notebook's file name (batch); none means all.</summary>
    public static Argument<string[]> Lessons(string verb) =>
        new("lessons")
        {
            Description = $"Lessons to {verb}, by number (00, 1) or a part of the file name (batch); default: all",
            Arity = ArgumentArity.ZeroOrMore,
        };

    private static string Range(int min, int max) =>
        max == int.MaxValue ? $"a whole number, {min:N0} or more" : $"a whole number from {min:N0} to {max:N0}";

    private static int? ParseInt(ArgumentResult r, string name, int min, int max, string sensible)
    {
        if (r.Tokens.Count == 0) return null;
        string token = r.Tokens[0].Value;
        if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max)
            return n;
        r.AddError(Teach(name, token, Range(min, max), sensible));
        return null;
    }
}
