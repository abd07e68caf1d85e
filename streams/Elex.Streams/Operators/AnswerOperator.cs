using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Elex.Core.Agents;
using Elex.Core.Conversations;
using Elex.Core.Responses;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>The Answer stage: every item becomes exactly one <see cref="QueryResponse"/>.</summary>
public static class AnswerOperator
{
    /// <summary>
    /// Asks each item's agent for its answer and builds the response with routing evidence,
    /// alternatives, latency (by the scheduler's clock) and the agent's interaction recorded. A
    /// failed item becomes an Error response, an unrouted one a NoMatch response; neither ends
    /// the stream.
    /// </summary>
    public static IObservable<QueryResponse> Answer(this IObservable<PipelineItem> source, IScheduler scheduler) =>
        source.Answer(scheduler, static (_, response) => response);

    /// <summary>As <see cref="Answer(IObservable{PipelineItem}, IScheduler)"/>, pairing each response with its item (to complete an awaiting caller).</summary>
    public static IObservable<TResult> Answer<TResult>(this IObservable<PipelineItem> source, IScheduler scheduler, Func<PipelineItem, QueryResponse, TResult> resultSelector)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(resultSelector);
        return source.Select(item => resultSelector(item, Respond(item, scheduler)));
    }

    internal static QueryResponse Respond(PipelineItem item, IScheduler scheduler)
    {
        try
        {
            if (item.HasFailed) return Failed(item, scheduler);
            if (item.Agent is not { } agent || item.Route?.Best is not { } best)
            {
                var candidates = item.Route?.Candidates ?? [];
                if (candidates.Count > 0) return Unsure(item, scheduler, item.Route!);
                return Build(item, scheduler, ResponseStatus.NoMatch) with
                {
                    Text = "No feature in the catalog matches this question. Name the feature, its acronym or FAJ code, or a parameter, counter or event it uses.",
                    Confidence = item.Route?.Confidence ?? 0f,
                };
            }
            var context = new AnswerContext(item.Query.Text, item.Classification)
            {
                RouteConfidence = item.Route.Confidence,
                Alternatives = item.Route.Candidates.Skip(1).Select(c => c.Feature).ToList(),
                Compared = item.Compared,
                ShowAll = item.Query.All,
            };
            var peer = item.Peer;
            context = context with
            {
                ConsultPeer = peer is null ? null : () => peer()?.Answer(context with { ForcedAction = Elex.Core.Learning.ResponseAction.DirectAnswer }),
            };
            var answer = agent.Answer(context);
            var routeEvidence = best.Evidence.Select(e => $"routed by {e}");
            // A follow-up went by the conversation, not by how its own words compare with the feature.
            if (!item.Route.ResolvedFromContext) routeEvidence = routeEvidence.Append($"routed by similarity {best.Similarity:0.000}");
            var response = Build(item, scheduler, ResponseStatus.Answered) with
            {
                Text = answer.Text,
                AgentId = agent.Id,
                FeatureCode = agent.Feature.Code.Value,
                FeatureName = agent.Feature.Name,
                Confidence = item.Route.Confidence,
                Alternatives = item.Route.Candidates.Skip(1).Select(c => c.Feature.Code.Value).ToList(),
                Evidence = [.. routeEvidence, .. answer.Evidence],
                Commands = answer.Commands,
                Strategy = answer.Action,
                LearningState = answer.State,
                Warnings = [
                    .. item.Route.ModelFailure is { } failure ? [$"The sentence model could not run ({failure}); routed on exact and lexical evidence only."] : Array.Empty<string>(),
                    .. item.Route.IsAmbiguous ? [$"Ambiguous: {string.Join(", ", item.Route.Candidates.Take(3).Select(c => c.Feature.DisplayName))} match about equally."] : Array.Empty<string>(),
                    .. answer.Warnings],
            };
            agent.RecordInteraction(response.LatencyUs, response.Confidence, success: true, response.Timestamp);
            return response;
        }
        catch (Exception e)
        {
            return Failed(item.Fail("answer", e), scheduler);
        }
    }

    // Below the abstention threshold the swarm says so instead of answering as a guessed feature's
    // agent: the best guess is named (featureCode), the closest three are listed with why, and no
    // command is proposed, because a command for the wrong feature is worse than none.
    private static QueryResponse Unsure(PipelineItem item, IScheduler scheduler, Core.Routing.RouteResult route)
    {
        var text = new System.Text.StringBuilder();
        text.Append(System.FormattableString.Invariant($"Not sure which feature this is about (confidence {route.Confidence:0.00}). The closest:"));
        var rank = 0;
        foreach (var c in route.Candidates.Take(3))
        {
            text.Append('\n').Append(++rank).Append(". ").Append(c.Feature.DisplayName).Append(" — ").Append(Why(c, route.UsedSemantic));
        }
        text.Append("\nAsk again naming one of them (name, acronym or FAJ code) for a full answer.");
        return Build(item, scheduler, ResponseStatus.Unsure) with
        {
            Text = text.ToString(),
            FeatureCode = route.Best!.Feature.Code.Value,
            FeatureName = route.Best.Feature.Name,
            Confidence = route.Confidence,
            Alternatives = route.Candidates.Skip(1).Select(c => c.Feature.Code.Value).ToList(),
            Evidence = route.Best.Evidence.Select(e => $"routed by {e}").ToList(),
            Warnings = route.ModelFailure is { } failure ? [$"The sentence model could not run ({failure}); routed on exact and lexical evidence only."] : [],
        };
    }

    private static string Why(Core.Routing.RouteCandidate candidate, bool semantic)
    {
        var named = candidate.Evidence.Count > 0 ? "names " + string.Join(", ", candidate.Evidence.Select(e => e.ToString())) : null;
        var similar = semantic
            ? System.FormattableString.Invariant($"close in meaning (similarity {candidate.Similarity:0.00})")
            : System.FormattableString.Invariant($"similar wording (similarity {candidate.Similarity:0.00})");
        return named is null ? similar : $"{named}; {similar}";
    }

    private static QueryResponse Failed(PipelineItem item, IScheduler scheduler) =>
        Build(item, scheduler, item.Failure is OperationCanceledException or SwarmBusyException ? ResponseStatus.Rejected : ResponseStatus.Error) with
        {
            Text = $"The query failed in {item.FailedStage}: {item.Failure!.Message}",
            Error = $"{item.FailedStage}: {item.Failure.Message}",
        };

    private static QueryResponse Build(PipelineItem item, IScheduler scheduler, ResponseStatus status)
    {
        var now = scheduler.Now;
        return new QueryResponse
        {
            ResponseId = ResponseIds.Next(),
            QueryId = item.Query.Id,
            QueryText = item.Query.Text,
            Status = status,
            NamedFeatures = FeatureMentions.Of(item.Route) is { Count: > 0 } named ? [.. named.Select(c => c.Feature.Code.Value)] : [],
            ContextFeatures = item.Query.Conversation is { IsEmpty: false } context ? [.. context.Features.Select(c => c.Value)] : [],
            ResolvedFromContext = item.Route?.ResolvedFromContext ?? false,
            QueryType = item.Classification.Type,
            Complexity = item.Classification.Complexity,
            LatencyUs = Math.Max(0, (now - item.StartedAt).Ticks / 10.0),
            QueueUs = Math.Max(0, (item.StartedAt - item.ReceivedAt).Ticks / 10.0),
            Timestamp = now,
        };
    }
}
