using System.Net;
using System.Text;
using HyperLab.Lessons.Claims;
using HyperLab.Lessons.Exercises;
using HyperLab.Lessons.Summary;
using HyperLab.Training;
using Microsoft.DotNet.Interactive.Formatting;

namespace HyperLab.Interactive;

/// <summary>How the course's values look in a notebook: a history as a summary and a table,
/// claim checks and feedback as coloured lines. Each also has a plain-text form (its ToString).</summary>
public static class Formatters
{
    private static int registered;

    /// <summary>Registers the formatters once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1) return;
        Formatter.Register<HtmlFragment>(f => f.Html, "text/html");
        Formatter.Register<HtmlFragment>(f => f.Text, "text/plain");
        Formatter.Register<LessonSession>(s => s.ToString(), "text/plain");
        Formatter.SetPreferredMimeTypesFor(typeof(LessonSession), "text/plain");
        Formatter.Register<ClaimResult>(r => Line(r.Holds ? "#1a7f37" : "#cf222e", r.ToString()), "text/html");
        Formatter.Register<FeedbackResult>(r => Line(r.Correct ? "#1a7f37" : "#9a6700", r.ToString()), "text/html");
        Formatter.Register<History>(HistoryHtml, "text/html");
        Formatter.Register<SummaryTable>(SummaryTableHtml.Render, "text/html");
        Formatter.Register<TrainingResult>(r => $"<div><b>{E(r.Model.ToString())}</b></div>" + HistoryHtml(r.History), "text/html");
        foreach (var t in new[] { typeof(ClaimResult), typeof(FeedbackResult), typeof(History), typeof(TrainingResult), typeof(SummaryTable), typeof(HtmlFragment) })
            Formatter.SetPreferredMimeTypesFor(t, "text/html", "text/plain");
        Formatter.Register<ClaimResult>(r => r.ToString(), "text/plain");
        Formatter.Register<FeedbackResult>(r => r.ToString(), "text/plain");
        Formatter.Register<History>(h => h.ToString(), "text/plain");
        Formatter.Register<SummaryTable>(t => t.ToString(), "text/plain");
        Formatter.Register<TrainingResult>(r => r.ToString(), "text/plain");
    }

    /// <summary>A history as its one-line summary and a table of its epochs (the best row in bold).</summary>
    public static string HistoryHtml(History h)
    {
        var best = h.BestEpoch?.Epoch;
        var sb = new StringBuilder($"<div><b>{E(h.Label)}</b> · {E(h.Summary)}</div>");
        sb.Append(EpochTable(h.Epochs, best, maxRows: 12));
        return sb.ToString();
    }

    /// <summary>An HTML table of epochs; long runs show the first and last rows.</summary>
    internal static string EpochTable(IReadOnlyList<EpochRecord> epochs, int? bold, int maxRows)
    {
        var sb = new StringBuilder("<table><tr><th>epoch</th><th>train loss</th><th>train acc</th><th>val loss</th><th>val acc</th><th>learning rate</th><th>seconds</th></tr>");
        var rows = epochs.Count <= maxRows ? epochs : epochs.Take(maxRows / 2).Concat(epochs.Skip(epochs.Count - maxRows / 2)).ToList();
        int last = 0;
        foreach (var e in rows)
        {
            if (e.Epoch > last + 1) sb.Append("<tr><td colspan=7>…</td></tr>");
            last = e.Epoch;
            string b = e.Epoch == bold ? " style=\"font-weight:bold\"" : "";
            sb.Append($"<tr{b}><td>{e.Epoch}</td><td>{e.TrainLoss:0.####}</td><td>{e.TrainAccuracy:0.###}</td><td>{e.ValidationLoss:0.####}</td><td>{e.ValidationAccuracy:0.###}</td><td>{Hyperparameters.Fmt(e.LearningRate)}</td><td>{e.Seconds:0.00}</td></tr>");
        }
        return sb.Append("</table>").ToString();
    }

    private static string Line(string color, string text) =>
        $"<div style=\"color:{color};font-family:monospace;white-space:pre-wrap\">{E(text)}</div>";

    internal static string E(string s) => WebUtility.HtmlEncode(s);
}

/// <summary>Ready-made HTML (live progress) with its plain-text form, shown as is. A type of our own, so that
/// the kernel's formatter for it is ours whatever HTML types the kernel itself knows.</summary>
/// <param name="Html">The markup.</param>
/// <param name="Text">The same content as plain text, for outputs read as text.</param>
public sealed record HtmlFragment(string Html, string Text)
{
    /// <inheritdoc/>
    public override string ToString() => Text;
}
