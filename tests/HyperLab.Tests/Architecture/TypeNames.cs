using System.Text.RegularExpressions;

namespace HyperLab.Tests.Architecture;

/// <summary>
/// Top-level type names declared in C# sources (read from the text: a declaration at the start of a line after a
/// file-scoped namespace), so that every name means one type across src/. Partial declarations of one type in one
/// namespace count once. Limit: nested types and types in block-scoped namespaces are not read (src/ has neither
/// at the top level).
/// </summary>
public static partial class TypeNames
{
    /// <summary>Each name declared in more than one namespace, with the namespaces ("DropoutCheck: A, B").</summary>
    /// <param name="sources">The file texts.</param>
    public static IReadOnlyList<string> Duplicates(IEnumerable<string> sources)
    {
        var declared = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (string text in sources)
        {
            var ns = Namespace().Match(text);
            if (!ns.Success) continue;
            foreach (Match m in Declaration().Matches(text))
            {
                string name = m.Groups["name"].Value;
                if (!declared.TryGetValue(name, out var namespaces)) declared[name] = namespaces = new(StringComparer.Ordinal);
                namespaces.Add(ns.Groups[1].Value);
            }
        }
        return declared.Where(d => d.Value.Count > 1).Select(d => $"{d.Key}: {string.Join(", ", d.Value)}").Order(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^(?:(?:public|internal|file|sealed|static|abstract|readonly|partial|ref|unsafe) )*(?:record struct|record class|record|class|interface|enum|struct) (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}
