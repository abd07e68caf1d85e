using System.Globalization;
using System.Text;
using Elex.Core.Agents;
using Elex.Core.Conversations;
using Elex.Core.Learning;
using Elex.Core.Routing;

namespace Elex.Core.Responses;

/// <summary>
/// Builds the one <see cref="QueryResponse"/> a query gets from what is known about it: Answered by
/// its agent, Unsure (routed, but no agent was sure enough), NoMatch (nothing in the catalog), or
/// Error / Rejected for a query that failed on the way.
/// </summary>
internal static class ResponseBuilder
{
    private const string NoMatchText =
        "No feature in the catalog matches this question. Name the feature, its acronym or FAJ code, or a parameter, counter or event it uses.";

    /// <summary>
    /// The response to a query that went through: its agent's answer with routing evidence,
    /// alternatives and warnings, and the interaction recorded on the agent; without an agent,
    /// Unsure when there are candidates and NoMatch when there are none.
    /// </summary>
    /// <param name="facts">What is known about the query.</param>
    /// <param name="clock">
    /// The current time, read once the answer exists, so the latency covers the agent's work.
    /// </param>
    public static QueryResponse Respond(ResponseFacts facts, Func<DateTimeOffset> clock)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(clock);
        if (facts.Agent is not { } agent || facts.Route?.Best is not { } best)
        {
            if (facts.Route is { Candidates.Count: > 0 } guessed) return Unsure(facts, guessed, clock());
            return new QueryResponse(Header(facts, ResponseStatus.NoMatch, clock())) { Text = NoMatchText, Confidence = facts.Route?.Confidence ?? 0f };
        }
        var route = facts.Route;
        var answer = agent.Answer(Context(facts, route));
        var response = Answered(facts, route, best, agent.Id, agent.Feature, answer, clock());
        agent.RecordInteraction(response.LatencyUs, response.Confidence, success: true, response.Timestamp);
        return response;
    }

    /// <summary>
    /// The Answered response to a routed query from its agent's answer, wherever the agent ran (in
    /// this process, or as a grain on another machine): routing evidence, alternatives and warnings
    /// are the route's, the rest the answer's.
    /// </summary>
    internal static QueryResponse Answered(ResponseFacts facts, RouteResult route, RouteCandidate best, string agentId, Catalog.Feature feature, AgentAnswer answer, DateTimeOffset now) =>
        new(Header(facts, ResponseStatus.Answered, now))
        {
            Text = answer.Text,
            AgentId = agentId,
            FeatureCode = feature.Code.Value,
            FeatureName = feature.Name,
            Confidence = route.Confidence,
            Alternatives = AlternativeCodes(route),
            Evidence = Evidence(best, route.ResolvedFromContext, answer.Evidence),
            Commands = answer.Commands,
            Strategy = answer.Action,
            LearningState = answer.State,
            Warnings = Warnings(route, answer.Warnings),
        };

    private static AnswerContext Context(ResponseFacts facts, RouteResult route)
    {
        var alternatives = route.Candidates.Count <= 1 ? [] : new Catalog.Feature[route.Candidates.Count - 1];
        for (var i = 1; i < route.Candidates.Count; i++) alternatives[i - 1] = route.Candidates[i].Feature;
        var context = new AnswerContext(facts.Query.Text, facts.Classification)
        {
            RouteConfidence = route.Confidence,
            Alternatives = alternatives,
            Compared = facts.Compared,
            ShowAll = facts.Query.All,
            RatReadByRouter = route.QuestionRat,
        };
        return facts.Peer is { } peer ? WithPeer(context, peer) : context;
    }

    // Its own method, so the closure is allocated only for a query that has a peer to consult.
    private static AnswerContext WithPeer(AnswerContext context, Func<FeatureAgent?> peer) =>
        context with { ConsultPeer = () => peer()?.Answer(context with { ForcedAction = ResponseAction.DirectAnswer }) };

    private static string[] AlternativeCodes(RouteResult route)
    {
        if (route.Candidates.Count <= 1) return [];
        var codes = new string[route.Candidates.Count - 1];
        for (var i = 1; i < route.Candidates.Count; i++) codes[i - 1] = route.Candidates[i].Feature.Code.Value;
        return codes;
    }

    /// <summary>Why the route went where it did ("routed by …"): the start of an answered response's evidence.</summary>
    internal static string[] RoutingEvidence(RouteCandidate best, bool resolvedFromContext) => Evidence(best, resolvedFromContext, []);

    // Why the route went where it did, then every catalog fact the answer used.
    private static string[] Evidence(RouteCandidate best, bool resolvedFromContext, IReadOnlyList<string> answerEvidence)
    {
        // A follow-up went by the conversation, not by how its own words compare with the feature.
        var similarity = resolvedFromContext ? 0 : 1;
        var evidence = new string[best.Evidence.Count + similarity + answerEvidence.Count];
        var n = 0;
        for (var i = 0; i < best.Evidence.Count; i++) evidence[n++] = $"routed by {best.Evidence[i]}";
        if (similarity == 1) evidence[n++] = string.Create(CultureInfo.InvariantCulture, $"routed by similarity {best.Similarity:0.000}");
        for (var i = 0; i < answerEvidence.Count; i++) evidence[n++] = answerEvidence[i];
        return evidence;
    }

    private static IReadOnlyList<string> Warnings(RouteResult route, IReadOnlyList<string> answerWarnings)
    {
        if (route.ModelFailure is null && !route.IsAmbiguous) return answerWarnings;
        return [
            .. ModelWarning(route),
            .. route.IsAmbiguous ? [$"Ambiguous: {string.Join(", ", route.Candidates.Take(3).Select(c => c.Feature.DisplayName))} match about equally."] : Array.Empty<string>(),
            .. answerWarnings];
    }

    /// <summary>The response to a query that failed in <paramref name="stage"/>: Rejected when it was turned away or cancelled, Error otherwise.</summary>
    /// <param name="facts">What was known about the query when it failed.</param>
    /// <param name="stage">The stage that failed.</param>
    /// <param name="failure">Why.</param>
    /// <param name="rejected">The query was turned away (busy) or cancelled rather than broken.</param>
    /// <param name="now">The current time.</param>
    public static QueryResponse Failed(ResponseFacts facts, string stage, Exception failure, bool rejected, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(failure);
        return new QueryResponse(Header(facts, rejected ? ResponseStatus.Rejected : ResponseStatus.Error, now))
        {
            Text = $"The query failed in {stage}: {failure.Message}",
            Error = $"{stage}: {failure.Message}",
        };
    }

    // Below the abstention threshold the swarm says so instead of answering as a guessed feature's
    // agent: the best guess is named (featureCode), the closest three are listed with why, and no
    // command is proposed, because a command for the wrong feature is worse than none.
    private static QueryResponse Unsure(ResponseFacts facts, RouteResult route, DateTimeOffset now)
    {
        // Sized for the usual three candidates, so the text is built without growing.
        var text = new StringBuilder(UnsureTextCapacity);
        text.Append(CultureInfo.InvariantCulture, $"Not sure which feature this is about (confidence {route.Confidence:0.00}). The closest:");
        var shown = Math.Min(3, route.Candidates.Count);
        for (var i = 0; i < shown; i++)
        {
            var c = route.Candidates[i];
            text.Append('\n').Append(i + 1).Append(". ").Append(c.Feature.DisplayName).Append(" — ");
            AppendWhy(text, c, route.UsedSemantic);
        }
        text.Append("\nAsk again naming one of them (name, acronym or FAJ code) for a full answer.");
        var best = route.Best!;
        var evidence = new string[best.Evidence.Count];
        for (var i = 0; i < evidence.Length; i++) evidence[i] = $"routed by {best.Evidence[i]}";
        return new QueryResponse(Header(facts, ResponseStatus.Unsure, now))
        {
            Text = text.ToString(),
            FeatureCode = best.Feature.Code.Value,
            FeatureName = best.Feature.Name,
            Confidence = route.Confidence,
            Alternatives = AlternativeCodes(route),
            Evidence = evidence,
            Warnings = ModelWarning(route),
        };
    }

    /// <summary>Why a candidate was weighed: the names the question uses for it, and how similar it is.</summary>
    internal static string Why(RouteCandidate candidate, bool semantic) => AppendWhy(new StringBuilder(), candidate, semantic).ToString();

    private static StringBuilder AppendWhy(StringBuilder text, RouteCandidate candidate, bool semantic)
    {
        for (var i = 0; i < candidate.Evidence.Count; i++) text.Append(i == 0 ? "names " : ", ").Append(candidate.Evidence[i].ToString());
        if (candidate.Evidence.Count > 0) text.Append("; ");
        return text.Append(CultureInfo.InvariantCulture, $"{(semantic ? "close in meaning" : "similar wording")} (similarity {candidate.Similarity:0.00})");
    }

    private const int UnsureTextCapacity = 512;

    private static string[] Codes(IReadOnlyList<RouteCandidate> candidates)
    {
        if (candidates.Count == 0) return [];
        var codes = new string[candidates.Count];
        for (var i = 0; i < codes.Length; i++) codes[i] = candidates[i].Feature.Code.Value;
        return codes;
    }

    private static string[] ModelWarning(RouteResult route) =>
        route.ModelFailure is { } failure ? [$"The sentence model could not run ({failure}); routed on exact and lexical evidence only."] : [];

    private static ResponseHeader Header(ResponseFacts facts, ResponseStatus status, DateTimeOffset now) => new(
        ResponseIds.Next(),
        facts.Query.Id,
        facts.Query.Text,
        status,
        Codes(FeatureMentions.Of(facts.Route)),
        facts.Query.Conversation is { IsEmpty: false } context ? [.. context.Features.Select(c => c.Value)] : [],
        facts.Route?.ResolvedFromContext ?? false,
        facts.Classification.Type,
        facts.Classification.Complexity,
        Math.Max(0, (now - facts.StartedAt).Ticks / 10.0),
        Math.Max(0, (facts.StartedAt - facts.ReceivedAt).Ticks / 10.0),
        now);
}
