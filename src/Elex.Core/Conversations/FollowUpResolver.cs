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
internal static class FollowUpResolver
{
    /// <summary>
    /// The confidence of a follow-up that is settled: its wording points back ("how do I activate it?")
    /// and one context feature fits, or a fact it names is shared by features of which the conversation
    /// is about one. The engineer named that feature a moment ago, so the route is as settled as one
    /// naming it — 0.8, where answers stop exploring clarifications (see docs/ROUTING.md).
    /// </summary>
    public const float FollowUpConfidence = 0.8f;

    /// <summary>
    /// The confidence of a follow-up that is read from context but not settled: inferred from a vague
    /// question, torn between two context features, or one whose own topic words point confidently
    /// elsewhere ("what about the offload thresholds?" after MIMO Sleep Mode). Above the default abstention
    /// threshold (0.7), so it is answered, and in the band where an answer may ask which feature was meant.
    /// </summary>
    public const float UncertainFollowUpConfidence = 0.75f;

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

        if (ownRoute.Candidates.Any(FeatureMentions.HasExactEvidence))
        {
            // The features sharing the fact stay as alternatives: they are what the question named.
            var contextual = ownRoute.Candidates.FirstOrDefault(c => inContext.Contains(c.Feature.Code) && FeatureMentions.HasExactEvidence(c));
            return contextual is null ? ownRoute : RouteTo(new Choice(contextual.Feature.Code, FollowUpConfidence, false, KeepOwnCandidates: true), ownRoute, inContext, catalog);
        }

        var cues = FollowUpCues.Of(question);
        var confident = ownRoute.Confidence >= confidentAt;
        var closeToContext = ownRoute.Candidates.Take(CloseCandidates).Any(c => inContext.Contains(c.Feature.Code));
        if (!cues.ContinuesConversation && (confident || (cues.Words > BareQuestionWords && !closeToContext))) return ownRoute;

        var (chosen, ambiguous) = Choose(router, ownRoute, question, inContext);
        // Its own topic words point confidently at another feature: keep that one in view as an alternative.
        var elsewhere = confident && cues.TopicWords > 0 && !inContext.Contains(ownRoute.Best!.Feature.Code);
        var settled = cues.ContinuesConversation && !ambiguous && !elsewhere;
        return RouteTo(new Choice(chosen, settled ? FollowUpConfidence : UncertainFollowUpConfidence, ambiguous, KeepOwnCandidates: elsewhere), ownRoute, inContext, catalog);
    }

    // The context feature the question's own route ranks highest; else the one nearest its words; on a tie the most recent, marked ambiguous.
    private static (FeatureCode Chosen, bool Ambiguous) Choose(FeatureRouter router, RouteResult ownRoute, string question, List<FeatureCode> inContext)
    {
        foreach (var candidate in ownRoute.Candidates)
            if (inContext.Contains(candidate.Feature.Code)) return (candidate.Feature.Code, false);
        if (inContext.Count == 1) return (inContext[0], false);
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

    private static RouteResult RouteTo(Choice choice, RouteResult ownRoute, List<FeatureCode> inContext, FeatureCatalog catalog)
    {
        var confidence = ownRoute.Best?.Feature.Code == choice.Feature ? Math.Max(choice.Confidence, ownRoute.Confidence) : choice.Confidence;
        // A follow-up's own candidates are usually noise ("how do I activate it?" is close to anything
        // activated); the other context feature is the real alternative.
        var order = new List<FeatureCode> { choice.Feature };
        order.AddRange(inContext.Where(c => c != choice.Feature));
        if (choice.KeepOwnCandidates) order.AddRange(ownRoute.Candidates.Select(c => c.Feature.Code).Where(c => !order.Contains(c)));
        var candidates = new List<RouteCandidate>(order.Count);
        foreach (var code in order.Take(Math.Max(ownRoute.Candidates.Count, inContext.Count)))
        {
            var existing = ownRoute.Candidates.FirstOrDefault(c => c.Feature.Code == code);
            catalog.TryGetOrdinal(code, out var ordinal);
            var candidate = existing ?? new RouteCandidate(catalog[ordinal], ordinal, 0f, 0f, 0f, []);
            if (code == choice.Feature)
            {
                candidate = candidate with
                {
                    Confidence = confidence,
                    Evidence = [new RouteEvidence(MatchKind.Conversation, candidate.Feature.Name, 1), .. candidate.Evidence],
                };
            }
            candidates.Add(candidate);
        }
        return new RouteResult(candidates, confidence, choice.Ambiguous)
        {
            UsedSemantic = ownRoute.UsedSemantic,
            ModelFailure = ownRoute.ModelFailure,
            QuestionRat = ownRoute.QuestionRat,
            ResolvedFromContext = true,
        };
    }

    private readonly record struct Choice(FeatureCode Feature, float Confidence, bool Ambiguous, bool KeepOwnCandidates);
}
