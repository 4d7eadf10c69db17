using System.Text.Json;

namespace Notebooks.Tests;

/// <summary>A throwaway .ipynb in its own temp folder: a markdown cell, then the given C# cells.</summary>
internal sealed class TempNotebook : IDisposable
{
    public TempNotebook(string name, params string[] codeCells)
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "course-runner-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, name + ".ipynb");

        var cells = new List<object> { new { cell_type = "markdown", metadata = new { }, source = new[] { "# A test notebook" } } };
        cells.AddRange(codeCells.Select(code => (object)new
        {
            cell_type = "code",
            execution_count = (int?)null,
            metadata = new { polyglot_notebook = new { kernelName = "csharp" } },
            outputs = Array.Empty<object>(),
            source = SplitKeepingNewlines(code),
        }));
        var notebook = new
        {
            cells,
            metadata = new { kernelspec = new { display_name = ".NET (C#)", language = "C#", name = ".net-csharp" } },
            nbformat = 4,
            nbformat_minor = 5,
        };
        File.WriteAllText(Path, JsonSerializer.Serialize(notebook));
    }

    public string Folder { get; }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string[] SplitKeepingNewlines(string code)
    {
        var lines = code.Split('\n');
        return lines.Select((line, i) => i < lines.Length - 1 ? line + "\n" : line).ToArray();
    }
}
