using System.Numerics.Tensors;
using Elex.Core.Text;
using Elex.Core.Vectors;
using Scored = Elex.Core.Routing.RouteScratch.Scored;

namespace Elex.Core.Routing;

// One route: the channels (term vectors, sentence model, BM25 over glosses, exact identifiers,
// learned routes) each nominate candidates, and their fused scores become confidences.
public sealed partial class FeatureRouter
{
    /// <summary>
    /// Routes a question whose sentence-model vector is already known (a micro-batch encoded it);
    /// an empty vector routes on exact and lexical evidence alone.
    /// </summary>
    [System.Runtime.CompilerServices.SkipLocalsInit] // the question vector is cleared below; the neighbours are read only as far as found
    public RouteResult Route(string text, ReadOnlySpan<float> semanticQuery, int topK)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        var model = Semantic;
        var useSemantic = model is not null && semanticQuery.Length > 0;
        if (useSemantic && semanticQuery.Length != model!.Dimensions)
            throw new ArgumentException($"The question vector has {semanticQuery.Length} dimensions, the model {model.Dimensions}.", nameof(semanticQuery));
        var memoryInModel = useSemantic && _memoryInModelSpace;
        var dims = Embedder.Dimensions;
        var scratch = RouteScratch.For(Catalog.Count);
        var analyzed = scratch.Question;
        TermAnalyzer.AnalyzeInto(text, analyzed);
        var scores = scratch.Scores;
        var query = dims <= 2048 ? stackalloc float[dims] : new float[dims];
        query.Clear();
        Embedder.Accumulate(analyzed.WordTerms, 1f, query);
        Embedder.Accumulate(analyzed.IdentifierTerms, IdentifierTermWeight, query);
        var hasLexical = TextEmbedder.Normalize(query);
        // The exact index scores every feature anyway: keep that row, so a candidate another channel
        // brings in reads its lexical similarity instead of computing a dot product again.
        float[]? lexical = null;
        if (hasLexical)
        {
            Span<VectorNeighbor> neighbors = stackalloc VectorNeighbor[Math.Min(_options.VectorCandidates, Catalog.Count)];
            int found;
            if (_index is ColumnMajorIndex columns)
            {
                lexical = scratch.Lexical;
                columns.ScoreAll(query, lexical);
                found = TopSelection.Select(lexical, neighbors.Length, neighbors);
            }
            else found = _index.Search(query, neighbors.Length, neighbors);
            foreach (var n in neighbors[..found]) scores[n.Id] = scratch.Rent(n.Similarity);
        }

        float[]? semantic = null;
        List<(int Ordinal, LearnedRoute Route)>? lifted = null;
        if (useSemantic)
        {
            semantic = scratch.Semantic;
            Array.Clear(semantic);
            model!.Score(semanticQuery, semantic);
            if (Memory.Count > 0 && memoryInModel) Memory.Lift(semanticQuery, semantic, _options.MemoryOffset, _options.MemoryPull, model.VectorOf, lifted = scratch.Lifted);
            foreach (var (ordinal, _) in TopOrdinals(semantic, _options.SemanticCandidates, scratch))
                if (!scores.ContainsKey(ordinal)) scores[ordinal] = scratch.Rent(hasLexical ? Similarity(query, lexical, ordinal) : 0f);
        }

        float[]? bm25 = null;
        if ((semantic is null ? _options.Bm25Weight : _options.Bm25WeightWithModel) > 0)
        {
            bm25 = scratch.Bm25;
            Array.Clear(bm25);
            if (_bm25.Score(analyzed.WordTerms, analyzed.IdentifierTerms, bm25))
            {
                foreach (var (ordinal, _) in TopOrdinals(bm25, _options.Bm25Candidates, scratch))
                    if (!scores.ContainsKey(ordinal)) scores[ordinal] = scratch.Rent(hasLexical ? Similarity(query, lexical, ordinal) : 0f);
            }
            else
            {
                bm25 = null;
            }
        }

