namespace HyperLab.Lessons.Exercises;

/// <summary>
/// Feedback on a "Your turn" exercise. Never throws and never fails the notebook: a wrong answer
/// gets a hint, a right one gets the reason it is right. Each method shows the feedback through
/// the display it was made with and returns nothing, so a notebook cell shows it once. A notebook gets its
/// instance from the lesson session (<c>lesson.Feedback.On(…)</c>); <c>new Feedback()</c> prints to the console.
/// </summary>
public sealed class Feedback
{
    private readonly Action<FeedbackResult> show;

    /// <summary>Feedback printed to the console.</summary>
    public Feedback() : this(r => Console.WriteLine(r)) { }

    /// <summary>Feedback shown with <paramref name="show"/> (the notebook glue passes its display).</summary>
    /// <param name="show">Where feedback goes.</param>
    public Feedback(Action<FeedbackResult> show) => this.show = show ?? throw new ArgumentNullException(nameof(show));

    /// <summary>Shows praise when <paramref name="correct"/>, else the hint.</summary>
    public void On(bool correct, string praise, string hint) =>
        Show(new FeedbackResult(correct, correct ? praise : hint));

    /// <summary>Compares a number with a reference on a log scale (for rates and strengths):
    /// within <paramref name="factor"/> times either way counts as right (default 3).</summary>
    public void WithinFactor(string what, double yours, double reference, double factor = 3)
    {
        if (!double.IsFinite(yours) || yours <= 0)
        {
            Show(new FeedbackResult(false, $"{what} = {yours} is not a positive number yet: set it and run the cell again."));
            return;
        }
        double ratio = yours / reference;
        bool ok = ratio <= factor && ratio >= 1 / factor;
        string how = ratio >= 1 ? $"{ratio:0.#}× above" : $"{1 / ratio:0.#}× below";
        Show(new FeedbackResult(ok, ok
            ? $"{what} = {Hyperparameters.Fmt(yours)} is within {factor}× of the reference {Hyperparameters.Fmt(reference)} ({how})."
            : $"{what} = {Hyperparameters.Fmt(yours)} is {how} the reference {Hyperparameters.Fmt(reference)}: look at the chart again."));
    }

    /// <summary>Shows a result judged elsewhere (an exercise's own check); never throws: if the display fails, the
    /// result is printed to the console with the reason.</summary>
    /// <param name="result">The feedback to show.</param>
    public void Show(FeedbackResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        try { show(result); } catch (Exception e) { Console.WriteLine($"{result} (display failed: {e.Message})"); }
    }
}

/// <summary>Exercise feedback: right or not yet, and a message.</summary>
public sealed record FeedbackResult(bool Correct, string Message)
{
    /// <summary>"👍 message" or "💡 Not yet: message".</summary>
    public override string ToString() => Correct ? $"👍 {Message}" : $"💡 Not yet: {Message}";
}
