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
    /// The notebooks matching any selector, in file-name order: a number matches the lesson with
    /// that number (<c>1</c> and <c>01</c> both pick <c>01-*.ipynb</c>); otherwise a selector matches
    /// files whose name starts with it (<c>01-learning</c>), else those that contain it (<c>batch</c>).
    /// No selectors means all. A selector that matches nothing is returned in <paramref name="unmatched"/>.
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
            var matches = key.All(char.IsAsciiDigit) && key.Length > 0
                ? all.Where(p => LessonNumber(p) is { } n && n == int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)).ToList()
                : [];
            if (matches.Count == 0)
            {
                matches = all.Where(p => Path.GetFileName(p).StartsWith(key, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            if (matches.Count == 0)
            {
                matches = all.Where(p => Path.GetFileName(p).Contains(key, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            if (matches.Count == 0)
            {
                missing.Add(selector);
            }

            chosen.UnionWith(matches);
        }

        unmatched = missing;
        return all.Where(chosen.Contains).ToList();
    }

    private static int? LessonNumber(string path)
    {
        string digits = new(Path.GetFileName(path).TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and < 9 ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
