using System.Text;

namespace HyperLab.Lessons.Summary;

/// <summary>
/// The course summary (lesson 08): one row per hyperparameter (and one for all five tuned together) with what it controls, what too low
/// and too high look like, where to start, and the numbers the lessons measured, read from the
/// results file (<see cref="CourseResults"/>), never typed in. A measurement whose lesson has not
/// run in this checkout is shown as missing, with the command that records it. Its HTML form lives in the
/// notebook glue (<c>HyperLab.Interactive.SummaryTableHtml</c>): the library builds no HTML.
/// </summary>
public sealed class SummaryTable
{
    private SummaryTable(IReadOnlyList<SummaryRow> rows, string source)
    {
        Rows = rows;
        Source = source;
    }

    /// <summary>One row per hyperparameter, in the course's order (learning rate first), then the five tuned together.</summary>
    public IReadOnlyList<SummaryRow> Rows { get; }

    /// <summary>Where the numbers came from (the results file's path, or "given list").</summary>
    public string Source { get; }

    /// <summary>Every measurement the table shows.</summary>
    public IEnumerable<Measurement> Shown => Rows.SelectMany(r => r.Measured);

    /// <summary>The lessons whose measurements are missing, e.g. ["05", "06"]; empty when every row is measured.</summary>
    public IReadOnlyList<string> MissingLessons => Rows.SelectMany(r => r.Missing).Select(LessonFiles.Of).Distinct().Order().ToList();

    /// <summary>Reads the results file (<see cref="CourseResults.Load"/>) and builds the table from it.</summary>
    public static SummaryTable Load() => Build(CourseResults.Load(), CourseResults.FilePath);

    /// <summary>Builds the table from a list of measurements (a row's cell is empty where its key is absent).</summary>
    /// <param name="measurements">What the lessons recorded.</param>
    /// <param name="source">Where they came from, for the caption. Default "given list".</param>
    public static SummaryTable Build(IEnumerable<Measurement> measurements, string source = "given list")
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var byKey = measurements.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.Last());
        var rows = SummaryRows.Definitions.Select(d => new SummaryRow(d,
            d.Keys.Where(byKey.ContainsKey).Select(k => byKey[k]).ToList(),
            d.Keys.Where(k => !byKey.ContainsKey(k)).ToList())).ToList();
        return new SummaryTable(rows, source);
    }

    /// <summary>
    /// Checks that every number in the table is a measurement in <paramref name="recorded"/> (the
    /// results file as it is now): same key, value, seed and time; and that every row without one says
    /// which lesson to run. Fails for a number that is not in the file, or that the file has since replaced.
    /// </summary>
    /// <param name="recorded">The measurements to check against, normally <see cref="CourseResults.Load"/>.</param>
    public SummaryProvenance CheckAgainst(IReadOnlyList<Measurement> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var file = recorded.ToDictionary(m => m.Key);
        var notInFile = Shown.Where(m => !file.TryGetValue(m.Key, out var f) || f != m).Select(m => m.Key).ToList();
        var unexplained = Rows.Where(r => r.Measured.Count == 0 && r.Missing.Count == 0).Select(r => r.Definition.Name).ToList();
        return new SummaryProvenance(Shown.Count(), Rows.Sum(r => r.Missing.Count), notInFile, unexplained, MissingLessons);
    }

    /// <summary>The table as Markdown (links relative to the notebooks folder).</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder("| Hyperparameter | What it controls | Too low | Too high | Where to start | Measured in this course |\n|---|---|---|---|---|---|\n");
        foreach (var r in Rows)
            sb.Append($"| {r.Definition.Name} | {r.Definition.Controls} | {r.Definition.TooLow} | {r.Definition.TooHigh} | {r.Definition.StartWith} | {string.Join("<br>", r.Cells(markdown: true))} |\n");
        return sb.ToString();
    }

    /// <summary>Plain text: one block per row.</summary>
    public override string ToString() =>
        string.Join("\n", Rows.Select(r => $"{r.Definition.Name}: {string.Join("; ", r.Cells(markdown: false))}"));
}

/// <summary>One row of the <see cref="SummaryTable"/>: its fixed advice and the measurements found for it.</summary>
/// <param name="Definition">Name, what it controls, too low, too high, where to start, and the keys it shows.</param>
/// <param name="Measured">The measurements found for its keys.</param>
/// <param name="Missing">Its keys with no measurement yet.</param>
public sealed record SummaryRow(SummaryRowDefinition Definition, IReadOnlyList<Measurement> Measured, IReadOnlyList<string> Missing)
{
    /// <summary>True when every key of the row has a measurement.</summary>
    public bool Complete => Missing.Count == 0;

    /// <summary>"best AdamW rate of the sweep: 3.16e-3 (seed 0)": a measurement as the table shows it.</summary>
    public static string Text(Measurement m) => $"{m.What}: {m.ValueText} (seed {m.Seed})";

    /// <summary>"best weight decay: not measured yet, run lesson 05 first (dotnet run --project src/Course -- run 05)".</summary>
    public static string MissingText(string key) =>
        $"{MeasurementNames.Of(key)}: not measured yet, run lesson {LessonFiles.Of(key)} first (dotnet run --project src/Course -- run {LessonFiles.Of(key)})";

    /// <summary>The measured cell's lines, each measurement linked to its lesson, each missing key explained.</summary>
    public IEnumerable<string> Cells(bool markdown) =>
        Measured.Select(m => markdown ? $"{Text(m)} ([{m.Lesson}]({LessonFiles.File(m.Lesson)}))" : $"{Text(m)} [lesson {m.Lesson}]")
            .Concat(Missing.Select(k => markdown ? $"*{MissingText(k)}*" : MissingText(k)));
}

/// <summary>What the summary says about one hyperparameter, apart from the numbers.</summary>
/// <param name="Name">"Learning rate".</param>
/// <param name="Controls">What it controls.</param>
/// <param name="TooLow">The symptom of too low (too small, too few, too weak).</param>
/// <param name="TooHigh">The symptom of too high.</param>
/// <param name="StartWith">Where to start.</param>
/// <param name="Keys">The measurement keys shown in the row (<see cref="Measured"/>).</param>
public sealed record SummaryRowDefinition(string Name, string Controls, string TooLow, string TooHigh, string StartWith, IReadOnlyList<string> Keys);

/// <summary>The outcome of <see cref="SummaryTable.CheckAgainst"/>.</summary>
/// <param name="Shown">Numbers the table shows.</param>
/// <param name="MissingCount">Keys shown as "run lesson NN first".</param>
/// <param name="NotInFile">Keys whose shown number is not the one in the results file.</param>
/// <param name="Unexplained">Rows with neither a number nor a "run lesson NN first".</param>
/// <param name="MissingLessons">The lessons to run to fill the table.</param>
public sealed record SummaryProvenance(int Shown, int MissingCount, IReadOnlyList<string> NotInFile, IReadOnlyList<string> Unexplained, IReadOnlyList<string> MissingLessons)
{
    /// <summary>Every shown number is in the file as shown, and every row has a number or says what to run.</summary>
    public bool Holds => NotInFile.Count == 0 && Unexplained.Count == 0;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Shown} numbers shown, each found in the results file with the same value, seed and time" +
        (NotInFile.Count > 0 ? $", except {string.Join(", ", NotInFile)}" : "") +
        (MissingCount > 0 ? $"; {MissingCount} not measured yet, each marked \"run lesson NN first\" (lessons {string.Join(", ", MissingLessons)})" : "; none missing") +
        (Unexplained.Count > 0 ? $"; rows with nothing: {string.Join(", ", Unexplained)}" : "");
}
