using Elex.Core.Catalog;
using Elex.Core.Routing.Glosses;
using Elex.Core.Text;

namespace Elex.Core.Routing;

/// <summary>
/// Okapi BM25 over each feature's descriptive text — name, acronym and routing gloss with its terms —
/// analysed like questions (sub-words, RAN glossary, stemming). For questions that describe a feature
/// instead of naming it, BM25's saturating term frequency and length normalisation rank long glosses
/// better than cosine over hashed term vectors. Scores are divided by the question's own best
/// possible score, so they fall in [0, 1] whatever the question's length.
/// </summary>
internal sealed partial class GlossBm25Index
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    // Per term: its IDF, and per feature that uses it the term's saturated, length-normalised
    // frequency, precomputed so a question costs one multiply-add per posting.
    private readonly Dictionary<string, Postings> _postings;

    public GlossBm25Index(FeatureCatalog catalog, RoutingGlosses glosses)
    {
        var postings = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        var lengths = new int[catalog.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < catalog.Count; i++)
        {
            var f = catalog[i];
            var gloss = glosses.For(f.Code);
            var text = gloss is null ? $"{f.Name} {f.Acronym}" : $"{f.Name} {f.Acronym} {gloss.Gloss} {string.Join(" , ", gloss.Terms)}";
            counts.Clear();
            foreach (var term in TermAnalyzer.Terms(text)) counts[term] = counts.GetValueOrDefault(term) + 1;
            foreach (var (term, frequency) in counts)
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add((i, frequency));
                lengths[i] += frequency;
            }
        }
        var average = Math.Max(1f, (float)lengths.Average());
        var lengthNorm = lengths.Select(l => K1 * (1 - B + B * l / average)).ToArray();
        _postings = new Dictionary<string, Postings>(postings.Count, StringComparer.Ordinal);
        foreach (var (term, list) in postings)
        {
            var idf = MathF.Log(1 + (catalog.Count - list.Count + 0.5f) / (list.Count + 0.5f));
            var ordinals = new int[list.Count];
            var weights = new float[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                var (ordinal, frequency) = list[i];
                ordinals[i] = ordinal;
                weights[i] = idf * frequency * (K1 + 1) / (frequency + lengthNorm[ordinal]);
            }
            _postings[term] = new Postings(idf * (K1 + 1), ordinals, weights);
        }
    }

    private sealed record Postings(float MaxWeight, int[] Ordinals, float[] Weights);

    /// <summary>Adds each feature's normalised BM25 score for the question's terms into <paramref name="scores"/> (by ordinal); false when no term is known.</summary>
    public bool Score(List<string> wordTerms, List<string> identifierTerms, float[] scores)
    {
        var best = 0f;
        var any = false;
        var total = wordTerms.Count + identifierTerms.Count;
        if (total == 0) return false;
        for (var q = 0; q < total; q++)
        {
            var term = q < wordTerms.Count ? wordTerms[q] : identifierTerms[q - wordTerms.Count];
            if (SeenBefore(wordTerms, identifierTerms, term, q) || !_postings.TryGetValue(term, out var postings)) continue;
            best += postings.MaxWeight;
            any = true;
            var ordinals = postings.Ordinals;
            var weights = postings.Weights;
            for (var i = 0; i < ordinals.Length; i++) scores[ordinals[i]] += weights[i];
        }
        if (!any) return false;
        for (var i = 0; i < scores.Length; i++) scores[i] /= best;
        return true;
    }

    private static bool SeenBefore(List<string> words, List<string> identifiers, string term, int position)
    {
        for (var i = 0; i < position; i++)
            if ((i < words.Count ? words[i] : identifiers[i - words.Count]) == term) return true;
        return false;
    }
}
