namespace Course.Cli;

/// <summary>Picks the lessons to run from <c>notebooks/*.ipynb</c> by name prefix or substring.</summary>
public static class NotebookSelection
{
    /// <summary>Every notebook in the folder, in file-name order.</summary>
    public static IReadOnlyList<string> All(string notebooksFolder) =>
        Directory.Exists(notebooksFolder)
            ? Directory.GetFiles(notebooksFolder, "*.ipynb").Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>
    /// The notebooks matching any selector, in file-name order: a selector matches a file whose
    /// name starts with it (<c>00</c>, <c>01-learning</c>) or contains it (<c>batch</c>);
    /// no selectors means all. A selector that matches nothing is returned in <paramref name="unmatched"/>.
    /// </summary>
    public static IReadOnlyList<string> Select(string notebooksFolder, IReadOnlyCollection<string> selectors, out IReadOnlyList<string> unmatched)
    {
        var all = All(notebooksFolder);
        if (selectors.Count == 0)
        {
            unmatched = [];
            return all;
        }

        var missing = new List<string>();
        var chosen = new HashSet<string>();
        foreach (string selector in selectors)
        {
            string key = Path.GetFileNameWithoutExtension(selector);
            var byPrefix = all.Where(p => Path.GetFileName(p).StartsWith(key, StringComparison.OrdinalIgnoreCase)).ToList();
            var matches = byPrefix.Count > 0
                ? byPrefix
                : all.Where(p => Path.GetFileName(p).Contains(key, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                missing.Add(selector);
            }

            chosen.UnionWith(matches);
        }

        unmatched = missing;
        return all.Where(chosen.Contains).ToList();
    }
}
