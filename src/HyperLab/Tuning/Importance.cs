namespace HyperLab.Tuning;

/// <summary>
/// Which searched hyperparameter mattered most (lesson 07): each dimension's rank correlation
/// (Spearman) with the final validation loss over a search's trials, strongest first. A crude
/// but honest reading of a log: it sees monotone effects (a U-shaped effect weakens it), and
/// with few trials it is noisy. Diverged trials count as the worst loss.
/// </summary>
public sealed record Importance(IReadOnlyList<(string Name, double Correlation)> Ranking)
{
    /// <summary>The dimension most strongly related to the validation loss.</summary>
    public string Top => Ranking[0].Name;

    /// <summary>Ranks the dimensions of <paramref name="search"/>.</summary>
    public static Importance Rank(SearchResult search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var losses = search.Trials.Select(t => double.IsFinite(t.Record.FinalValidationLoss) ? t.Record.FinalValidationLoss : double.MaxValue).ToArray();
        return new Importance(search.Space.Dimensions
            .Select(d => (d.Name, Spearman(search.Trials.Select(t => t.Point[d.Name]).ToArray(), losses)))
            .OrderByDescending(x => Math.Abs(x.Item2)).ToList());
    }

    /// <summary>Spearman's rank correlation of two equally long series (ties share their mean rank).</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count || x.Count < 2) throw new ArgumentException("Two series of the same length, at least 2, are needed.");
        double[] rx = Ranks(x), ry = Ranks(y);
        double mx = rx.Average(), my = ry.Average(), num = 0, sx = 0, sy = 0;
        for (int i = 0; i < rx.Length; i++)
        {
            num += (rx[i] - mx) * (ry[i] - my);
            sx += (rx[i] - mx) * (rx[i] - mx);
            sy += (ry[i] - my) * (ry[i] - my);
        }
        return sx == 0 || sy == 0 ? 0 : num / Math.Sqrt(sx * sy);
    }

    private static double[] Ranks(IReadOnlyList<double> v)
    {
        var order = Enumerable.Range(0, v.Count).OrderBy(i => v[i]).ToArray();
        var ranks = new double[v.Count];
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j + 1 < order.Length && v[order[j + 1]] == v[order[i]]) j++;
            for (int k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2.0;
            i = j + 1;
        }
        return ranks;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        "rank correlation with validation loss: " + string.Join(", ", Ranking.Select(r => $"{r.Name} {r.Correlation:+0.00;-0.00}"));
}
