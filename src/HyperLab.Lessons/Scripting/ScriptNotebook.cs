using HyperLab.Lessons.Claims;
using HyperLab.Platform;

namespace HyperLab.Lessons.Scripting;

/// <summary>
/// The plain-C# stand-in for the notebooks' glue (<c>HyperLab.Interactive.Notebook</c>; exported lessons name it <c>Notebook</c>
/// with a using alias, so their code stays the notebook's), so that a
/// lesson exported by <c>course export</c> reads like its notebook and runs with
/// <c>dotnet run lessons/NN-name.cs</c>: the same seed, the same start line; claim checks and
/// feedback print to the console (their default), and a failed claim ends the program with an error.
/// </summary>
public static class ScriptNotebook
{
    /// <summary>Environment variable that sets <see cref="Seed"/> (as for the notebooks).</summary>
    public const string SeedVariable = "COURSE_SEED";

    /// <summary>The seed every experiment of the lesson starts from: <c>COURSE_SEED</c> if set, else 0.</summary>
    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var s) && s >= 0 ? s : 0;

    /// <summary>Applies the native fixes (<see cref="NativeSetup.Prepare"/>; once per process, safe to call again);
    /// returns what was done, one line per step.</summary>
    public static string Prepare() => NativeSetup.Prepare().ToString();

    /// <summary>Returns the lesson's session: silent fits, claim checks and feedback printed to the console; its text
    /// is the welcome line (lesson, seed, TorchSharp version and CPU threads).</summary>
    public static LessonSession Start(string lesson) => LessonSession.Console(
        $"{lesson}: seed {Seed}, TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version}, {Environment.ProcessorCount} CPU threads (plain C#; charts are saved under {Show.ChartFolder})");
}
