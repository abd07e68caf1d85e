namespace Elex.Core.Text;

/// <summary>
/// Inverse document frequencies of the terms of a corpus (the catalog's features), so rare,
/// identifying words outweigh common ones in the embedding.
/// </summary>
internal sealed class TermWeights
{
    private readonly Dictionary<string, float> _idf;

    private TermWeights(Dictionary<string, float> idf, float unknown)
    {
        _idf = idf;
        UnknownTermWeight = unknown;
    }

    /// <summary>The weight given to a term the corpus never uses (only its character n-grams count).</summary>
    public float UnknownTermWeight { get; }

    /// <summary>Number of distinct terms.</summary>
    public int Count => _idf.Count;

    /// <summary>Builds weights from the term sets of each document.</summary>
    public static TermWeights FromDocuments(IReadOnlyList<IReadOnlyCollection<string>> documentTerms)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in documentTerms)
            foreach (var term in terms)
                df[term] = df.GetValueOrDefault(term) + 1;
        var n = Math.Max(1, documentTerms.Count);
        var idf = new Dictionary<string, float>(df.Count, StringComparer.Ordinal);
        foreach (var (term, count) in df) idf[term] = MathF.Log((n + 1f) / (count + 0.5f));
        return new TermWeights(idf, MathF.Log(n + 1f) * 0.5f);
    }

    /// <summary>Every term with its weight (for a router snapshot).</summary>
    internal IReadOnlyDictionary<string, float> Entries => _idf;

    /// <summary>Weights read back from a router snapshot.</summary>
    internal static TermWeights FromEntries(Dictionary<string, float> idf, float unknown) => new(idf, unknown);

    /// <summary>True when the corpus uses the term.</summary>
    public bool IsKnown(string term) => _idf.ContainsKey(term);

    /// <summary>The term's inverse document frequency, or null when the corpus never uses it.</summary>
    public float? Idf(string term) => _idf.TryGetValue(term, out var w) ? w : null;
}
