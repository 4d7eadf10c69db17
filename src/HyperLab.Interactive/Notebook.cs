using HyperLab.Lessons.Claims;
using HyperLab.Lessons.Exercises;
using HyperLab.Platform;
using HyperLab.Training;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace HyperLab.Interactive;

/// <summary>
/// What a lesson notebook calls in its first two cells. <see cref="Prepare"/> runs before the
/// NuGet packages load (it applies the platform fixes: <see cref="NativeSetup.Prepare"/> and the
/// FSharp.Core resolver, docs/platform.md#p8-plotlynet-wants-a-newer-fsharpcore-than-notebook-kernels-ship);
/// <see cref="Start"/> runs after them and wires live progress, claim checks and exercise
/// feedback into the notebook's display.
/// </summary>
public static class Notebook
{
    /// <summary>Environment variable that sets <see cref="Seed"/> (the headless runner's <c>--seed</c>).</summary>
    public const string SeedVariable = "COURSE_SEED";

    /// <summary>The seed every experiment of the lesson starts from: <c>COURSE_SEED</c> if set, else 0.
    /// Claims must hold for any seed; the runner's <c>--seed N</c> checks that.</summary>
    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var s) && s >= 0 ? s : 0;

    /// <summary>Environment variable naming the folder of the course's results file (<c>CourseResults</c> reads it).</summary>
    public const string ResultsVariable = "COURSE_RESULTS";

    /// <summary>Installs the FSharp.Core resolver and applies the native fixes (<see cref="NativeSetup.Prepare"/>: the
    /// GLIBCXX patch where this machine needs it, the OpenMP wait policy, <c>MKL_CBWR</c>, TorchSharp's own libtorch
    /// preloaded by full path so that a system libtorch is not picked up, threads that follow the load). Safe to call
    /// again. Returns what was done, one line per step.</summary>
    public static string Prepare()
    {
        FSharpCoreFix.Install();
        return NativeSetup.Prepare().ToString();
    }

    /// <summary>Registers the course's formatters and returns the lesson's session: fit options with live training
    /// progress (a <see cref="LiveProgress"/> callback), and claim checks and exercise feedback shown in the cell's
    /// output; points the results file at the course's <c>artifacts/results</c>
    /// (<see cref="ResultsVariable"/>, unless set). Its text is the welcome line. Use it as <c>var lesson = Notebook.Start("…");</c>.</summary>
    /// <param name="lesson">The lesson's title, for the welcome line.</param>
    public static LessonSession Start(string lesson)
    {
        Prepare();
        UseCourseResultsFolder();
        Formatters.Register();
        Charts.ChartFormatter.Register();
        return new LessonSession(
            new FitOptions { Callbacks = [new LiveProgress()] },
            new Claim(r => Display(r)),
            new Feedback(r => Display(r)),
            $"{lesson}: seed {Seed}, TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version}, {Environment.ProcessorCount} CPU threads");
    }

    /// <summary>A lesson notebook runs in <c>notebooks/</c> and loads this library from <c>../artifacts/lib</c> (its
    /// <c>#r</c> lines); its results go to <c>../artifacts/results</c>, where every lesson and lesson 08's summary find
    /// them. Left alone when <see cref="ResultsVariable"/> is set (the runner sets it) or the notebook is elsewhere.</summary>
    private static void UseCourseResultsFolder()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ResultsVariable))) return;
        string artifacts = Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, "..", "artifacts"));
        if (File.Exists(Path.Combine(artifacts, "lib", "HyperLab.Interactive.dll")))
            Environment.SetEnvironmentVariable(ResultsVariable, Path.Combine(artifacts, "results"));
    }

    /// <summary>Shows a value in the running cell's output (or prints it outside a notebook).</summary>
    internal static DisplayedValue? Display(object value, params string[] mimeTypes)
    {
        var context = KernelInvocationContext.Current;
        if (context is null) { Console.WriteLine(value); return null; }
        return context.Display(value, mimeTypes.Length > 0 ? mimeTypes : ["text/html", "text/plain"]);
    }
}
