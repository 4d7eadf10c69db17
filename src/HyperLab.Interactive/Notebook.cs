using HyperLab.Lessons.Claims;
using HyperLab.Lessons.Exercises;
using HyperLab.Platform;
using HyperLab.Training;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace HyperLab.Interactive;

/// <summary>
/// What a lesson notebook calls in its first two cells. <see cref="Prepare"/> runs before the
/// NuGet packages load (it fixes the platform problems of DESIGN.md facts 2 and 3);
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

    /// <summary>Installs the FSharp.Core resolver, applies the TorchSharp native-library fix where this machine
    /// needs it, and preloads TorchSharp's own libtorch by full path so that a system libtorch is not picked up
    /// (<see cref="TorchSharpPreload"/>, DESIGN.md fact 11). Returns what was done.</summary>
    public static string Prepare()
    {
        FSharpCoreFix.Install();
        string fix = TorchSharpNativeFix.Apply().ToString();
        return $"{fix}; {TorchSharpPreload.Apply()}";
    }

    /// <summary>Wires live training progress, claim checks and exercise feedback into the
    /// notebook's display, registers the course's formatters, and returns a welcome line.</summary>
    /// <param name="lesson">The lesson's title, for the welcome line.</param>
    public static string Start(string lesson)
    {
        Prepare();
        Formatters.Register();
        Charts.ChartFormatter.Register();
        Trainer.DefaultObserver = new LiveProgress();
        Claim.Show = r => Display(r);
        Feedback.Show = r => Display(r);
        return $"{lesson}: seed {Seed}, TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version}, {Environment.ProcessorCount} CPU threads";
    }

    /// <summary>Shows a value in the running cell's output (or prints it outside a notebook).</summary>
    internal static DisplayedValue? Display(object value, params string[] mimeTypes)
    {
        var context = KernelInvocationContext.Current;
        if (context is null) { Console.WriteLine(value); return null; }
        return context.Display(value, mimeTypes.Length > 0 ? mimeTypes : ["text/html", "text/plain"]);
    }
}
