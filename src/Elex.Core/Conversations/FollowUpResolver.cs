using Elex.Core.Catalog;
using Elex.Core.Routing;

namespace Elex.Core.Conversations;

/// <summary>
/// Routes a question asked in a conversation. The router first routes the question on its own; this
/// decides whether that route stands or the question is a follow-up about the features in context:
/// <list type="number">
/// <item>A question that names a feature itself (<see cref="FeatureMentions"/>) keeps its own route,
/// so naming another feature always switches the conversation (and recovers from a wrong resolution).</item>
/// <item>A question naming only a fact several features share (a parameter, a shared acronym) goes to the
/// context feature among them.</item>
/// <item>Otherwise it is a follow-up when its wording continues the conversation
/// (<see cref="FollowUpCues"/>), or when its own route is not confident and either the question is bare
/// ("prerequisites?") or a context feature is among its three closest features.</item>
/// </list>
/// A follow-up is routed to the context feature its own route ranks highest — or, when it ranks none,
/// the one closest to its words in the lexical channel ("the sleep counters" leans towards MIMO Sleep
/// Mode) — with the other context feature as the first alternative. When nothing tells two context
/// features apart, the route is marked ambiguous and goes to the more recent one.
/// </summary>
public static class FollowUpResolver
{
    /// <summary>
    /// The confidence of a follow-up's route: above the default abstention threshold (0.7), so a
    /// follow-up is answered, and below 0.8, which is reserved for routes that exact evidence and both
    /// routing channels corroborate — the question's own words did not.
    /// </summary>
    public const float FollowUpConfidence = 0.75f;

    /// <summary>Questions of at most this many words that route nowhere confidently are about the context ("counters?").</summary>
    public const int BareQuestionWords = 4;

    // An unconfident question is read as a follow-up only when a context feature is as close as the
    // candidates an Unsure answer would list.
    private const int CloseCandidates = 3;

    // Lexical similarities closer than this do not tell two context features apart.
    private const float SimilarityTie = 0.02f;

    /// <summary>Resolves <paramref name="ownRoute"/> (the question routed on its own) against <paramref name="context"/>.</summary>
    /// <param name="router">The router that routed the question (its catalog, and its lexical channel to choose among context features).</param>
    /// <param name="ownRoute">The router's route for the question alone.</param>
    /// <param name="question">The question text.</param>
    /// <param name="context">The conversation's features; codes outside the router's catalog are ignored.</param>
    /// <param name="confidentAt">The confidence from which a route is answered (the abstention threshold).</param>
    /// <returns><paramref name="ownRoute"/> itself when the question stands on its own, else a route to a context feature with <see cref="RouteResult.ResolvedFromContext"/> set.</returns>
    public static RouteResult Resolve(FeatureRouter router, RouteResult ownRoute, string question, ConversationContext context, float confidentAt)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(ownRoute);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        var catalog = router.Catalog;
        var inContext = context.Features.Where(catalog.Contains).ToList();
        if (inContext.Count == 0 || FeatureMentions.Of(ownRoute).Count > 0) return ownRoute;

        var sharedFact = ownRoute.Candidates.FirstOrDefault(FeatureMentions.HasExactEvidence);
        if (sharedFact is not null)
        {
            var contextual = ownRoute.Candidates.FirstOrDefault(c => inContext.Contains(c.Feature.Code) && FeatureMentions.HasExactEvidence(c));
            return contextual is null ? ownRoute : RouteTo(contextual.Feature.Code, ownRoute, inContext, catalog, ambiguous: false);
        }

        var cues = FollowUpCues.Of(question);
        var confident = ownRoute.Confidence >= confidentAt;
        var closeToContext = ownRoute.Candidates.Take(CloseCandidates).Any(c => inContext.Contains(c.Feature.Code));
        var followUp = cues.ContinuesConversation || (!confident && (cues.Words <= BareQuestionWords || closeToContext));
        if (!followUp) return ownRoute;

        var ranked = ownRoute.Candidates.Select(c => c.Feature.Code).Where(inContext.Contains).ToList();
        if (ranked.Count > 0 || inContext.Count == 1) return RouteTo(ranked.Count > 0 ? ranked[0] : inContext[0], ownRoute, inContext, catalog, ambiguous: false);
        var (closest, tie) = Closest(router, question, inContext);
        return RouteTo(closest, ownRoute, inContext, catalog, ambiguous: tie);
    }

    // The context feature nearest to the question's words; on a tie, the most recent one.
    private static (FeatureCode Closest, bool Tie) Closest(FeatureRouter router, string question, List<FeatureCode> inContext)
    {
        var similarities = inContext.Select(code =>
        {
            router.Catalog.TryGetOrdinal(code, out var ordinal);
            return router.LexicalSimilarity(question, ordinal);
        }).ToList();
        var best = 0;
        for (var i = 1; i < similarities.Count; i++) if (similarities[i] > similarities[best] + SimilarityTie) best = i;
        var tie = similarities.Where((s, i) => i != best).Any(s => s > similarities[best] - SimilarityTie);
        return (inContext[best], tie);
    }

    private static RouteResult RouteTo(FeatureCode chosen, RouteResult ownRoute, List<FeatureCode> inContext, FeatureCatalog catalog, bool ambiguous)
    {
        var own = ownRoute.Best?.Feature.Code == chosen ? ownRoute.Confidence : 0f;
        var confidence = Math.Max(FollowUpConfidence, own);
        var order = new List<FeatureCode>(ownRoute.Candidates.Count + inContext.Count) { chosen };
        order.AddRange(inContext.Where(c => c != chosen));
        order.AddRange(ownRoute.Candidates.Select(c => c.Feature.Code).Where(c => !order.Contains(c)));
        var candidates = new List<RouteCandidate>(Math.Max(ownRoute.Candidates.Count, order.Count));
        foreach (var code in order.Take(Math.Max(ownRoute.Candidates.Count, inContext.Count)))
        {
            var existing = ownRoute.Candidates.FirstOrDefault(c => c.Feature.Code == code);
            catalog.TryGetOrdinal(code, out var ordinal);
            var candidate = existing ?? new RouteCandidate(catalog[ordinal], ordinal, 0f, 0f, 0f, []);
            if (code == chosen)
            {
                candidate = candidate with
                {
                    Confidence = confidence,
                    Evidence = [new RouteEvidence(MatchKind.Conversation, candidate.Feature.Name, 1), .. candidate.Evidence],
                };
            }
            candidates.Add(candidate);
        }
        return new RouteResult(candidates, confidence, ambiguous)
        {
            UsedSemantic = ownRoute.UsedSemantic,
            ModelFailure = ownRoute.ModelFailure,
            ResolvedFromContext = true,
        };
    }
}
