namespace Elex.Core.Responses;

/// <summary>
/// Where a question goes, known before it is answered: the feature and agent chosen (or that the
/// swarm abstains), the confidence, the candidates weighed with why, and the evidence of the route.
/// </summary>
public sealed record RoutingDecision
{
    /// <summary>The best feature's code; null when nothing in the catalog matched.</summary>
    public string? FeatureCode { get; init; }
    /// <summary>The best feature's name; null when nothing matched.</summary>
    public string? FeatureName { get; init; }
    /// <summary>The agent that answers; null when the swarm abstains.</summary>
    public string? AgentId { get; init; }
    /// <summary>Routing confidence in [0, 1].</summary>
    public float Confidence { get; init; }
    /// <summary>
    /// True when no agent answers: the route is too unsure (the answer will be Unsure: the candidates
    /// with why, no command) or nothing matched (NoMatch).
    /// </summary>
    public bool Abstained => AgentId is null;
    /// <summary>The candidates, best first (the best one included).</summary>
    public IReadOnlyList<RoutingCandidate> Candidates { get; init; } = [];
    /// <summary>Why the best feature was chosen ("routed by …"), as the response's evidence starts.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
    /// <summary>True when a follow-up was routed by its conversation's features.</summary>
    public bool ResolvedFromContext { get; init; }

    /// <summary>The decision for a query routed and dispatched as <paramref name="facts"/> say.</summary>
    internal static RoutingDecision Of(ResponseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Route is not { Best: { } best } route) return new RoutingDecision { Confidence = facts.Route?.Confidence ?? 0f };
        // The agent answers about its own feature (a comparison's lead may differ from the best guess).
        var feature = facts.Agent?.Feature ?? best.Feature;
        return new RoutingDecision
        {
            FeatureCode = feature.Code.Value,
            FeatureName = feature.Name,
            AgentId = facts.Agent?.Id,
            Confidence = route.Confidence,
            Candidates = [.. route.Candidates.Select(c => new RoutingCandidate(c.Feature.Code.Value, c.Feature.Name, c.Similarity, ResponseBuilder.Why(c, route.UsedSemantic)))],
            Evidence = ResponseBuilder.RoutingEvidence(best, route.ResolvedFromContext),
            ResolvedFromContext = route.ResolvedFromContext,
        };
    }
}
