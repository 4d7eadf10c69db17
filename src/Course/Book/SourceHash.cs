using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Course.Book;

/// <summary>
/// A fingerprint of a lesson's code: SHA-256 over its code cells' sources, in order. A published lesson stores the
/// hash of the notebook it was run from; when they differ, its outputs are out of date (a test checks).
/// </summary>
public static class SourceHash
{
    /// <summary>The metadata key under which a published notebook keeps what it was made from.</summary>
    public const string MetadataKey = "hyperlab";

    /// <summary>The hash of the notebook's code cells, as <c>sha256:hex</c>. Line endings do not count.</summary>
    public static string Of(JsonNode notebook)
    {
        var code = notebook["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code")
            .Select(c => CellSource(c!).Replace("\r\n", "\n", StringComparison.Ordinal));
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n\u0000\n", code)));
        return "sha256:" + Convert.ToHexStringLower(hash);
    }

    /// <summary>The hash of a notebook file's code cells.</summary>
    public static string OfFile(string path) => Of(JsonNode.Parse(File.ReadAllText(path))!);

    /// <summary>A cell's source, whether stored as one string or as a list of lines.</summary>
    public static string CellSource(JsonNode cell) => Joined(cell["source"]);

    /// <summary>A notebook text field (one string or a list of strings) as one string.</summary>
    public static string Joined(JsonNode? value) => value switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue text => (string?)text ?? "",
        _ => "",
    };
}