        var hits = scratch.Hits;
        _exact.Match(text, analyzed, hits);
        foreach (var hit in hits)
        {
            if (!scores.TryGetValue(hit.Ordinal, out var s))
                scores[hit.Ordinal] = s = scratch.Rent(hasLexical ? Similarity(query, lexical, hit.Ordinal) : 0f);
            if (hit.Evidence.Kind == MatchKind.Name)
            {
                s.NameBoost += hit.Boost;
                s.NameTerms = Math.Max(s.NameTerms, hit.Evidence.Text.AsSpan().Count(' ') + 1);
            }
            else s.Boost += hit.Boost;
            s.Evidence.Add(hit.Evidence);
        }
        if (semantic is not null && _options.FamilyNameShareWithModel > 0) ShareNamesWithFamilies(scratch, query, lexical, hasLexical, analyzed.WordTerms);
        if (lifted is not null)
        {
            foreach (var (ordinal, route) in lifted)
            {
                if (!scores.TryGetValue(ordinal, out var s))
                    scores[ordinal] = s = scratch.Rent(hasLexical ? Similarity(query, lexical, ordinal) : 0f);
                s.Learned = true;
                s.Evidence.Add(new RouteEvidence(MatchKind.Learned, route.Question.Length > 80 ? route.Question[..77] + "..." : route.Question, 1));
            }
        }
        else if (Memory.Count > 0 && !memoryInModel && hasLexical)
        {
            Recall(query, scratch);
        }
        if (scores.Count == 0) return RouteResult.None;
        // Off-topic text ("how do I cook pasta") still has a nearest feature; below the floor, with no
        // exact fact named, nothing in the catalog is what the question is about.
        if (semantic is not null && hits.Count == 0 && semantic[ArgMax(semantic)] < _options.SemanticFloor && !AnyLearned(scores)) return RouteResult.None;

        var rat = QuestionRat.Detect(analyzed);
        foreach (var (ordinal, s) in scores)
        {
            if (semantic is not null)
            {
                s.Semantic = semantic[ordinal];
                s.Fused = _options.LexicalWeight * s.Similarity + _options.SemanticWeight * s.Semantic + s.Boost
                    + (s.NameTerms >= 3 ? _options.LongNameWeightWithModel : _options.NameWeightWithModel) * s.NameBoost;
            }
            else
            {
                s.Fused = s.Similarity + s.Boost + s.NameBoost;
            }
            if (bm25 is not null)
            {
                s.Bm25 = bm25[ordinal];
                s.Fused += (semantic is null ? _options.Bm25Weight : _options.Bm25WeightWithModel) * s.Bm25;
            }
            if (QuestionRat.Contradicts(rat, _rats[ordinal])) s.Fused -= _options.RatPenalty;
        }

        var ranked = scratch.Ranked;
        Rank(scores, scratch.RankKeys(scores.Count), ranked);
        var top = ranked[0].Value.Fused;
        var temperature = semantic is null ? _options.Temperature : _options.SemanticTemperature;
        var denominator = 0f;
        foreach (var (_, s) in ranked) denominator += MathF.Exp((s.Fused - top) / temperature);
        float topConfidence;
        RouteSignals? signals = null;
        if (semantic is null)
        {
            topConfidence = Math.Clamp(top / _options.StrongScore, 0f, 1f) / denominator;
        }
        else
        {
            var (bestOrdinal, best) = (ranked[0].Key, ranked[0].Value);
            var namedTerms = 0;
            var otherExact = false;
            foreach (var e in best.Evidence)
            {
                if (e.Kind == MatchKind.Name) namedTerms = Math.Max(namedTerms, e.Text.AsSpan().Count(' ') + 1);
                else otherExact = true;
            }
            signals = new RouteSignals(
                ArgMax(semantic) == bestOrdinal,
                LexicalBest(scores, _options.Bm25Weight) == bestOrdinal,
                namedTerms > 0,
                otherExact,
                ranked.Count > 1 ? top - ranked[1].Value.Fused : top,
                best.Semantic,
                namedTerms == 0 ? 0f : Math.Min(1f, namedTerms / (float)Math.Max(1, analyzed.WordTerms.Count)));
            topConfidence = _options.Calibration.Confidence(signals.Value);
        }

