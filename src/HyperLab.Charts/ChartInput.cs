namespace HyperLab.Charts;

/// <summary>Checks what a chart is given: a clear <see cref="ArgumentException"/> naming the parameter,
/// instead of Plotly's "The input sequence was empty" or a <see cref="NullReferenceException"/>.</summary>
internal static class ChartInput
{
    /// <summary>The items as a list; throws when <paramref name="items"/> is null, empty, or holds a null.</summary>
    public static List<T> Require<T>(IEnumerable<T>? items, string name) where T : class
    {
        ArgumentNullException.ThrowIfNull(items, name);
        var list = items.ToList();
        if (list.Count == 0)
            throw new ArgumentException($"{name} is empty: give at least one {typeof(T).Name} to draw.", name);
        int hole = list.FindIndex(x => x is null);
        if (hole >= 0)
            throw new ArgumentException($"{name}[{hole}] is null: every {typeof(T).Name} to draw must be set.", name);
        return list;
    }

    /// <summary>Named items (label, item) as a list; throws when <paramref name="pairs"/> is null, empty, or a pair
    /// has no item. <paramref name="what"/> names an item in the message ("histogram", "grid").</summary>
    public static List<(string Name, T Item)> RequireNamed<T>(IEnumerable<(string Name, T Item)>? pairs, string name, string what) where T : class
    {
        ArgumentNullException.ThrowIfNull(pairs, name);
        var list = pairs.ToList();
        if (list.Count == 0)
            throw new ArgumentException($"{name} is empty: give at least one (name, {what}) pair to draw.", name);
        int hole = list.FindIndex(p => p.Item is null);
        if (hole >= 0)
            throw new ArgumentException($"{name}[{hole}] has no {what}: every pair to draw must have one.", name);
        return list;
    }
}
