using System.Text;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Runner;

/// <summary>
/// Turns the kernel events of one cell into the cell's notebook outputs (display data, return
/// value, stdout/stderr, errors; a display updated in place replaces its earlier version) and
/// echoes the plain-text ones to a log as they arrive.
/// </summary>
internal sealed class CellOutputRecorder(TextWriter log, bool echo, int executionCount)
{
    private const string Indent = "    ";
    private const int MaxEchoLines = 12;

    private readonly Dictionary<string, int> _displayIndex = new();
    private readonly StringBuilder _pendingEcho = new();
    private readonly HashSet<string> _echoedValues = new();

    /// <summary>The outputs, in the order the cell produced them.</summary>
    public List<InteractiveDocumentOutputElement> Outputs { get; } = new();

    /// <summary>The packages that <c>#r "nuget:"</c> added in this cell (their kernel extensions load next).</summary>
    public List<PackageAdded> PackagesAdded { get; } = new();

    /// <summary>The failure messages reported for this cell, without repeats.</summary>
    public List<string> Failures { get; } = new();

    /// <summary>Records one event. Called on whatever thread the kernel publishes from.</summary>
    public void OnEvent(KernelEvent e)
    {
        lock (Outputs)
        {
            switch (e)
            {
                case PackageAdded added:
                    PackagesAdded.Add(added);
                    break;
                case StandardOutputValueProduced stdout:
                    AddText(PlainText(stdout) ?? "", "stdout");
                    break;
                case StandardErrorValueProduced stderr:
                    AddText(PlainText(stderr) ?? "", "stderr");
                    break;
                case DisplayedValueUpdated updated:
                    Replace(updated);
                    break;
                case DisplayedValueProduced displayed:
                    Display(displayed, new DisplayElement(Data(displayed)));
                    break;
                case ReturnValueProduced returned:
                    var element = new ReturnValueElement { ExecutionOrder = executionCount };
                    foreach (var (mime, value) in Data(returned))
                    {
                        element.Data[mime] = value;
                    }

                    Display(returned, element);
                    break;
                case ErrorProduced error:
                    Outputs.Add(new ErrorElement(error.Message, "Error"));
                    EchoLines(error.Message);
                    break;
                case CommandFailed failed:
                    Fail(failed);
                    break;
            }
        }
    }

    /// <summary>Writes out any partial line still buffered.</summary>
    public void Flush()
    {
        lock (Outputs)
        {
            if (_pendingEcho.Length > 0)
            {
                log.WriteLine(Indent + _pendingEcho);
                _pendingEcho.Clear();
            }

            log.Flush();
        }
    }

    private void Fail(CommandFailed failed)
    {
        string message = failed.Message ?? failed.Exception?.Message ?? "unknown error";
        if (Failures.Any(f => f == message || f.Contains(message, StringComparison.Ordinal)))
        {
            return;
        }

        Failures.Add(message);
        Outputs.Add(new ErrorElement(message, failed.Exception?.GetType().Name ?? "Error"));
    }

    private void AddText(string text, string stream)
    {
        if (Outputs.Count > 0 && Outputs[^1] is TextElement last && last.Name == stream)
        {
            Outputs[^1] = new TextElement(last.Text + text, stream);
        }
        else
        {
            Outputs.Add(new TextElement(text, stream));
        }

        if (echo)
        {
            EchoStream(text);
        }
    }

    private void Display(DisplayEvent e, InteractiveDocumentOutputElement element)
    {
        if (e.ValueId is { } id)
        {
            _displayIndex[id] = Outputs.Count;
        }

        Outputs.Add(element);
        EchoValue(e);
    }

    private void Replace(DisplayedValueUpdated updated)
    {
        var element = new DisplayElement(Data(updated));
        if (updated.ValueId is { } id && _displayIndex.TryGetValue(id, out int index))
        {
            Outputs[index] = element;
        }
        else
        {
            Outputs.Add(element);
        }

        if (IsClaim(updated))
        {
            EchoValue(updated);
        }
    }

    private void EchoValue(DisplayEvent e)
    {
        bool claim = IsClaim(e);
        if (!claim && !echo)
        {
            return;
        }

        string? text = claim ? VisibleText(e) : PlainText(e);
        if (text is null || !_echoedValues.Add(text))
        {
            return; // nothing plain to show, or shown already (a claim displayed and also returned)
        }

        var lines = text.TrimEnd().Split('\n');
        EchoLines(string.Join('\n', lines.Take(MaxEchoLines)) + (lines.Length > MaxEchoLines ? $"\n... ({lines.Length - MaxEchoLines} more lines)" : ""));
    }

    private void EchoStream(string text)
    {
        _pendingEcho.Append(text);
        string all = _pendingEcho.ToString();
        int lastNewline = all.LastIndexOf('\n');
        if (lastNewline < 0)
        {
            return;
        }

        EchoLines(all[..lastNewline]);
        _pendingEcho.Clear().Append(all[(lastNewline + 1)..]);
    }

    private void EchoLines(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            log.WriteLine(Indent + line);
        }

        log.Flush();
    }

    private static bool IsClaim(DisplayEvent e) =>
        VisibleText(e)?.TrimStart() is { } t && (t.StartsWith('✓') || t.StartsWith('✗'));

    /// <summary>The text/plain form, else the text of the text/html form with tags removed.</summary>
    private static string? VisibleText(DisplayEvent e) =>
        PlainText(e) ?? (e.FormattedValues.FirstOrDefault(v => v.MimeType == HtmlFormatter.MimeType)?.Value is { } html
            ? HtmlText.From(html)
            : null);

    private static string? PlainText(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value;

    private static Dictionary<string, object> Data(DisplayEvent e) =>
        e.FormattedValues.Where(v => !v.SuppressDisplay)
            .GroupBy(v => v.MimeType)
            .ToDictionary(g => g.Key, g => (object)g.Last().Value);
}
