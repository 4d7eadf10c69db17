using System.Text.RegularExpressions;

namespace HyperLab.Lessons.Exercises;

/// <summary>
/// "Your turn" exercises whose expected answer lives in the library, so that reading the cell does not reveal it and
/// nothing measured is shown before the learner has answered.
/// </summary>
/// <remarks>
/// <para>How a lesson uses it (lessons 00-08 alike):</para>
/// <list type="number">
/// <item>The learner's answer starts empty: <c>long? myCount = null;</c>, <c>FitVerdict? myGuess = null;</c>,
/// <c>bool? myPrediction = null;</c>. Never start from a valid guess: the published book would show its verdict.</item>
/// <item>The expected answer is an <see cref="Answer{T}"/> built by a function in <see cref="Answers"/> (or a lesson's own
/// answer class), computed from the learner's run where it depends on it (e.g. <c>Answers.FitVerdictOf(history)</c>).
/// Its texts are functions of the answer, so the measured value appears only in the feedback to a given answer.</item>
/// <item>The cell ends with <c>lesson.Exercise.Check("03.ex3", myGuess, Answers.FitVerdictOf(run))</c>. With the answer still
/// empty it shows "Fill in … first" and nothing else; a wrong answer gets "💡 Not yet: hint", a right one "👍 why".
/// Train or measure anything expensive only after checking <c>answer is not null</c>.</item>
/// </list>
/// <para>Like <see cref="Feedback"/>, it never throws on a wrong or empty answer and never fails the notebook; it shows
/// the result through the <see cref="Feedback"/> it was made with (a notebook's is <c>lesson.Exercise</c>).
/// <c>Judge</c> returns the result without showing it (for tests).</para>
/// </remarks>
/// <param name="feedback">Where the feedback is shown.</param>
public sealed partial class Exercise(Feedback feedback)
{
    /// <summary>Exercise ids: the lesson's two digits, ".ex" and the exercise's number, optionally a letter ("03.ex1b").</summary>
    [GeneratedRegex(@"^\d{2}\.ex\d+[a-z]?$")]
    public static partial Regex IdPattern();

    /// <summary>Judges <paramref name="answer"/> and shows the feedback (see the class remarks).</summary>
    /// <param name="id">The exercise's id, e.g. "03.ex3".</param>
    /// <param name="answer">The learner's answer; null while not filled in.</param>
    /// <param name="expected">The expected answer, from <see cref="Answers"/>.</param>
    public void Check<T>(string id, T? answer, Answer<T> expected) where T : struct => feedback.Show(Judge(id, answer, expected));

    /// <summary>Judges an answer whose expected value needs work that only makes sense once the learner has answered (a
    /// run at the learner's rate, a sweep to compare with): <paramref name="expectedFor"/> is called only when
    /// <paramref name="answer"/> is filled in, so an unanswered cell trains nothing and shows only "Fill in … first".</summary>
    /// <param name="id">The exercise's id, e.g. "01.ex1".</param>
    /// <param name="answer">The learner's answer; null while not filled in.</param>
    /// <param name="blank">What to fill in, e.g. "myRate (a positive number)".</param>
    /// <param name="expectedFor">Builds the expected answer for the given answer (use <see cref="Answers.Invalid{T}"/> for an out-of-range one).</param>
    public void Check<T>(string id, T? answer, string blank, Func<T, Answer<T>> expectedFor) where T : struct =>
        feedback.Show(Judge(id, answer, blank, expectedFor));

    /// <summary>The pure form of <see cref="Check{T}(string, T?, string, Func{T, Answer{T}})"/>.</summary>
    public static FeedbackResult Judge<T>(string id, T? answer, string blank, Func<T, Answer<T>> expectedFor) where T : struct
    {
        ArgumentNullException.ThrowIfNull(expectedFor);
        if (answer is not T value) return Judge(id, answer, new Answer<T>(blank, _ => false, _ => "", _ => ""));
        return Judge(id, answer, expectedFor(value));
    }

    /// <summary>Judges <paramref name="answer"/> without showing anything: "Fill in … first" while it is null, else right
    /// or not yet with the answer's own explanation.</summary>
    /// <exception cref="ArgumentException">A malformed id (a bug in the lesson, not in the learner's answer).</exception>
    public static FeedbackResult Judge<T>(string id, T? answer, Answer<T> expected) where T : struct
    {
        if (id is null || !IdPattern().IsMatch(id))
            throw new ArgumentException($"An exercise id is the lesson's two digits, \".ex\" and a number (e.g. \"03.ex3\"); got \"{id}\".", nameof(id));
        ArgumentNullException.ThrowIfNull(expected);
        if (answer is not T value)
            return new FeedbackResult(false, $"Fill in {expected.Blank} first, then run the cell again.");
        try
        {
            return expected.IsRight(value) ? new FeedbackResult(true, expected.WhyRight(value)) : new FeedbackResult(false, expected.Hint(value));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return new FeedbackResult(false, $"{value} could not be checked: {e.Message}");
        }
    }
}

/// <summary>
/// The expected answer of one exercise, as functions of the learner's answer (so the cell does not print it).
/// </summary>
/// <param name="Blank">What to fill in, for the "Fill in … first" message, e.g. "myCount (a whole number)".</param>
/// <param name="IsRight">Whether an answer is right.</param>
/// <param name="WhyRight">The praise for a right answer, with the measured reason.</param>
/// <param name="Hint">The hint for a wrong answer; it may show the measurement, since the learner has answered.</param>
public sealed record Answer<T>(string Blank, Func<T, bool> IsRight, Func<T, string> WhyRight, Func<T, string> Hint) where T : struct;
