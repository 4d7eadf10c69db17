using CsvHelper;

namespace HyperLab.Data;

/// <summary>
/// Splits CSV text into records the way RFC 4180 defines them, with CsvHelper's reader: values separated by one
/// character, a value in double quotes may hold the separator, line breaks and doubled quotes
/// (<c>"say ""hi"", twice"</c>). Spaces around a value are trimmed; inside quotes they are kept. Empty lines are
/// skipped. Lines end in LF or CRLF. Every CSV the library reads goes through this one reader (<see cref="CsvDataset"/>,
/// the course data's files, <c>HyperLab.Tuning.CsvPreparation</c>), and a malformed file gets the course's
/// <see cref="CsvDataException"/> with its line; <see cref="Quote"/> writes values it reads back unchanged.
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
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,                          // the callers read the header row themselves
            TrimWhitespace = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,   // the callers say which line has how many cells
        };
        var records = new List<Record>();
        try
        {
            using var reader = CsvReader.FromText(text, options);
            while (reader.Read())
            {
                var cells = new string[reader.FieldCount];
                for (int i = 0; i < cells.Length; i++) cells[i] = reader.GetString(i);
                if (cells.Length == 1 && cells[0].Length == 0) continue;   // a line of spaces
                records.Add(new Record(checked((int)reader.LineNumber), cells));
            }
        }
        catch (CsvFormatException e)
        {
            string what = e.Message.Contains("never closed", StringComparison.Ordinal)
                ? "a value opened with a double quote (\") is never closed: close it, or double a quote inside a value (\"\")"
                : e.Message.Contains("after the closing quote", StringComparison.Ordinal)
                    ? "text follows a closing quote: a quoted value must end at the separator; double a quote inside it (\"\")"
                    : $"{Reason(e.Message)}: check the quotes on this line; double a quote inside a quoted value (\"\")";
            throw new CsvDataException(file, (int)e.LineNumber, null, what);
        }
        return records;
    }

    // CsvHelper's message without its record/line/offset prefix and suffix, e.g. "text after the closing quote of a quoted field".
    private static string Reason(string message)
    {
        int colon = message.IndexOf("): ", StringComparison.Ordinal);
        string reason = colon >= 0 ? message[(colon + 3)..] : message;
        int offset = reason.IndexOf(" (byte offset", StringComparison.Ordinal);
        return offset >= 0 ? reason[..offset] : reason.TrimEnd('.');
    }

    /// <summary>A value as RFC 4180 writes it: a value holding a comma, a quote, a line break or edge spaces goes
    /// in double quotes, its quotes doubled; any other value is written as it is.</summary>
    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value != value.Trim() ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
