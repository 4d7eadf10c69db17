using HyperLab.Lessons.Exercises;

namespace HyperLab.Tests.Exercises;

/// <summary>How an exercise's verdict must read with no answer, a wrong one and the right one.</summary>
internal static class ExerciseAssert
{
    /// <summary>No answer yet: not correct, and the feedback asks to fill it in.</summary>
    public static void Blank<T>(string id, Answer<T> answer) where T : struct
    {
        var r = Exercise.Judge<T>(id, null, answer);
        Assert.False(r.Correct);
        Assert.StartsWith("💡 Not yet: Fill in ", r.ToString());
    }

    /// <summary>A wrong answer: not correct, "Not yet".</summary>
    public static void Wrong<T>(string id, T answer, Answer<T> expected) where T : struct
    {
        var r = Exercise.Judge(id, answer, expected);
        Assert.False(r.Correct, r.ToString());
        Assert.StartsWith("💡 Not yet", r.ToString());
    }

    /// <summary>The right answer: correct, 👍.</summary>
    public static void Right<T>(string id, T answer, Answer<T> expected) where T : struct
    {
        var r = Exercise.Judge(id, answer, expected);
        Assert.True(r.Correct, r.ToString());
        Assert.StartsWith("👍", r.ToString());
    }
}
