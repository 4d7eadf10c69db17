using System.Net;
using System.Text;
using HyperLab.Lessons.Summary;

namespace HyperLab.Interactive;

/// <summary>The course summary table (lesson 08) as HTML for a notebook's output; the table itself (rows, Markdown,
/// text) is the library's <see cref="SummaryTable"/>, which builds no HTML.</summary>
public static class SummaryTableHtml
{
    /// <summary>The table as HTML, each measurement linked to its lesson (links relative to the notebooks folder),
    /// each missing one in italics with the command that records it, and the file the numbers came from.</summary>
    public static string Render(SummaryTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder("<table><tr><th>Hyperparameter</th><th>What it controls</th><th>Too low</th><th>Too high</th><th>Where to start</th><th>Measured in this course</th></tr>");
        foreach (var r in table.Rows)
        {
            sb.Append($"<tr><td><b>{E(r.Definition.Name)}</b></td><td>{E(r.Definition.Controls)}</td><td>{E(r.Definition.TooLow)}</td><td>{E(r.Definition.TooHigh)}</td><td>{E(r.Definition.StartWith)}</td><td>");
            sb.Append(string.Join("<br>", r.Measured.Select(m => $"{E(SummaryRow.Text(m))} (<a href=\"{LessonFiles.File(m.Lesson)}\">lesson {m.Lesson}</a>)")
                .Concat(r.Missing.Select(k => $"<i>{E(SummaryRow.MissingText(k))}</i>"))));
            sb.Append("</td></tr>");
        }
        return sb.Append($"</table><div><small>Numbers read from {E(table.Source)}.</small></div>").ToString();
    }
}
