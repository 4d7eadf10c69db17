using System.Diagnostics;
using System.Runtime.CompilerServices;
using Course.Runner;
using HyperLab.Platform;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using TorchSharp;

namespace Course.Doctor;

/// <summary>The doctor's checks that do real work: a tensor op, a chart, a notebook cell.</summary>
public static class WorkloadChecks
{
    /// <summary>Whether libtorch really computes: <c>torch.ones(2,2).sum()</c> must be 4.</summary>
    public static CheckResult Torch()
    {
        try
        {
            var clock = Stopwatch.StartNew();
            float sum = OnesSum();
            return sum == 4f
                ? CheckResult.Ok("libtorch", $"computes: torch.ones(2,2).sum() = {sum} ({clock.Elapsed.TotalSeconds:0.0} s including loading libtorch, {torch.get_num_threads()} threads)")
                : CheckResult.Fail("libtorch", $"torch.ones(2,2).sum() = {sum}, expected 4", "Report this: libtorch loads but computes wrong results.");
        }
        catch (Exception e)
        {
            var inner = e is TypeInitializationException { InnerException: { } i } ? i : e;
            string message = inner.Message.Split('\n')[0];
            var fix = NativeSetup.Prepare().NativeFix;
            string advice = fix.Needed && !fix.Succeeded
                ? "The native fix did not apply (see above): make those files writable and run doctor again."
                : $"Run `ldd {Path.Combine(TorchSharpNativeFix.NuGetPackagesFolder(), "torchsharp", TorchSharpNativeFix.TorchSharpVersion, "runtimes", "linux-x64", "native", TorchSharpNativeFix.LibraryFileName)}` to see which native library is missing, and `dotnet restore` if TorchSharp is not in the NuGet cache.";
            return CheckResult.Fail("libtorch", $"does not load: {inner.GetType().Name}: {message}", advice);
        }
    }

    /// <summary>Whether Plotly.NET builds a chart and its HTML.</summary>
    public static CheckResult Chart()
    {
        try
        {
            var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(x: [0.0, 1.0, 2.0], y: [0.0, 1.0, 4.0]);
            string html = Plotly.NET.GenericChart.toChartHTML(chart);
            return html.Contains("plotly", StringComparison.OrdinalIgnoreCase)
                ? CheckResult.Ok("Plotly.NET", $"built a line chart; its HTML is {html.Length / 1024.0:0.0} kB (plotly.js loads from a CDN when shown)")
                : CheckResult.Fail("Plotly.NET", "the chart's HTML does not mention plotly", "Report this: Plotly.NET produced unexpected HTML.");
        }
        catch (Exception e)
        {
            return CheckResult.Fail("Plotly.NET", $"{e.GetType().Name}: {e.Message}", "Run `dotnet restore`; if it names FSharp.Core, see docs/platform.md#p8-plotlynet-wants-a-newer-fsharpcore-than-notebook-kernels-ship.");
        }
    }

    /// <summary>Whether the notebook engine runs a C# cell in process.</summary>
    public static async Task<CheckResult> NotebookEngine()
    {
        try
        {
            var clock = Stopwatch.StartNew();
            using var kernel = await NotebookKernel.CreateAsync();
            var result = await kernel.SendAsync(new SubmitCode("6 * 7", NotebookKernel.CSharp));
            string? value = result.Events.OfType<ReturnValueProduced>().FirstOrDefault()?.FormattedValues.FirstOrDefault()?.Value;
            string? failure = result.Events.OfType<CommandFailed>().FirstOrDefault()?.Message;
            return failure is null && value is not null && value.Contains("42", StringComparison.Ordinal)
                ? CheckResult.Ok("notebook engine", $"ran a C# cell in process: 6 * 7 = 42 ({clock.Elapsed.TotalSeconds:0.0} s)")
                : CheckResult.Fail("notebook engine", $"a C# cell gave {failure ?? value ?? "no value"}", "Run `dotnet build` and try again; report this if it persists.");
        }
        catch (Exception e)
        {
            return CheckResult.Fail("notebook engine", $"{e.GetType().Name}: {e.Message}", "Run `dotnet build` and try again; report this if it persists.");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float OnesSum()
    {
        using var ones = torch.ones(2, 2);
        using var sum = ones.sum();
        return sum.item<float>();
    }
}
