using System.Text.Json.Nodes;

namespace Notebooks.Tests;

/// <summary>The lesson notebooks are valid nbformat 4.5 that renders as C# everywhere: every cell has a unique
/// id (nbformat warns without one), <c>language_info</c> names C# so GitHub, nbconvert and the course site
/// highlight the code, and code cells keep the metadata VS Code's Polyglot Notebooks reads.</summary>
public class NotebookFormatTests
{
    public static IEnumerable<object[]> Notebooks() =>
        LessonNotebooks.Paths.Append(Path.Combine(LessonNotebooks.Root, ".devcontainer", "warm-up.ipynb"))
            .Select(p => new object[] { Path.GetRelativePath(LessonNotebooks.Root, p) });

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_cell_has_a_unique_id_and_code_cells_are_marked_as_CSharp(string relativePath)
    {
        var problems = Problems(JsonNode.Parse(File.ReadAllText(Path.Combine(LessonNotebooks.Root, relativePath)))!);
        Assert.True(problems.Count == 0, relativePath + ":" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_missing_id_a_duplicate_id_and_a_Polyglot_language_info_are_each_reported()
    {
        var notebook = JsonNode.Parse("""
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["# T"]},
              {"cell_type": "code", "id": "a", "metadata": {"polyglot_notebook": {"kernelName": "csharp"}}, "source": ["1"], "outputs": []},
              {"cell_type": "code", "id": "a", "metadata": {}, "source": ["2"], "outputs": []}],
             "metadata": {"language_info": {"name": "polyglot-notebook"}}, "nbformat": 4, "nbformat_minor": 5}
            """)!;

        var problems = Problems(notebook);

        Assert.Contains(problems, p => p.Contains("cell 0") && p.Contains("no id"));
        Assert.Contains(problems, p => p.Contains("cell 2") && p.Contains("duplicate id \"a\""));
        Assert.Contains(problems, p => p.Contains("cell 2") && p.Contains("kernelName"));
        Assert.Contains(problems, p => p.Contains("language_info"));
    }

    /// <summary>Each way the notebook departs from the format above, naming the cell.</summary>
    internal static List<string> Problems(JsonNode notebook)
    {
        var problems = new List<string>();
        if ((int?)notebook["nbformat"] != 4 || (int?)notebook["nbformat_minor"] < 5)
            problems.Add("nbformat must be 4.5 or later (cell ids)");
        if ((string?)notebook["metadata"]?["language_info"]?["name"] != "C#" || (string?)notebook["metadata"]?["language_info"]?["pygments_lexer"] != "csharp")
            problems.Add("metadata.language_info must be {\"name\": \"C#\", \"pygments_lexer\": \"csharp\", ...} so renderers highlight C#");
        if ((string?)notebook["metadata"]?["kernelspec"]?["name"] != ".net-csharp")
            problems.Add("metadata.kernelspec.name must be .net-csharp");
        var ids = new HashSet<string>();
        var cells = notebook["cells"]!.AsArray();
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!;
            string? id = (string?)cell["id"];
            if (string.IsNullOrEmpty(id)) problems.Add($"cell {i}: no id");
            else if (!ids.Add(id)) problems.Add($"cell {i}: duplicate id \"{id}\"");
            if ((string?)cell["cell_type"] == "code" && (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"] != "csharp")
                problems.Add($"cell {i}: code cell without metadata.polyglot_notebook.kernelName = csharp");
        }
        return problems;
    }
}
