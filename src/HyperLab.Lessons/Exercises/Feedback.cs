namespace HyperLab.Lessons.Exercises;

/// <summary>
/// Feedback on a "Your turn" exercise. Never throws and never fails the notebook: a wrong answer
/// gets a hint, a right one gets the reason it is right. Each method shows the feedback through
/// <see cref="Show"/> and returns nothing, so a notebook cell shows it once.
/// </summary>
public static class Feedback
{
    /// <summary>Where feedback is shown. Default: the console; the notebook glue replaces it.</summary>
    public static Action<FeedbackResult> Show { get; set; } = r => Console.WriteLine(r);

    /// <summary>Shows praise when <paramref name="correct"/>, else the hint.</summary>
    public static void On(bool correct, string praise, string hint) =>
        Emit(new FeedbackResult(correct, correct ? praise : hint));

    /// <summary>Compares a number with a reference on a log scale (for rates and strengths):
    /// within <paramref name="factor"/> times either way counts as right (default 3).</summary>
    public static void WithinFactor(string what, double yours, double reference, double factor = 3)
    {
        if (!double.IsFinite(yours) || yours <= 0)
        {
            Emit(new FeedbackResult(false, $"{what} = {yours} is not a positive number yet: set it and run the cell again."));
            return;
        }
        double ratio = yours / reference;
        bool ok = ratio <= factor && ratio >= 1 / factor;
        string how = ratio >= 1 ? $"{ratio:0.#}× above" : $"{1 / ratio:0.#}× below";
        Emit(new FeedbackResult(ok, ok
            ? $"{what} = {Hyperparameters.Fmt(yours)} is within {factor}× of the reference {Hyperparameters.Fmt(reference)} ({how})."
            : $"{what} = {Hyperparameters.Fmt(yours)} is {how} the reference {Hyperparameters.Fmt(reference)}: look at the chart again."));
    }

    private static void Emit(FeedbackResult r)
    {
        try { Show(r); } catch (Exception e) { Console.WriteLine($"{r} (display failed: {e.Message})"); }
    }
}

/// <summary>Exercise feedback: right or not yet, and a message.</summary>
public sealed record FeedbackResult(bool Correct, string Message)
{
    /// <summary>"👍 message" or "💡 Not yet: message".</summary>
    public override string ToString() => Correct ? $"👍 {Message}" : $"💡 Not yet: {Message}";
}