        var candidates = new RouteCandidate[Math.Min(topK, ranked.Count)];
        for (var i = 0; i < candidates.Length; i++)
        {
            var (ordinal, s) = ranked[i];
            // Alternatives keep their softmax share relative to the best.
            var relative = MathF.Exp((s.Fused - top) / temperature);
            RouteEvidence[] evidence = s.Evidence.Count == 0 ? [] : [.. s.Evidence];
            candidates[i] = new RouteCandidate(Catalog[ordinal], ordinal, s.Fused, semantic is null ? s.Similarity : s.Semantic, topConfidence * relative, evidence);
        }
        var ambiguous = ranked.Count > 1 && top - ranked[1].Value.Fused < temperature * 0.7f;
        return new RouteResult(candidates, candidates[0].Confidence, ambiguous)
        {
            UsedSemantic = semantic is not null, Signals = signals, QuestionRat = rat,
            AsksForBestByName = semantic is null && IsOnlyItsName(ranked[0].Value, analyzed.WordTerms),
        };
    }

    // "What is Prescheduling?": every word of the question but the radio technology it names is the
    // candidate's whole name, so the question asks for that feature and not for one whose longer name
    // merely contains it ("VoLTE Prescheduling"). A name with more words ("Carrier Aggregation for
    // VoLTE calls") does not qualify: the extra words may point at an add-on.
    private static bool IsOnlyItsName(Scored best, List<string> wordTerms)
    {
        foreach (var e in best.Evidence)
        {
            if (e.Kind != MatchKind.Name) continue;
            var nameTerms = e.Text.AsSpan().Count(' ') + 1;
            if (nameTerms == wordTerms.Count - QuestionRat.QualifierTerms(wordTerms, e.Text)) return true;
        }
        return false;
    }

    // Highest fused score first; the lower ordinal wins a tie, so rankings are total and repeatable.
    // One primitive sort of (score, ordinal) keys: a comparison delegate per pair cost more than the rest of the ranking.
    private static void Rank(Dictionary<int, Scored> scores, ulong[] keys, List<KeyValuePair<int, Scored>> ranked)
    {
        var count = 0;
        foreach (var (ordinal, s) in scores) keys[count++] = TopSelection.BestFirstKey(s.Fused, ordinal);
        var sorted = keys.AsSpan(0, count);
        sorted.Sort();
        foreach (var key in sorted)
        {
            var ordinal = TopSelection.IndexOf(key);
            ranked.Add(new(ordinal, scores[ordinal]));
        }
    }

    private static bool AnyLearned(Dictionary<int, Scored> scores)
    {
        foreach (var (_, s) in scores) if (s.Learned) return true;
        return false;
    }

    private static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    // The lexical channel alone: term similarity, BM25 over the glosses, and exact boosts.
    private static int LexicalBest(Dictionary<int, Scored> scores, float bm25Weight)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        foreach (var (ordinal, s) in scores)
        {
            var lexical = s.Similarity + s.Boost + s.NameBoost + bm25Weight * s.Bm25;
            if (lexical > bestScore || (lexical == bestScore && ordinal < best))
            {
                best = ordinal;
                bestScore = lexical;
            }
        }
        return best;
    }

    // The best `count` ordinals by score, best first (the lower ordinal on a tie).
    private static ReadOnlySpan<VectorNeighbor> TopOrdinals(float[] scores, int count, RouteScratch scratch)
    {
        var best = scratch.BestBuffer(count);
        return best.AsSpan(0, TopSelection.Select(scores, count, best));
    }

    // From the exact index's row when the route kept one.
    private float Similarity(ReadOnlySpan<float> query, float[]? lexical, int ordinal) =>
        lexical is null ? Similarity(query, ordinal) : lexical[ordinal];

    private float Similarity(ReadOnlySpan<float> query, int ordinal)
    {
        var dims = Embedder.Dimensions;
        return TensorPrimitives.Dot(query, _vectors.AsSpan(ordinal * dims, dims));
    }

    // A parent named in the question lends part of its name boost to its add-ons (no evidence: they
    // were not named), so the model's reading decides between "IFLB" and "IFLB Activation Threshold".
    private void ShareNamesWithFamilies(RouteScratch scratch, ReadOnlySpan<float> query, float[]? lexical, bool hasLexical, List<string> questionTerms)
    {
        var scores = scratch.Scores;
        List<(int Ordinal, float Boost, int Terms)>? named = null;
        foreach (var (ordinal, s) in scores)
        {
            if (s.NameBoost > 0) (named ??= []).Add((ordinal, s.NameBoost, s.NameTerms));
        }
        if (named is null) return;
        foreach (var (parent, boost, terms) in named)
        {
            foreach (var member in _families.Value.PointedAt(parent, questionTerms))
            {
                if (!scores.TryGetValue(member, out var s))
                    scores[member] = s = scratch.Rent(hasLexical ? Similarity(query, lexical, member) : 0f);
                if (s.NameBoost > 0) continue;
                s.NameBoost = _options.FamilyNameShareWithModel * boost;
                s.NameTerms = terms;
            }
        }
    }
}
