using System.Text.RegularExpressions;

namespace Course.Runner;

/// <summary>Makes a cell's error readable: keeps the message and the course's own stack frames.</summary>
public static partial class ErrorText
{
    /// <summary>
    /// Removes the stack frames of the notebook engine (Roslyn scripting, .NET Interactive, the
    /// compiled submission itself) from an error text; the message and all other frames stay.
    /// </summary>
    public static string WithoutEngineFrames(string error)
    {
        var kept = error.Replace("\r\n", "\n").Split('\n').Where(line => !EngineFrame().IsMatch(line)).ToList();
        while (kept.Count > 0 && string.IsNullOrWhiteSpace(kept[^1]))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return string.Join(Environment.NewLine, kept);
    }

    [GeneratedRegex(@"^\s*(at Submission#\d+|at Microsoft\.CodeAnalysis\.|at Microsoft\.DotNet\.Interactive\.|--- End of stack trace from previous location ---)")]
    private static partial Regex EngineFrame();
}
