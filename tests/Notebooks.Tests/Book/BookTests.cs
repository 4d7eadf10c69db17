using System.Text.Json.Nodes;
using Course.Book;

namespace Notebooks.Tests.Book;

/// <summary>The published lessons in book/ are the current lessons, run, with every chart visible without scripts.</summary>
public class BookTests
{
    public static IEnumerable<object[]> Lessons() => LessonNotebooks.Paths.Select(p => new object[] { Path.GetFileName(p) });

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Every_lesson_is_published_from_its_current_code_and_prose(string lesson)
    {
        var problems = BookCheck.Problems(Path.Combine(LessonNotebooks.Root, "notebooks", lesson), Path.Combine(LessonNotebooks.Root, "book", lesson));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_changed_code_cell_or_prose_makes_a_published_lesson_stale()
    {
        string root = LessonNotebooks.Root;
        string source = LessonNotebooks.Paths[0], name = Path.GetFileName(source);
        using var temp = new TempFolder();
        var notebook = JsonNode.Parse(File.ReadAllText(source))!;
        var code = notebook["cells"]!.AsArray().First(c => (string?)c!["cell_type"] == "code")!;
        code["source"] = SourceHash.CellSource(code) + "\n// changed";
        File.WriteAllText(temp.File(name), notebook.ToJsonString());
        Assert.Contains(BookCheck.Problems(temp.File(name), Path.Combine(root, "book", name)), p => p.Contains("out of date") && p.Contains("-- book 00"));

        notebook = JsonNode.Parse(File.ReadAllText(source))!;
        var prose = notebook["cells"]!.AsArray().First(c => (string?)c!["cell_type"] == "markdown")!;
        prose["source"] = SourceHash.CellSource(prose) + " A new sentence.";
        File.WriteAllText(temp.File(name), notebook.ToJsonString());
        var problems = BookCheck.Problems(temp.File(name), Path.Combine(root, "book", name));
        Assert.Contains(problems, p => p.Contains("different prose"));
        Assert.DoesNotContain(problems, p => p.Contains("out of date"));
    }

    [Fact]
    public void The_hash_covers_code_only_and_ignores_line_endings()
    {
        var a = JsonNode.Parse("""{"cells": [{"cell_type": "markdown", "source": ["# A"]}, {"cell_type": "code", "source": ["var x = 1;\n", "x"]}]}""")!;
        var b = JsonNode.Parse("""{"cells": [{"cell_type": "markdown", "source": ["# B"]}, {"cell_type": "code", "source": "var x = 1;\r\nx"}]}""")!;
        var c = JsonNode.Parse("""{"cells": [{"cell_type": "markdown", "source": ["# A"]}, {"cell_type": "code", "source": ["var x = 2;\n", "x"]}]}""")!;
        Assert.Equal(SourceHash.Of(a), SourceHash.Of(b));
        Assert.NotEqual(SourceHash.Of(a), SourceHash.Of(c));
        Assert.StartsWith("sha256:", SourceHash.Of(a));
    }

    [Fact]
    public void Outputs_with_plotly_js_a_chart_as_HTML_an_SVG_an_imageless_chart_an_error_or_no_text_are_each_reported()
    {
        var book = JsonNode.Parse("""
            {"cells": [{"cell_type": "code", "source": [], "outputs": [
              {"output_type": "display_data", "data": {"text/html": "<script data-hyperlab-plotly=\"2.28.0\">x</script>", "text/plain": "a"}},
              {"output_type": "display_data", "data": {"text/html": "<div class=\"hyperlab-chart\"><!--hyperlab-static-image--></div>", "text/plain": "b"}},
              {"output_type": "display_data", "data": {"text/html": "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", "text/plain": "c"}},
              {"output_type": "display_data", "data": {"text/plain": "d"}, "metadata": {"hyperlab": {"figure": "{}"}}},
              {"output_type": "execute_result", "data": {"text/html": "<b>x</b>"}},
              {"output_type": "error", "ename": "E", "evalue": "boom"}]}]}
            """)!;

        var problems = BookCheck.Outputs(book).ToList();

        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, p => p.Contains("plotly.js"));
        Assert.Contains(problems, p => p.Contains("a chart stored as HTML"));
        Assert.Contains(problems, p => p.Contains("an SVG image"));
        Assert.Contains(problems, p => p.Contains("without its PNG image"));
        Assert.Contains(problems, p => p.Contains("without text/plain"));
        Assert.Contains(problems, p => p.Contains("boom"));
    }
}

/// <summary>A temporary folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "course-book-" + Guid.NewGuid().ToString("N"))).FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
