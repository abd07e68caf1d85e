using Elex.Core.Catalog;
using Elex.Core.Text;

namespace Elex.Core.Routing;

// Learned routes: what engineers taught the router, kept in the space the router compares questions in.
public sealed partial class FeatureRouter
{
    /// <summary>
    /// Teaches the router that <paramref name="question"/> is about <paramref name="feature"/>: a
    /// question close in meaning to it will be routed there (with the learned route as evidence).
    /// </summary>
    /// <exception cref="ArgumentException">The feature is not in the catalog, or the question is empty.</exception>
    public void Teach(string question, FeatureCode feature)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        var ordinal = OrdinalOf(feature) ?? throw new ArgumentException($"'{feature}' is not a feature of this catalog.", nameof(feature));
        Memory.Add(new LearnedRoute(question, feature), ordinal, MemoryVector(question));
    }

    /// <summary>Teaches many routes at once (restoring a saved memory); routes to features the catalog lacks are skipped and returned.</summary>
    internal IReadOnlyList<LearnedRoute> Restore(IEnumerable<LearnedRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var list = routes.ToList();
        var skipped = new List<LearnedRoute>();
        float[]? semantic = null;
        var model = _memoryInModelSpace ? Semantic : null;
        if (model is not null && list.Count > 0)
        {
            semantic = new float[list.Count * model.Dimensions];
            for (var start = 0; start < list.Count; start += 32)
            {
                var batch = list.Skip(start).Take(32).Select(r => r.Question).ToList();
                model.EncodeQueries(batch, semantic.AsSpan(start * model.Dimensions, batch.Count * model.Dimensions));
            }
        }
        for (var i = 0; i < list.Count; i++)
        {
            if (OrdinalOf(list[i].Feature) is not { } ordinal || string.IsNullOrWhiteSpace(list[i].Question))
            {
                skipped.Add(list[i]);
                continue;
            }
            var vector = semantic is null ? LexicalVector(list[i].Question) : semantic.AsSpan(i * model!.Dimensions, model.Dimensions).ToArray();
            Memory.Add(list[i], ordinal, vector);
        }
        return skipped;
    }

    /// <summary>
    /// How close <paramref name="text"/> is to the feature at <paramref name="ordinal"/> in the lexical
    /// channel (cosine of the term embeddings, glosses included): a measure for features a route did not
    /// rank, such as the features of a conversation a follow-up may be about.
    /// </summary>
    public float LexicalSimilarity(string text, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, Catalog.Count);
        return Similarity(LexicalVector(text), ordinal);
    }

    private int? OrdinalOf(FeatureCode code)
    {
        for (var i = 0; i < Catalog.Count; i++) if (Catalog[i].Code == code) return i;
        return null;
    }

    // The memory compares questions in the richest space the router has.
    private float[] MemoryVector(string question) => (_memoryInModelSpace ? Semantic?.EncodeQuery(question) : null) ?? LexicalVector(question);

    /// <summary>A question's lexical vector, exactly as a route searches the vector index with it.</summary>
    internal float[] LexicalVector(string question)
    {
        var vector = new float[Embedder.Dimensions];
        var analyzed = TermAnalyzer.Analyze(question);
        Embedder.Accumulate(analyzed.WordTerms, 1f, vector);
        Embedder.Accumulate(analyzed.IdentifierTerms, IdentifierTermWeight, vector);
        TextEmbedder.Normalize(vector);
        return vector;
    }

    // A question close to one an engineer corrected goes where the correction said: the closer, the
    // stronger the pull, from nothing at the threshold to a whole-name match's weight when identical.
    // (Routers with the model lift the learned question's feature inside the model channel instead.)
    private void Recall(ReadOnlySpan<float> lexicalQuery, RouteScratch scratch)
    {
        var scores = scratch.Scores;
        var (index, cosine, ordinal, route) = Memory.Nearest(lexicalQuery);
        var threshold = _options.MemoryLexicalThreshold;
        if (index < 0 || cosine < threshold) return;
        if (!scores.TryGetValue(ordinal, out var s))
            scores[ordinal] = s = scratch.Rent(Similarity(lexicalQuery, ordinal));
        s.Boost += _options.MemoryBoost * (cosine - threshold) / (1f - threshold) + _options.MemoryBoost * 0.5f;
        s.Learned = true;
        var question = route!.Question.Length > 80 ? route.Question[..77] + "..." : route.Question;
        s.Evidence.Add(new RouteEvidence(MatchKind.Learned, question, 1));
    }
}
