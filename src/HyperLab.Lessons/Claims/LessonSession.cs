using HyperLab.Lessons.Exercises;
using HyperLab.Training;

namespace HyperLab.Lessons.Claims;

/// <summary>
/// What one running lesson shows and how it trains, in one object instead of global settings: the notebook's
/// first cell makes it (<c>var lesson = Notebook.Start("Lesson 03 · Epochs");</c>) and later cells use it.
/// <list type="bullet">
/// <item><see cref="Options"/>: the lesson's fit options (in a notebook, live progress as a callback). A fit
/// takes them with its label, <c>Trainer.Fit(hp, data, lesson.Options with { Label = "3 epochs" })</c>; a helper
/// that trains many runs (a sweep, a grid, the finder's confirmation) takes them as its <c>options</c>.</item>
/// <item><see cref="Claim"/>: claim checks shown in the cell (<c>lesson.Claim.Check("03.1", …)</c>).</item>
/// <item><see cref="Feedback"/> and <see cref="Exercise"/>: exercise feedback shown in the cell.</item>
/// </list>
/// Its text is the welcome line (lesson, seed, TorchSharp version, CPU threads).
/// </summary>
public sealed class LessonSession
{
    private readonly string welcome;

    /// <summary>Creates a session (the notebook glue and the plain-C# <c>Notebook.Start</c> do).</summary>
    /// <param name="options">Fit options every fit of the lesson starts from.</param>
    /// <param name="claim">Where claim checks are shown.</param>
    /// <param name="feedback">Where exercise feedback is shown.</param>
    /// <param name="welcome">The welcome line.</param>
    public LessonSession(FitOptions options, Claim claim, Feedback feedback, string welcome)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Claim = claim ?? throw new ArgumentNullException(nameof(claim));
        Feedback = feedback ?? throw new ArgumentNullException(nameof(feedback));
        Exercise = new Exercise(feedback);
        this.welcome = welcome ?? "";
    }

    /// <summary>A session that trains silently and prints checks and feedback to the console (tests, plain programs).</summary>
    public static LessonSession Console(string welcome = "") => new(new FitOptions(), new Claim(), new Feedback(), welcome);

    /// <summary>The options every fit of the lesson starts from (callbacks such as live progress); add a label with
    /// <c>with { Label = … }</c>.</summary>
    public FitOptions Options { get; }

    /// <summary>Claim checks, shown in the lesson's output.</summary>
    public Claim Claim { get; }

    /// <summary>Exercise feedback, shown in the lesson's output.</summary>
    public Feedback Feedback { get; }

    /// <summary>"Your turn" checks whose answers live in the library, shown through <see cref="Feedback"/>.</summary>
    public Exercise Exercise { get; }

    /// <summary>The welcome line.</summary>
    public override string ToString() => welcome;
}
