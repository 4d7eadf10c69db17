using System.Text;

namespace HyperLab.Data;

/// <summary>
/// Splits CSV text into records the way RFC 4180 defines them: values separated by one character, a value in
/// double quotes may hold the separator, line breaks and doubled quotes (<c>"say ""hi"", twice"</c>). Spaces
/// around an unquoted value are trimmed; inside quotes they are kept. Blank lines are skipped. Lines end in LF or
/// CRLF. Every CSV the library reads goes through this one reader (<see cref="CsvDataset"/>, the course data's
/// files, <c>HyperLab.Tuning.CsvPreparation</c>); <see cref="Quote"/> writes values it reads back unchanged.
/// </summary>
internal static class CsvRecords
{
    /// <summary>One record: the 1-based line it starts on and its values.</summary>
    public readonly record struct Record(int Line, string[] Cells);

    /// <summary>The records of <paramref name="text"/>.</summary>
    /// <param name="text">The whole file.</param>
    /// <param name="separator">The value separator, e.g. ',' or ';'.</param>
    /// <param name="file">File name for errors.</param>
    /// <exception cref="CsvDataException">A quoted value is never closed, or text follows a closing quote.</exception>
    public static IEnumerable<Record> Parse(string text, char separator, string file)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, start = 1, i = 0;
        bool quoted = false, any = false;   // the current cell was quoted; the record has content
        while (i <= text.Length)
        {
            char c = i < text.Length ? text[i] : '\n';
            bool end = i == text.Length;
            if (c == '"' && Blank(cell) && !quoted)
            {
                int open = line;
                cell.Clear();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new CsvDataException(file, open, null, "a value opened with a double quote (\") is never closed: close it, or double a quote inside a value (\"\")");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (text[i] == '\n') line++;
                    cell.Append(text[i++]);
                }
                quoted = any = true;
                while (i < text.Length && text[i] is ' ' or '\t' or '\r') i++;
                if (i < text.Length && text[i] != separator && text[i] != '\n')
                    throw new CsvDataException(file, line, null,
                        $"text follows a closing quote ('{text[i]}'): a quoted value must end at the separator; double a quote inside it (\"\")");
                continue;
            }
            if (c == separator || c == '\n')
            {
                cells.Add(quoted ? cell.ToString() : cell.ToString().Trim());
                any |= cell.ToString().Trim().Length > 0 || c == separator;
                cell.Clear();
                quoted = false;
                if (c == '\n')
                {
                    if (any) yield return new Record(start, cells.ToArray());
                    cells.Clear();
                    any = false;
                    line++;
                    start = line;
                }
                i++;
                if (end) break;
                continue;
            }
            if (c != '\r') cell.Append(c);
            i++;
        }
    }

    /// <summary>A value as RFC 4180 writes it: a value holding a comma, a quote, a line break or edge spaces goes
    /// in double quotes, its quotes doubled; any other value is written as it is.</summary>
    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value != value.Trim() ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    private static bool Blank(StringBuilder cell)
    {
        for (int k = 0; k < cell.Length; k++)
            if (!char.IsWhiteSpace(cell[k])) return false;
        return true;
    }
}
