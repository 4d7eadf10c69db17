using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;

namespace Course.Runner;

/// <summary>One notebook's kernel and log: runs its code cells one at a time and records their outputs in the document.</summary>
internal sealed class NotebookSession : IDisposable
{
    private const int MaxFirstLineLength = 70;
    private static readonly TimeSpan SlowCell = TimeSpan.FromSeconds(2);
    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { NotebookKernel.CSharp, "c#", "cs" };

    private readonly CompositeKernel _kernel;
    private readonly string _name;
    private readonly RunOptions _options;
    private readonly TextWriter _log;
    private readonly HashSet<string> _packagesSeen = new();

    private NotebookSession(CompositeKernel kernel, string name, RunOptions options, TextWriter log)
    {
        _kernel = kernel;
        _name = name;
        _options = options;
        _log = log;
    }

    /// <summary>Starts a fresh kernel for the notebook called <paramref name="name"/>.</summary>
    public static async Task<NotebookSession> StartAsync(string name, RunOptions options, TextWriter log) =>
        new(await NotebookKernel.CreateAsync(), name, options, log);

    /// <summary>Runs one code cell, replacing its outputs and execution count with this run's.</summary>
    public async Task<CellResult> RunCellAsync(InteractiveDocumentElement cell, int number, int count, int fileNumber, CancellationToken cancellationToken)
    {
        string firstLine = CellResult.FirstLineOf(cell.Contents);
        _log.WriteLine($"[{_name}] cell {number}/{count}  {Shorten(firstLine)}");
        _log.Flush();

        var clock = Stopwatch.StartNew();
        if (!CSharpNames.Contains(cell.KernelName ?? NotebookKernel.CSharp))
        {
            _log.WriteLine($"    skipped: this runner runs C# cells only, not '{cell.KernelName}'");
            return new CellResult(number, count, fileNumber, firstLine, clock.Elapsed, null, Skipped: true);
        }

        if (string.IsNullOrWhiteSpace(cell.Contents))
        {
            return new CellResult(number, count, fileNumber, firstLine, clock.Elapsed, null);
        }

        var recorder = new CellOutputRecorder(_log, _options.EchoOutput, number);
        KernelCommandResult result;
        using (_kernel.KernelEvents.Subscribe(recorder.OnEvent))
        {
            result = await _kernel.SendAsync(new SubmitCode(cell.Contents, NotebookKernel.CSharp), cancellationToken);
        }

        recorder.Flush();
        cell.ExecutionOrder = number;
        cell.Outputs.AddRange(recorder.Outputs);
        foreach (string extension in await NotebookKernel.LoadPackageExtensionsAsync(recorder.PackagesAdded, _kernel, _packagesSeen))
        {
            _log.WriteLine($"    loaded the kernel extension in {extension}");
        }

        string? error = recorder.Failures.Count > 0
            ? string.Join(Environment.NewLine, recorder.Failures)
            : result.Events.OfType<CommandFailed>().FirstOrDefault()?.Message;
        error = error is null ? null : ErrorText.WithoutEngineFrames(error);
        if (clock.Elapsed >= SlowCell && error is null)
        {
            _log.WriteLine($"    ({clock.Elapsed.TotalSeconds:0.0} s)");
        }

        return new CellResult(number, count, fileNumber, firstLine, clock.Elapsed, error);
    }

    /// <inheritdoc />
    public void Dispose() => _kernel.Dispose();

    private static string Shorten(string line) =>
        line.Length <= MaxFirstLineLength ? line : line[..(MaxFirstLineLength - 3)] + "...";
}
