using Course.Cli;
using HyperLab.Platform;

namespace Course;

/// <summary>
/// The <c>course</c> command line: <c>run</c> the lessons headless, <c>export</c> them, publish the <c>book</c> and the
/// <c>site</c>, <c>doctor</c> the environment, <c>bench</c> the training loop, run a class <c>study</c>. The commands,
/// their options and the help text are one tree (<see cref="CourseCommandLine"/>); <c>course --help</c> prints it.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static async Task<int> Main(string[] args)
    {
        var log = Console.Out;
        var root = CourseCommandLine.Build(log);
        var parsed = CourseCommandLine.Parse(root, args);
        if (parsed.Errors.Count > 0) return CourseCommandLine.ReportErrors(root, parsed, log);
        if (CourseCommandLine.RunsWork(parsed)) Startup(log);
        try
        {
            return await CourseCommandLine.InvokeAsync(parsed, log);
        }
        catch (DirectoryNotFoundException e)
        {
            log.WriteLine(e.Message);
            return CourseCommandLine.BadUsage;
        }
    }

    /// <summary>
    /// The one place the process prepares the native platform, before a command that does work (not for help or a
    /// parse error): TorchSharp loads its native library at the first torch call, so this must come first.
    /// </summary>
    private static void Startup(TextWriter log)
    {
        log.WriteLine(NativeSetup.Prepare());
    }
}
